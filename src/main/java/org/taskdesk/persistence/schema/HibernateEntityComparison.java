package org.taskdesk.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.taskdesk.migrations.DatabaseSchema;
import org.taskdesk.migrations.EntityComparison;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.mapping.SchemaDiff;

/** The entities against the migrations, by Hibernate's schema update written to a script and never run. */
final class HibernateEntityComparison implements EntityComparison {
    private final DatabaseTarget configured;
    private final Clock clock;

    HibernateEntityComparison(DatabaseTarget configured, Clock clock) {
        this.configured = configured;
        this.clock = clock;
    }

    @Override
    public SchemaDifference scratchH2() {
        String url = "jdbc:h2:mem:taskdesk-compare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DatabaseConnections scratch = new DatabaseConnections(
                new DatabaseTarget(DatabaseKind.H2, url, "sa", "", "scratch H2 database", Optional.empty()));
        try {
            SchemaMigrator migrator = new SchemaMigrator(scratch, new LocalBackups(clock));
            migrator.upgrade(0, migrator.catalog().head(), StepListener.NONE);
            return new SchemaDifference("h2", SchemaDiff.against(scratch));
        } finally {
            try (Connection connection = scratch.open();
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // the scratch database is gone either way when the process ends
            }
        }
    }

    @Override
    public Optional<DatabaseSchema> configuredPostgres() {
        if (configured.kind() != DatabaseKind.POSTGRESQL) {
            return Optional.empty();
        }
        return Optional.of(new FlywaySchema(new SchemaMigrator(new DatabaseConnections(configured),
                new LocalBackups(clock))));
    }

    @Override
    public SchemaDifference configuredPostgresDifference() {
        return new SchemaDifference("postgresql", SchemaDiff.against(new DatabaseConnections(configured)));
    }
}
