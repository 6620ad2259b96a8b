package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.ServerTimeouts;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.FaultyProxy.Fault;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * A server that accepts the connection and then never answers, or stops answering (or drops the connection) in the
 * middle of a command: every command ends within a bound, with one line naming the server and exit 4, and nothing
 * is left half-written. The tests shorten TaskDesk's wait for a silent server to 3 s (TASKDESK_SERVER_TIMEOUT);
 * {@code ServerTimeoutsTest} checks the production values.
 */
class ServerNotAnsweringCliTest {
    /** Far above what 3 s of silence allows (connect, sign in, one frozen read), far below "hung". */
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** One database at head for the tests that do not migrate, with a person of their own per test. */
    private static String migratedUrl;

    @TempDir
    Path folder;

    private String directUrl;
    private Map<String, String> person;
    private FaultyProxy proxy;

    @BeforeEach
    void proxyAndPerson() {
        proxy = FaultyProxy.toTestPostgres();
        person = Map.of("TASKDESK_EMAIL", "ann-" + UUID.randomUUID() + "@example.com", "TASKDESK_PASSWORD",
                "ann password", "TASKDESK_BCRYPT_COST", "4", ServerTimeouts.VARIABLE, "3");
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private CliResult run(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder, person)).run(all.toArray(String[]::new));
    }

    private void ok(String... args) {
        CliResult result = run(directUrl, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
    }

    private void readyForTasks() {
        synchronized (ServerNotAnsweringCliTest.class) {
            if (migratedUrl == null) {
                directUrl = TestPostgres.newDatabaseUrl();
                ok("db", "upgrade", "head");
                migratedUrl = directUrl;
            }
        }
        directUrl = migratedUrl;
        ok("account", "create", "--name", "Ann");
    }

    /** Runs {@code args} through the proxy and checks it ends in time with the one line and exit 4. */
    private CliResult failsThroughProxy(String expected, String... args) {
        long start = System.nanoTime();
        CliResult result = assertTimeoutPreemptively(BOUND, () -> run(proxy.url(directUrl), args),
                () -> String.join(" ", args) + " hung on a server that does not answer");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%s failed after %d ms: %s", String.join(" ", args), took.toMillis(), result.err());
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(4);
        assertThat(result.err().lines()).as("one line: %s", result.err()).hasSize(1);
        assertThat(result.err()).startsWith("Error: The ").contains("127.0.0.1:" + proxy.port(), expected)
                .doesNotContain(TestPostgres.OWNER_PASSWORD).doesNotContain("\tat ");
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"db current", "db upgrade", "tasks list", "tasks add Buy milk"})
    void aServerThatAcceptsButNeverAnswersIsNamedWithinTheBound(String command) {
        readyForTasks();
        proxy.fail(Fault.SILENT);

        CliResult result = failsThroughProxy("is not answering", command.split(" ", 3));

        assertThat(result.err()).contains("check your network or try again later", "nothing was changed");
        assertThat(tasks()).isEqualTo("[]");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void aReadThatStopsHalfwayEndsWithinTheBound(Fault fault) {
        readyForTasks();
        proxy.failWhenClientSends(fault, false, "from tasks");

        failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost", "tasks", "list");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void aSignInThatStopsHalfwayEndsWithinTheBound(Fault fault) {
        readyForTasks();
        proxy.failWhenClientSends(fault, false, "taskdesk_sign_in(");

        CliResult result = failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost", "tasks", "list");

        assertThat(result.err()).contains("nothing was changed");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void dbCurrentThatStopsHalfwayEndsWithinTheBound(Fault fault) {
        readyForTasks();
        proxy.failWhenClientSends(fault, false, "flyway_schema_history");

        CliResult result = failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost", "db", "current");

        assertThat(result.err()).contains("nothing was changed");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void anAddStoppedBeforeItReachesTheServerChangesNothing(Fault fault) {
        readyForTasks();
        proxy.failWhenClientSends(fault, false, "insert into tasks");

        CliResult result = failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost",
                "tasks", "add", "Pay rent tomorrow 9am #home !high every month");

        assertThat(result.err()).contains("nothing was changed");
        assertThat(tasks()).isEqualTo("[]");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void anAddWhoseCommitReachedTheServerIsThereInFullAndTheMessageDoesNotDenyIt(Fault fault) {
        readyForTasks();
        proxy.failWhenClientSends(fault, true, "insert into tasks", "commit");

        CliResult result = failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost",
                "tasks", "add", "Pay rent tomorrow 9am #home !high every month");

        assertThat(result.err()).contains("may or may not have been saved").doesNotContain("nothing was changed");
        // Everything the line asked for, or the add would be half-written.
        assertThat(tasks()).contains("\"title\":\"Pay rent\"", "\"priority\":\"high\"", "\"tags\":[\"home\"]",
                // "every month", or on the 28th to the 30th "every month on the 29th or the last day of shorter
                // months": the due day is tomorrow's, so the words depend on today's date.
                "\"repeats\":\"every month").doesNotContain("\"due\":null");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SILENT", "CUT"})
    void anUpgradeStoppedMidwayLeavesTheServerAtTheVersionItHad(Fault fault) throws SQLException {
        directUrl = TestPostgres.newDatabaseUrl();
        ok("db", "upgrade", "1");
        proxy.failWhenClientSends(fault, false, "create table tasks");

        failsThroughProxy(fault == Fault.SILENT ? "is not answering" : "was lost", "db", "upgrade", "head");

        proxy.close(); // the server rolls the frozen transaction back once its connection is gone
        CliResult current = run(directUrl, "db", "current");
        assertThat(current.out().strip()).isEqualTo("1");
        try (Connection connection = TestPostgres.connect(directUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT to_regclass('public.tasks') IS NULL")) {
            result.next();
            assertThat(result.getBoolean(1)).as("no tasks table: version 2 was not half-applied").isTrue();
        }
        ok("db", "upgrade", "head");
    }

    @Test
    void aServerWaitingForAnotherProgramsLockEndsTheStatementItself() throws SQLException {
        readyForTasks();
        try (Connection other = TestPostgres.connect(directUrl); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE");

            CliResult result = failsThroughProxy("took too long", "tasks", "list");

            assertThat(result.err()).contains("nothing was changed");
            other.rollback();
        }
    }

    @Test
    void aCommandStillWorksThroughAHealthyProxy() {
        readyForTasks();

        CliResult added = run(proxy.url(directUrl), "tasks", "add", "Through the proxy");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(tasks()).contains("\"title\":\"Through the proxy\"");
    }

    /** Ann's tasks, read directly (not through the proxy) as a script would: {@code tasks list --json}. */
    private String tasks() {
        CliResult result = run(directUrl, "tasks", "list", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }
}
