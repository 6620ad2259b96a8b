package org.taskdesk.transfer;

import java.util.Locale;
import org.taskdesk.domain.tasks.InvalidTaskException;
import org.taskdesk.domain.tasks.Tags;

/**
 * Another app's category, label or section name as a TaskDesk tag: lower case, spaces as hyphens, characters a tag
 * cannot hold left out ("Next Week!" becomes {@code next-week}). Null when nothing is left to keep.
 */
final class ForeignTags {
    private ForeignTags() {
    }

    static String tagName(String foreign) {
        if (foreign == null) {
            return null;
        }
        String name = foreign.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")
                .replaceAll("[^\\p{L}\\p{N}_/-]", "");
        if (name.startsWith("#")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Tags.normalise(name);
        } catch (InvalidTaskException e) {
            return null;
        }
    }
}
