package org.taskdesk.domain.sync;

import java.util.Optional;

/**
 * The seven fields of a task that merge one by one, each with its own clock stamp: two devices editing different
 * fields of one task both keep their edit. Their wire names are the protocol's.
 */
public enum SyncField {
    TITLE("title"), DESCRIPTION("description"), PRIORITY("priority"), TAGS("tags"), DUE("due"), REPEAT("repeat"),
    COMPLETED("completed");

    private final String wireName;

    SyncField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SyncField> named(String wireName) {
        for (SyncField field : values()) {
            if (field.wireName.equals(wireName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
