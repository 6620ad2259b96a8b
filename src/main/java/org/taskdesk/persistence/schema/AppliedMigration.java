package org.taskdesk.persistence.schema;

import java.time.Instant;

/** One row of Flyway's schema history that records a versioned migration. */
record AppliedMigration(int installedRank, int version, String description, String installedBy,
                               Instant installedOn, boolean success) {
}
