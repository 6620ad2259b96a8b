package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * The issue's session, as a new shared server's owner and two of its users would have it: the owner migrates and
 * runs {@code server setup}; then everyone uses the same low-privilege client login, and each sees only their own.
 */
class SharedServerCommandTest {
    private static final String CLIENT_PASSWORD = "shared 'client' password";

    @TempDir
    Path folder;

    private CliResult run(String url, Map<String, String> variables, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("TASKDESK_BCRYPT_COST", "4");
        return new TaskDeskCli(TestEnvironment.in(folder, environment)).run(all.toArray(String[]::new));
    }

    private CliResult ok(String url, Map<String, String> variables, String... args) {
        CliResult result = run(url, variables, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    @Test
    void ownerSetsUpTheServerAndTwoPeopleShareItThroughTheClientLogin() {
        String ownerUrl = TestPostgres.newDatabaseUrl();
        String role = "td_client_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ok(ownerUrl, Map.of(), "db", "upgrade", "head");

        CliResult setup = ok(ownerUrl, Map.of("TASKDESK_CLIENT_PASSWORD", CLIENT_PASSWORD), "server", "setup",
                "--client-role", role);
        assertThat(setup.out()).contains("The client login " + role + " is ready").doesNotContain(CLIENT_PASSWORD);
        ok(ownerUrl, Map.of(), "server", "setup", "--client-role", role); // again, keeping the password

        String clientUrl = ownerUrl.replaceFirst("//[^@]+@", "//" + role + ":"
                + java.net.URLEncoder.encode(CLIENT_PASSWORD, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "@");
        Map<String, String> ann = Map.of("TASKDESK_EMAIL", "ann@example.com", "TASKDESK_PASSWORD", "ann password");
        Map<String, String> bob = Map.of("TASKDESK_EMAIL", "bob@example.com", "TASKDESK_PASSWORD", "bob password");
        ok(clientUrl, ann, "account", "create", "--name", "Ann");
        ok(clientUrl, bob, "account", "create", "--name", "Bob");
        ok(clientUrl, ann, "tasks", "add", "Pay rent tomorrow 9am #home !high every month");
        String report = ok(clientUrl, ann, "tasks", "add", "Quarterly report #work").out()
                .replaceAll("(?s)^Added #(\\d+).*", "$1");
        ok(clientUrl, bob, "tasks", "add", "Bob's errand #home");

        assertThat(ok(clientUrl, ann, "tasks", "list", "#home").out().lines()).singleElement().asString()
                .contains("Pay rent");
        assertThat(ok(clientUrl, bob, "tasks", "list").out()).contains("Bob's errand").doesNotContain("Pay rent")
                .doesNotContain("Quarterly");
        CliResult wrong = run(clientUrl, Map.of("TASKDESK_EMAIL", "ann@example.com", "TASKDESK_PASSWORD", "guess"),
                "tasks", "list");
        assertThat(wrong.exitCode()).isEqualTo(8);
        assertThat(wrong.err().strip()).isEqualTo("Error: Wrong email or password.");

        // Completing records history through the client login (INSERT on task_completions, its sequence, row-level
        // security's check that the task is Ann's); deleting the task takes its history along (ON DELETE CASCADE).
        assertThat(run(clientUrl, bob, "tasks", "done", report).exitCode()).as("not Bob's").isNotZero();
        assertThat(ok(clientUrl, ann, "tasks", "done", report).out()).startsWith("Completed #" + report);
        assertThat(ok(clientUrl, ann, "tasks", "rm", report).out()).startsWith("Deleted #" + report);

        // The client login cannot migrate the schema.
        assertThat(run(clientUrl, Map.of(), "db", "downgrade", "-1").exitCode()).isNotZero();
    }

    @Test
    void setupOnALocalFileSaysItIsForPostgres() {
        CliResult result = run(folder.resolve("local.mv.db").toString(), Map.of(), "server", "setup", "--client-role", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is for a shared PostgreSQL database");
    }
}
