package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/** Every {@code taskdesk db} command, as a user runs it, against a new H2 file and a new PostgreSQL database. */
class DbCommandsTest {
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

    /**
     * Each kind's revisions, oldest first, written out rather than read from the catalogue so that a missing or
     * renamed script fails here. 4 and 6, the shared server's security, exist only on PostgreSQL, so H2 jumps 3 -> 5.
     */
    private static List<String> revisions(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL
                ? List.of("1 create users table", "2 create tasks table", "3 accounts and task details",
                        "4 shared server security", "5 task completions", "6 task completions security",
                        "8 saved searches", "9 longer repeat rules", "10 sync",
                        "11 shared server hardening", "12 client without table rights", "13 sync statement age",
                        "14 person logins", "15 sync set based", "16 sync first sync speed",
                        "17 sync new task rows",
                        "18 sync pull rows")
                : List.of("1 create users table", "2 create tasks table", "3 accounts and task details",
                        "5 task completions", "7 text columns in characters", "8 saved searches",
                        "9 longer repeat rules", "10 sync replica", "11 sync outbox by task",
                        "12 sync outbox body in row");
    }

    private static int head(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? 18 : 12;
    }

    /** "<base> -> 1, create users table" style lines for each step, oldest first, {@code marks} after the versions. */
    private static List<String> steps(DatabaseKind kind, String prefix, java.util.function.IntFunction<String> marks) {
        List<String> lines = new ArrayList<>();
        String previous = "<base>";
        for (String revision : revisions(kind)) {
            String version = revision.substring(0, revision.indexOf(' '));
            lines.add(prefix + previous + " -> " + version + marks.apply(Integer.parseInt(version)) + ", "
                    + revision.substring(revision.indexOf(' ') + 1));
            previous = version;
        }
        return lines;
    }

