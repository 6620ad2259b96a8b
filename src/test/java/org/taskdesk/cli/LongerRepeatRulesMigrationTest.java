package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * Version 9 widens {@code recurrence_pattern} for calendars' rules (issue 12). Its downgrade puts the seed's 50
 * characters back, and refuses, changing nothing, while a longer rule is saved: cutting it would change the repeat.
 */
class LongerRepeatRulesMigrationTest {
    /** RFC 5545's "every other week on Monday, Wednesday and Friday until December 24": 68 characters. */
    private static final String LONG_RULE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;UNTIL=19971224T000000Z";

    @TempDir
    Path folder;

    private CliResult db(String url, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--database-url";
        all[1] = url;
        all[2] = "db";
        System.arraycopy(args, 0, all, 3, args.length);
        return new TaskDeskCli(TestEnvironment.in(folder)).run(all);
    }

    private Connection connect(String url) throws Exception {
        return url.startsWith("postgresql:") ? TestPostgres.connect(url)
                : new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url)).open();
    }

    /** Runs {@code sql} with row-level security lifted for this set-up only (the owner has no session). */
    private void asOwner(String url, String... sql) throws Exception {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            boolean postgres = url.startsWith("postgresql:");
            if (postgres) {
                statement.execute("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY");
                statement.execute("ALTER TABLE tasks DISABLE ROW LEVEL SECURITY");
            }
            for (String s : sql) {
                statement.execute(s);
            }
            if (postgres) {
                statement.execute("ALTER TABLE tasks ENABLE ROW LEVEL SECURITY");
                statement.execute("ALTER TABLE tasks FORCE ROW LEVEL SECURITY");
            }
        }
    }

    private String storedRule(String url) throws Exception {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            if (url.startsWith("postgresql:")) {
                statement.execute("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY");
            }
            ResultSet row = statement.executeQuery("SELECT recurrence_pattern FROM tasks");
            row.next();
            String rule = row.getString(1);
            if (url.startsWith("postgresql:")) {
                statement.execute("ALTER TABLE tasks FORCE ROW LEVEL SECURITY");
            }
            return rule;
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLongRuleFitsAndItsDowngradeRefusesUntilItIsShorter(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        assertThat(db(url, "upgrade", "head").exitCode()).isZero();
        // Later versions (10, sync) go first, so that -1 below is version 9's own downgrade.
        assertThat(db(url, "downgrade", "9").exitCode()).isZero();
        asOwner(url, "INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')",
                "INSERT INTO tasks (user_id, title, recurrence_pattern) SELECT id, 'Team meeting', '" + LONG_RULE
                        + "' FROM users");

        CliResult refused = db(url, "downgrade", "-1");

        assertThat(refused.exitCode()).as("stdout %s", refused.out()).isNotZero();
        assertThat(refused.err().lines()).as("one line: %s", refused.err()).hasSize(1);
        assertThat(db(url, "current").out().strip())
                .isEqualTo(MigrationCatalog.forKind(kind).head() == 9 ? "9 (head)" : "9");
        assertThat(storedRule(url)).isEqualTo(LONG_RULE);

        asOwner(url, "UPDATE tasks SET recurrence_pattern = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR'");
        CliResult downgraded = db(url, "downgrade", "-1");
        assertThat(downgraded.exitCode()).as(downgraded.err()).isZero();
        assertThat(downgraded.out().strip()).isEqualTo("Running downgrade 9 -> 8, longer repeat rules");
        assertThat(storedRule(url)).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR");
    }
}
