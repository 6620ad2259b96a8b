package org.taskdesk.domain.tasks;

import java.util.Locale;

/**
 * How important a task is. Stored in the seed's {@code priority varchar(10)} column as
 * {@code "low"}, {@code "medium"} or {@code "high"}; {@link #NONE} is stored as SQL NULL so that rows written
 * before priorities existed need no migration.
 */
public enum Priority {
    NONE(null),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String storedValue;

    Priority(String storedValue) {
        this.storedValue = storedValue;
    }

    /** The column value: null for {@link #NONE}, else the lower-case name. */
    public String storedValue() {
        return storedValue;
    }

    /**
     * Reads the column value. Null or blank means no priority, because that is what old rows hold.
     *
     * @throws IllegalArgumentException for any other unknown text: that is corrupt data, not user input
     */
    public static Priority fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        for (Priority p : values()) {
            if (p.storedValue != null && p.storedValue.equals(stored.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown stored priority \"" + stored
                + "\": expected null, \"low\", \"medium\" or \"high\".");
    }

    /**
     * Reads what a person typed: low, med, medium, high or none, in any case.
     *
     * @throws InvalidTaskException with a message that lists the accepted words
     */
    public static Priority parse(String userText) {
        Priority p = parseOrNull(userText);
        if (p == null) {
            throw new InvalidTaskException("Unknown priority " + QuotedInput.quoted(userText == null ? "" : userText.trim())
                    + "; use high, medium, low or none.");
        }
        return p;
    }

    /** Like {@link #parse} but returns null instead of throwing; used by the parsers that must never throw. */
    static Priority parseOrNull(String userText) {
        if (userText == null) {
            return null;
        }
        switch (userText.trim().toLowerCase(Locale.ROOT)) {
            case "none": return NONE;
            case "low": return LOW;
            case "med":
            case "medium": return MEDIUM;
            case "high": return HIGH;
            default: return null;
        }
    }
}
