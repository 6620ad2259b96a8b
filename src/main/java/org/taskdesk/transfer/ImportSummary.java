package org.taskdesk.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did (or, for a dry run, would do): how many tasks were added, updated and already equal, and the
 * rows skipped and the values not kept, each as a sentence that starts with where it is in the file.
 */
public record ImportSummary(int added, int updated, int unchanged, List<String> skipped, List<String> notKept,
                            boolean dryRun) {
    public ImportSummary {
        skipped = List.copyOf(skipped);
        notKept = List.copyOf(notKept);
    }

    /**
     * One line for people: "212 added, 3 updated, 2 skipped: line 14 has no title; line 20 has no title".
     * A dry run says "would be" first.
     */
    public String describe() {
        List<String> counts = new ArrayList<>();
        counts.add(added + " added");
        counts.add(updated + " updated");
        if (unchanged > 0) {
            counts.add(unchanged + " unchanged");
        }
        String line = String.join(", ", counts);
        if (!skipped.isEmpty()) {
            line += ", " + skipped.size() + " skipped: " + String.join("; ", skipped);
        }
        if (!notKept.isEmpty()) {
            line += ". Not kept: " + String.join("; ", notKept);
        }
        return (dryRun ? "Dry run, nothing was changed; an import would give: " : "") + line + ".";
    }
}
