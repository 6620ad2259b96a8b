package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
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
 * A downgrade never removes people's data by accident: "+1" is not read as "version 1", and a downgrade that
 * would drop tables holding rows says what it would remove and waits for --yes.
 */
class DowngradeConfirmationTest {
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

    private CliResult ok(String url, String... args) {
        CliResult result = db(url, args);
        assertThat(result.exitCode()).as("db %s; stderr: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    private static void assertOneLineError(CliResult result, int exitCode, String expected) {
        assertThat(result.exitCode()).as("stdout: %s, stderr: %s", result.out(), result.err()).isEqualTo(exitCode);
        assertThat(result.err().lines()).as("one line: %s", result.err()).hasSize(1);
        assertThat(result.err().strip()).isEqualTo("Error: " + expected);
    }

    /** Two accounts, three tasks (two of Ann's, one of Bob's), written as any client would. */
    private static void addPeopleAndTasks(String url, Path folder) throws Exception {
        try (Connection connection = connect(url, folder); Statement statement = connection.createStatement()) {
            if (url.startsWith("postgresql:")) {
                // tasks is under forced row-level security: the owner writes them through no session, so for
                // this set-up only, the table is opened up and closed again.
                statement.execute("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY");
                statement.execute("ALTER TABLE tasks DISABLE ROW LEVEL SECURITY");
            }
            statement.execute("INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
            statement.execute("INSERT INTO users (email, name, password_hash) VALUES ('bob@example.com', 'Bob', 'x')");
            statement.execute("INSERT INTO tasks (user_id, title) SELECT id, 'Pay rent' FROM users WHERE name = 'Ann'");
            statement.execute("INSERT INTO tasks (user_id, title) SELECT id, 'Call mum' FROM users WHERE name = 'Ann'");
            statement.execute("INSERT INTO tasks (user_id, title) SELECT id, 'Fix bike' FROM users WHERE name = 'Bob'");
            if (url.startsWith("postgresql:")) {
                statement.execute("ALTER TABLE tasks ENABLE ROW LEVEL SECURITY");
                statement.execute("ALTER TABLE tasks FORCE ROW LEVEL SECURITY");
            }
        }
    }

    private static Connection connect(String url, Path folder) throws Exception {
        return url.startsWith("postgresql:") ? TestPostgres.connect(url)
                : new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url)).open();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downgradePlusOneIsAnErrorThatSaysWhatWasMeantAndChangesNothing(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "3");

        assertOneLineError(db(url, "downgrade", "+1"), 2, "'+1' counts steps up, but a downgrade goes down: write -1 "
                + "to undo one step, or a version number such as 1 to go down to it.");
        assertOneLineError(db(url, "downgrade", "+2", "--sql"), 2, "'+2' counts steps up, but a downgrade goes down: "
                + "write -2 to undo 2 steps, or a version number such as 1 to go down to it.");
        assertThat(ok(url, "current").out().strip()).isEqualTo("3");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeMinusOneIsAnErrorThatSaysWhatWasMeant(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "2");

        assertOneLineError(db(url, "upgrade", "-1"), 2, "'-1' counts steps down, but an upgrade goes up: write +1 "
                + "for one step up, or 'taskdesk db downgrade -1' to undo one.");
        assertThat(ok(url, "current").out().strip()).isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDowngradeThatWouldDropRowsCountsThemAndNeedsYes(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "head");
        addPeopleAndTasks(url, folder);

        assertOneLineError(db(url, "downgrade", "base"), 2, "Downgrading to <base> would remove 3 tasks and 2 accounts: "
                + "nothing was changed. Add --yes to downgrade anyway.");
        assertOneLineError(db(url, "downgrade", "1"), 2, "Downgrading to 1 would remove 3 tasks: nothing was changed. "
                + "Add --yes to downgrade anyway.");
        assertThat(ok(url, "current").out().strip()).isEqualTo(
                MigrationCatalog.forKind(kind).head() + " (head)");
        if (kind == DatabaseKind.H2) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(url).resolveSibling("backups"))) {
                assertThat(files.filter(file -> file.toString().endsWith(".mv.db"))).as("a refusal takes no copy either")
                        .isEmpty();
            }
        }

        assertThat(ok(url, "downgrade", "2").out()).as("drops no table with rows").contains("Running downgrade");
        assertThat(ok(url, "downgrade", "base", "--sql").out()).as("--sql touches nothing").contains("DROP TABLE users");
        assertThat(ok(url, "downgrade", "1", "--yes").out().strip()).isEqualTo("Running downgrade 2 -> 1, create tasks table");
        assertOneLineError(db(url, "downgrade", "base"), 2, "Downgrading to <base> would remove 2 accounts: nothing "
                + "was changed. Add --yes to downgrade anyway.");
        assertThat(ok(url, "downgrade", "base", "--yes").out().strip())
                .isEqualTo("Running downgrade 1 -> <base>, create users table");
        assertThat(ok(url, "current").out()).contains("No revision");
    }

    @Test
    void oneAccountAndOneTaskAreCountedInTheSingular() throws Exception {
        String url = FreshDatabase.url(DatabaseKind.H2, folder);
        ok(url, "upgrade", "2");
        try (Connection connection = connect(url, folder); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
            statement.execute("INSERT INTO tasks (user_id, title) SELECT id, 'Pay rent' FROM users");
        }

        assertOneLineError(db(url, "downgrade", "base"), 2, "Downgrading to <base> would remove 1 task and 1 account: "
                + "nothing was changed. Add --yes to downgrade anyway.");
    }
}
