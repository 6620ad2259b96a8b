package org.taskdesk.persistence.schema;

import java.time.Clock;
import org.taskdesk.migrations.DatabaseSchema;
import org.taskdesk.migrations.EntityComparison;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/** The one door into schema persistence, for the composition root. */
public final class DatabaseSchemas {
    private DatabaseSchemas() {
    }

    /** The schema of the database {@code connections} reach; copies of a local file are dated by {@code clock}. */
    public static DatabaseSchema of(DatabaseConnections connections, Clock clock) {
        return new FlywaySchema(new SchemaMigrator(connections, new LocalBackups(clock)));
    }

    /** The entities compared with the migrations: H2 in a scratch database, and {@code configured} if PostgreSQL. */
    public static EntityComparison entityComparison(DatabaseTarget configured, Clock clock) {
        return new HibernateEntityComparison(configured, clock);
    }

    /** The newest version this program ships for either database kind. */
    public static int newestShippedVersion() {
        return Math.max(MigrationCatalog.forKind(DatabaseKind.H2).head(),
                MigrationCatalog.forKind(DatabaseKind.POSTGRESQL).head());
    }
}
