package org.taskdesk.migrations;

import java.time.Instant;

/** A known revision and whether, when and by whom it was applied to the database. */
public record HistoryEntry(Revision revision, boolean head, boolean current, boolean applied, Instant appliedOn,
                           String appliedBy) {
}
