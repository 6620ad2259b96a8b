package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/**
 * {@code taskdesk db current} reads Flyway's history table in plain SQL and names revisions from the list written at
 * build time, without starting Flyway (ADR 0017, 0027). In every state a database can be in, the revision it names is
 * the one Flyway's own {@code info} calls current.
 */
class DbCurrentAgainstFlywayTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anEmptyDatabaseHasNoRevisionForEither(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);

        assertThat(current(url)).startsWith("No revision");
        assertThat(flywayCurrent(kind, url)).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void atHeadAndBehindItBothNameTheSameRevision(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        db(url, "upgrade", "2");

        assertThat(current(url)).isEqualTo(flywayCurrent(kind, url));

        db(url, "upgrade", "head");

        assertThat(current(url)).isEqualTo(flywayCurrent(kind, url) + " (head)");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDatabaseFromANewerTaskDeskIsAtTheNewerRevisionForBoth(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        db(url, "upgrade", "head");
        int head = MigrationCatalog.forKind(kind).head();
        recordInHistory(kind, url, head + 1, true);

        assertThat(current(url)).isEqualTo(flywayCurrent(kind, url)
                + " (newer than this TaskDesk, which knows up to " + head + ")");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailedMigrationIsWhereBothSayTheDatabaseIs(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        db(url, "upgrade", "2");
        recordInHistory(kind, url, 3, false);

        assertThat(current(url)).isEqualTo(flywayCurrent(kind, url));
    }

    private CliResult db(String url, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--database-url";
        all[1] = url;
        all[2] = "db";
        System.arraycopy(args, 0, all, 3, args.length);
        CliResult result = new TaskDeskCli(TestEnvironment.in(folder)).run(all);
        assertThat(result.exitCode()).as("db %s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    private String current(String url) {
        return db(url, "current").out().strip();
    }

    private DatabaseTarget target(String url) {
        return new DatabaseUrl(folder, folder).parse(url);
    }

    /** The version Flyway's own info calls current, or null when it finds none. */
    private String flywayCurrent(DatabaseKind kind, String url) {
        DatabaseTarget target = target(url);
        MigrationInfo current = Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations(MigrationCatalog.forKind(kind).flywayLocations()).load().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** A history row as Flyway writes it, for a migration this program has ({@code version}) or has not. */
    private void recordInHistory(DatabaseKind kind, String url, int version, boolean success) throws Exception {
        DatabaseTarget target = target(url);
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") SELECT MAX(\"installed_rank\") + 1, '" + version + "', 'from elsewhere', 'SQL', "
                    + "'V" + version + "__from_elsewhere.sql', 0, 'test', 1, " + success
                    + " FROM \"flyway_schema_history\"");
        }
    }
}
