package org.taskdesk.migrations;

import java.util.Optional;

/**
 * Compares the Hibernate entities with the migrations at head, for {@code revision --autogenerate} and
 * {@code check}: H2 always, in a scratch database; PostgreSQL in the configured database when it is one, since no
 * server can be conjured up.
 */
public interface EntityComparison {
    /** The difference for H2, in a scratch in-memory database migrated to head and dropped afterwards. */
    SchemaDifference scratchH2();

    /** The configured database's schema when it is a PostgreSQL one; empty when PostgreSQL cannot be compared. */
    Optional<DatabaseSchema> configuredPostgres();

    /** The difference for the configured PostgreSQL database, which must be at head. */
    SchemaDifference configuredPostgresDifference();
}
