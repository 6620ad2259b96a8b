package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/** Each way of failing to reach a database gives one line, the password masked, and a non-zero exit. */
class DatabaseErrorsCliTest {
    @TempDir
    Path folder;

    private CliResult run(String... args) {
        return new TaskDeskCli(TestEnvironment.in(folder)).run(args);
    }

    private static void assertOneLineFailure(CliResult result, int exitCode, String expected) {
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(exitCode);
        assertThat(result.err().lines()).as("one line: %s", result.err()).hasSize(1);
        assertThat(result.err()).startsWith("Error: ").contains(expected);
        assertThat(result.err() + result.out()).doesNotContain(TestPostgres.OWNER_PASSWORD).doesNotContain("hunter2");
    }

    @Test
    void unreachablePortIsNamedWithoutThePassword() {
        CliResult result = run("--database-url", "postgresql://ann:hunter2@127.0.0.1:1/tasks", "db", "current");

        assertOneLineFailure(result, 4, "Cannot reach the database server of postgresql://ann@127.0.0.1:1/tasks");
    }

    @Test
    void wrongPasswordIsARefusedLogin() {
        String url = TestPostgres.newDatabaseUrl();
        String wrong = url.replaceFirst(":[^:@/]+@", ":hunter2@");

        assertOneLineFailure(run("--database-url", wrong, "db", "upgrade", "head"), 4,
                "refused the login for postgresql://" + TestPostgres.OWNER + "@");
    }

    @Test
    void missingDatabaseSaysItDoesNotExist() {
        String url = TestPostgres.newDatabaseUrl();
        String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database";

        assertOneLineFailure(run("--database-url", missing, "db", "current"), 4, "does not exist");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://root:hunter2@localhost/tasks | Unsupported database URL",
        "postgresql://ann:hunter2@host:70000/tasks | the port '70000'",
        "postgresql://ann:hunter2@/tasks | names no host",
    })
    void badUrlsExitWithTheConfigurationCode(String url, String expected) {
        assertOneLineFailure(run("--database-url", url, "db", "current"), 3, expected);
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliResult result = run("--database-url", "postgresql://ann:hunter2@127.0.0.1:1/tasks", "db", "current", "--verbose");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("org.taskdesk.domain.TaskDeskException", "\tat ").doesNotContain("hunter2");
    }

    @Test
    void aSecondProcessOnTheSameLocalDatabaseGetsAClearMessage() throws Exception {
        Path file = folder.resolve("shared.mv.db");
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file.toString()));
        try (Connection held = connections.open()) {
            Process second = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dtaskdesk.log.dir=" + folder.resolve("logs"),
                    "-cp", System.getProperty("java.class.path"),
                    "org.taskdesk.app.Main", "--database-url", file.toString(), "db", "upgrade", "head"))
                    .redirectErrorStream(false).start();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = read(second.getErrorStream());

            assertThat(second.exitValue()).as(err).isEqualTo(9);
            assertThat(err.strip()).isEqualTo("Error: The database " + file + " is in use by another program (probably "
                    + "another TaskDesk window or command): close it and try again.");
        }
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsInUseWithExitCode9NotUnreachable() throws Exception {
        Path file = folder.resolve("held.mv.db");
        assertThat(run("--database-url", file.toString(), "db", "upgrade", "head").exitCode()).isZero();
        String inUse = "Error: The database " + file + " is in use by another program (probably another TaskDesk "
                + "window or command): close it and try again." + System.lineSeparator();

        // Held as a schema change holds it, to itself; the app's hold lets commands through (ADR 0016).
        try (var held = org.taskdesk.testing.HeldDatabase.exclusivelyBy(file)) {
            CliResult current = run("--database-url", file.toString(), "db", "current");
            CliResult add = new TaskDeskCli(TestEnvironment.in(folder, java.util.Map.of("TASKDESK_EMAIL", "ann@example.com",
                    "TASKDESK_PASSWORD", "ann password"))).run("--database-url", file.toString(), "tasks", "add", "Buy milk");

            assertThat(current.exitCode()).as(current.err()).isEqualTo(9);
            assertThat(current.err()).isEqualTo(inUse);
            assertThat(add.exitCode()).as(add.err()).isEqualTo(9);
            assertThat(add.err()).isEqualTo(inUse);
            assertThat(add.out()).isEmpty();
        }
        assertThat(run("--database-url", file.toString(), "db", "current").exitCode()).as("free again").isZero();
    }

    @Test
    void passwordsNeverReachTheLog() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        run("--database-url", url, "db", "upgrade", "head");
        run("--database-url", url.replaceFirst(":[^:@/]+@", ":hunter2@"), "db", "current");
        run("--database-url", "postgresql://ann:hunter2@127.0.0.1:1/tasks", "db", "current", "--verbose");

        String log = java.nio.file.Files.readString(Path.of("target", "test.log"));
        assertThat(log).contains("db current failed").doesNotContain("hunter2").doesNotContain(TestPostgres.OWNER_PASSWORD);
    }

    @Test
    void versionAndHelpWork() {
        CliResult version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).matches("TaskDesk \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

        CliResult help = run("db", "--help");
        assertThat(help.out()).contains("current", "history", "heads", "upgrade", "downgrade", "stamp", "revision", "check");
    }

    @Test
    void unknownOptionsAreOneLineUsageErrors() {
        CliResult result = run("db", "upgrade", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'", "taskdesk db upgrade --help");
    }

    private static String read(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
