package org.taskdesk.domain.sync;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stamp of each field of one task ({@code tasks.field_clocks}): kept as JSON text, {@code {"title": "<stamp>",
 * …}}, one flat object of stamps (which hold no quotes), so it is written and read here without a JSON library.
 */
public final class FieldClocks {
    public static final FieldClocks NONE = new FieldClocks(new EnumMap<>(SyncField.class));
    private static final Pattern ENTRY = Pattern.compile("\"([a-z]+)\"\\s*:\\s*\"([^\"]*)\"");

    private final Map<SyncField, String> stamps;

    private FieldClocks(Map<SyncField, String> stamps) {
        this.stamps = stamps;
    }

    /** The stamps of {@code json}, as {@link #toJson} wrote them; null or empty text: none. */
    public static FieldClocks parse(String json) {
        Map<SyncField, String> stamps = new EnumMap<>(SyncField.class);
        if (json != null) {
            Matcher matcher = ENTRY.matcher(json);
            while (matcher.find()) {
                String stamp = matcher.group(2);
                SyncField.named(matcher.group(1)).filter(field -> HybridClock.isStamp(stamp))
                        .ifPresent(field -> stamps.put(field, stamp));
            }
        }
        return new FieldClocks(stamps);
    }

    /** The stamp of {@code field}, or null when it was never stamped (older than every stamp). */
    public String of(SyncField field) {
        return stamps.get(field);
    }

    public FieldClocks with(SyncField field, String stamp) {
        Map<SyncField, String> changed = new EnumMap<>(SyncField.class);
        changed.putAll(stamps);
        changed.put(field, stamp);
        return new FieldClocks(changed);
    }

    public Map<SyncField, String> asMap() {
        return Collections.unmodifiableMap(stamps);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        stamps.forEach((field, stamp) -> json.append(json.length() > 1 ? "," : "").append('"')
                .append(field.wireName()).append("\":\"").append(stamp).append('"'));
        return json.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldClocks clocks && clocks.stamps.equals(stamps);
    }

    @Override
    public int hashCode() {
        return stamps.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