    private CliResult ok(String url, String... args) {
        CliResult result = db(url, args);
        assertThat(result.exitCode()).as("exit code of db %s; stderr: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void currentOnAnEmptyDatabaseSaysSoAndCreatesNothing(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);

        assertThat(ok(url, "current").out()).contains("No revision").contains("empty");

        if (kind == DatabaseKind.H2) {
            assertThat(Path.of(url)).doesNotExist();
        } else {
            assertThat(ok(url, "history").out()).doesNotContain("(current)");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeHeadRunsEachStepInOrderAndCurrentShowsHead(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);

        CliResult upgrade = ok(url, "upgrade", "head");

        assertThat(upgrade.out().lines()).containsExactlyElementsOf(steps(kind, "Running upgrade ", v -> ""));
        assertThat(upgrade.out()).contains(kind == DatabaseKind.POSTGRESQL ? "Running upgrade 3 -> 4, shared server"
                : "Running upgrade 5 -> 7, text columns in characters");
        assertThat(ok(url, "current").out().strip()).isEqualTo(head(kind) + " (head)");
        assertThat(ok(url, "heads").out().strip()).isEqualTo(kind == DatabaseKind.POSTGRESQL
                ? "18 (head), sync pull rows" : "12 (head), sync outbox body in row");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyListsNewestFirstAndMarksHeadAndCurrent(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "1");

        List<String> history = new ArrayList<>(steps(kind, "",
                v -> v == head(kind) ? " (head)" : v == 1 ? " (current)" : ""));
        java.util.Collections.reverse(history);
        assertThat(history.get(0)).as("newest first").startsWith(kind == DatabaseKind.POSTGRESQL ? "17 -> 18 (head)" : "11 -> 12 (head)");
        assertThat(ok(url, "history").out().lines()).containsExactlyElementsOf(history);

        String verbose = ok(url, "history", "--verbose").out();
        assertThat(verbose).contains("Rev: " + head(kind) + " (head)", "Rev: 2\n", "Parent: 1", "Rev: 1 (current)",
                "Parent: <base>", "V2__create_tasks_table.sql", "U2__create_tasks_table.sql");
        assertThat(verbose.lines().filter(line -> line.startsWith("Applied: no"))).hasSize(revisions(kind).size() - 1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downgradeAndRelativeStepsWalkTheHistoryBothWays(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "2");

        assertThat(ok(url, "downgrade", "-1").out().strip()).isEqualTo("Running downgrade 2 -> 1, create tasks table");
        assertThat(ok(url, "current").out().strip()).isEqualTo("1");
        assertThat(ok(url, "downgrade", "base").out().strip())
                .isEqualTo("Running downgrade 1 -> <base>, create users table");
        assertThat(ok(url, "current").out()).contains("No revision");
        assertThat(ok(url, "upgrade", "+1").out().strip()).isEqualTo("Running upgrade <base> -> 1, create users table");
        assertThat(ok(url, "upgrade", "+1").out().strip()).isEqualTo("Running upgrade 1 -> 2, create tasks table");
        assertThat(ok(url, "downgrade", "1").out().strip()).isEqualTo("Running downgrade 2 -> 1, create tasks table");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void stepsPastEitherEndAndUnknownVersionsAreErrors(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "1");

        int head = head(kind);
        int count = revisions(kind).size();
        assertError(db(url, "upgrade", "+" + count), "Cannot upgrade " + count + " steps from 1: only " + (count - 1)
                + " newer revisions (head is " + head + ")");
        if (kind == DatabaseKind.H2) {
            assertError(db(url, "upgrade", "4"), "Unknown revision 4");
        }
        assertError(db(url, "downgrade", "-2"), "Cannot downgrade 2 steps from 1: only 1 revision applied");
        assertError(db(url, "upgrade", kind == DatabaseKind.H2 ? "6" : "7"), "Unknown revision "
                + (kind == DatabaseKind.H2 ? "6" : "7"));
        assertError(db(url, "downgrade", "banana"), "Unknown revision 'banana'");
        assertError(db(url, "upgrade", "+0"), "'+0' is not a step count");
        assertError(db(url, "downgrade", "2"), "below 2");
        assertThat(ok(url, "current").out().strip()).as("errors change nothing").isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeToAnOlderVersionSaysTheDatabaseIsAlreadyPastIt(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "head");

        CliResult result = ok(url, "upgrade", "1");

        assertThat(result.out()).contains("already at " + head(kind) + ", past 1");
        assertThat(ok(url, "current").out().strip()).isEqualTo(head(kind) + " (head)");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sqlModePrintsTheScriptsAndTouchesNothing(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "1");

        String upgradeSql = ok(url, "upgrade", "head", "--sql").out();
        assertThat(upgradeSql).startsWith("-- Running upgrade 1 -> 2, create tasks table")
                .contains("CREATE TABLE tasks", "CREATE INDEX idx_tasks_user_id").doesNotContain("CREATE TABLE users");
        assertThat(ok(url, "current").out().strip()).isEqualTo("1");

        String downgradeSql = ok(url, "downgrade", "base", "--sql").out();
        assertThat(downgradeSql).startsWith("-- Running downgrade 1 -> <base>, create users table")
                .contains("DROP TABLE users");
        assertThat(ok(url, "current").out().strip()).isEqualTo("1");

        String offline = ok(url, "upgrade", "0:head", "--sql").out();
        assertThat(offline.indexOf("CREATE TABLE users")).isPositive()
                .isLessThan(offline.indexOf("CREATE TABLE tasks"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sqlModeOnAMissingLocalFileCreatesNoFile(DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            String url = FreshDatabase.url(kind, folder);
            assertThat(ok(url, "upgrade", "head", "--sql").out()).contains("CREATE TABLE users", "CREATE TABLE tasks");
            assertThat(Path.of(url)).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void stampRecordsAVersionWithoutRunningScripts(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "1");

        assertThat(ok(url, "stamp", "2").out().strip()).isEqualTo("Stamped 1 -> 2");
        assertThat(ok(url, "current").out().strip()).isEqualTo("2");
        // No tasks table was made: downgrading 2 would fail, so step the stamp back instead.
        assertThat(ok(url, "downgrade", "-1", "--sql").out()).contains("DROP TABLE tasks");
        assertThat(ok(url, "stamp", "1").out().strip()).isEqualTo("Stamped 2 -> 1");
        assertThat(ok(url, "upgrade", "2").out().strip()).isEqualTo("Running upgrade 1 -> 2, create tasks table");
        assertError(db(url, "stamp", "99"), "Unknown revision 99");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void checkPassesWhenEntitiesAndMigrationsAgree(DatabaseKind kind) {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "head");

        CliResult check = ok(url, "check");

        assertThat(check.out()).contains("h2: no changes detected");
        if (kind == DatabaseKind.POSTGRESQL) {
            assertThat(check.out()).contains("postgresql: no changes detected");
        }
    }

    @org.junit.jupiter.api.Test
    void checkFailsWhenTheEntitiesNeedWhatNoMigrationMakes() throws Exception {
        String url = FreshDatabase.url(DatabaseKind.POSTGRESQL, folder);
        ok(url, "upgrade", "head");
        try (var connection = org.taskdesk.testing.TestPostgres.connect(url);
             var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE tasks DROP COLUMN due_date");
        }

        CliResult check = db(url, "check");

        assertThat(check.exitCode()).isEqualTo(6);
        assertThat(check.out()).contains("h2: no changes detected", "postgresql: the entities need changes")
                .containsIgnoringCase("add column due_date");
        assertThat(check.err()).contains("Entities and migrations disagree");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void autogenerateFindsNothingToDoAtHead(DatabaseKind kind) throws Exception {
        String url = FreshDatabase.url(kind, folder);
        ok(url, "upgrade", "head");
        Path migrations = folder.resolve("db");
        Files.createDirectories(migrations.resolve("migration"));

        CliResult result = ok(url, "revision", "--autogenerate", "-m", "nothing", "--migrations-dir", migrations.toString());

        assertThat(result.out()).contains("No changes detected");
        try (var files = Files.walk(migrations)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    static void assertError(CliResult result, String expected) {
        assertThat(result.exitCode()).as("exit code; stdout: %s", result.out()).isNotZero();
        assertThat(result.err()).contains(expected);
        assertThat(result.err().lines()).as("one line, no stack trace").hasSize(1);
    }
}
