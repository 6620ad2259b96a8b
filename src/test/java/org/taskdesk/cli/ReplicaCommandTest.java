package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * {@code taskdesk tasks --database-url <a shared server's client login>} works on this device's replica of the
 * person's account (ADR 0029): made at the first sign-in there with the server's tasks pulled into it, synced before
 * and after each command, and read as it is (said on stderr) when the server cannot be reached, while a change then
 * fails with exit 4 and changes nothing.
 */
class ReplicaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ANN = Map.of("TASKDESK_EMAIL", "Ann@Example.com",
            "TASKDESK_PASSWORD", "ann password", "TASKDESK_BCRYPT_COST", "4");

    @TempDir
    Path folder;

    private CliResult run(String device, String server, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", server));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder.resolve(device), new HashMap<>(ANN)))
                .run(all.toArray(String[]::new));
    }

    private String ok(String device, String server, String... args) {
        CliResult result = run(device, server, args);
        assertThat(result.exitCode()).as("%s: %s: %s", device, String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    /** A database at head with a client login set up for cost-4 hashes; the client login's URL. */
    private String sharedServer() {
        String ownerUrl = TestPostgres.newDatabaseUrl();
        String role = "td_client_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "client password";
        CliResult upgrade = new TaskDeskCli(TestEnvironment.in(folder.resolve("owner")))
                .run("--database-url", ownerUrl, "db", "upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        CliResult setup = new TaskDeskCli(TestEnvironment.in(folder.resolve("owner"),
                Map.of("TASKDESK_CLIENT_PASSWORD", password, "TASKDESK_BCRYPT_COST", "4")))
                .run("--database-url", ownerUrl, "server", "setup", "--client-role", role);
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        return ownerUrl.replaceFirst("//[^@]+@", "//" + role + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@");
    }

    private List<String> titles(String device, String server) throws Exception {
        List<String> titles = new ArrayList<>();
        for (JsonNode task : JSON.readTree(ok(device, server, "tasks", "list", "--sort", "title", "--json"))) {
            titles.add(task.get("title").asText());
        }
        return titles;
    }

    private List<Path> replicas(String device) throws Exception {
        Path replicas = folder.resolve(device).resolve("data").resolve("taskdesk").resolve("replicas");
        if (!Files.isDirectory(replicas)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(replicas)) {
            return files.filter(file -> file.toString().endsWith(".mv.db")).toList();
        }
    }

    @Test
    void theFirstSignInMakesAReplicaWithTheServersTasksAndEachCommandSyncsIt() throws Exception {
        String server = sharedServer();
        ok("desktop", server, "account", "create", "--name", "Ann");
        assertThat(ok("desktop", server, "tasks", "add", "Buy milk #home")).startsWith("Added #");

        // The laptop has never been used with this server: its first command makes the replica and pulls into it.
        assertThat(titles("laptop", server)).containsExactly("Buy milk");
        List<Path> made = replicas("laptop");
        assertThat(made).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("[0-9a-f]{16}\\.mv\\.db");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        });

        // A change is sent at once: the desktop sees it at its next command, and the laptop sees the desktop's.
        ok("laptop", server, "tasks", "add", "Call mum");
        ok("desktop", server, "tasks", "add", "Water the plants");
        assertThat(titles("desktop", server)).containsExactly("Buy milk", "Call mum", "Water the plants");
        assertThat(titles("laptop", server)).containsExactly("Buy milk", "Call mum", "Water the plants");
        assertThat(replicas("laptop")).isEqualTo(made);
        assertThat(ok("laptop", server, "sync", "status")).contains("Waiting to be pushed: 0 changes")
                .doesNotContain("client password");

        // A wrong password is refused by the server, replica or not.
        CliResult wrong = new TaskDeskCli(TestEnvironment.in(folder.resolve("laptop"), Map.of("TASKDESK_EMAIL",
                "ann@example.com", "TASKDESK_PASSWORD", "guess", "TASKDESK_BCRYPT_COST", "4")))
                .run("--database-url", server, "tasks", "list");
        assertThat(wrong.exitCode()).isEqualTo(8);
    }

    @Test
    void withoutTheServerAReadUsesTheReplicaAndSaysSoWhileAChangeFailsWithExit4AndChangesNothing() throws Exception {
        String server = sharedServer();
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            ok("laptop", throughProxy, "account", "create", "--name", "Ann");
            ok("laptop", throughProxy, "tasks", "add", "Buy milk");

            proxy.fail(FaultyProxy.Fault.CUT);
            CliResult read = run("laptop", throughProxy, "tasks", "list", "--json");
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("\"title\":\"Buy milk\"");
            assertThat(read.err().lines()).singleElement().asString().startsWith("Offline: ")
                    .contains("cannot be reached").doesNotContain("client password");

            CliResult change = run("laptop", throughProxy, "tasks", "add", "Offline errand");
            assertThat(change.exitCode()).as(change.err()).isEqualTo(4);
            assertThat(change.err().lines()).hasSize(1);

            proxy.heal();
            assertThat(titles("laptop", throughProxy)).containsExactly("Buy milk");
            assertThat(titles("desktop", server)).containsExactly("Buy milk");
        }
    }

    /** One command as Ann with {@code password} (the email as in {@link #ANN}). */
    private CliResult runWithPassword(String device, String server, String password, String... args) {
        Map<String, String> environment = new HashMap<>(ANN);
        environment.put("TASKDESK_PASSWORD", password);
        environment.put("TASKDESK_NEW_PASSWORD", "ann's new password");
        List<String> all = new ArrayList<>(List.of("--database-url", server));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder.resolve(device), environment)).run(all.toArray(String[]::new));
    }

    /**
     * The password changed on another device (ADR 0029): once the server accepts the new one here, this replica's
     * local account takes it, so it opens offline with the new password and no longer with the old one; the replica
     * file and its tasks stay.
     */
    @Test
    void aPasswordChangedOnAnotherDeviceIsTakenByThisReplicaWhenTheServerAcceptsIt() throws Exception {
        String server = sharedServer();
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            ok("laptop", throughProxy, "account", "create", "--name", "Ann");
            ok("laptop", throughProxy, "tasks", "add", "Buy milk");
            List<Path> made = replicas("laptop");

            // The desktop changes the password on the server and adds a task with it.
            CliResult changed = runWithPassword("desktop", server, "ann password", "account", "passwd");
            assertThat(changed.exitCode()).as(changed.err()).isZero();
            assertThat(runWithPassword("desktop", server, "ann's new password", "tasks", "add", "Call mum")
                    .exitCode()).isZero();

            // The old password is refused by the server; the new one is accepted there and opens this replica.
            assertThat(runWithPassword("laptop", throughProxy, "ann password", "tasks", "list").exitCode())
                    .isEqualTo(8);
            CliResult listed = runWithPassword("laptop", throughProxy, "ann's new password", "tasks", "list",
                    "--sort", "title", "--json");
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("\"title\":\"Buy milk\"").contains("\"title\":\"Call mum\"");
            assertThat(replicas("laptop")).isEqualTo(made);
            CliResult synced = runWithPassword("laptop", throughProxy, "ann's new password", "sync");
            assertThat(synced.exitCode()).as(synced.err()).isZero();
            assertThat(synced.out()).startsWith("Pushed 0 changes, pulled ");

            // Offline, the replica opens with the last password the server accepted, and no longer with the old one.
            proxy.fail(FaultyProxy.Fault.CUT);
            CliResult offline = runWithPassword("laptop", throughProxy, "ann's new password", "tasks", "list", "--json");
            assertThat(offline.exitCode()).as(offline.err()).isZero();
            assertThat(offline.out()).contains("\"title\":\"Call mum\"");
            assertThat(offline.err()).startsWith("Offline: ");
            CliResult old = runWithPassword("laptop", throughProxy, "ann password", "tasks", "list");
            assertThat(old.exitCode()).as(old.err()).isEqualTo(8);
        }
    }

    @Test
    void withoutTheServerAndWithoutAReplicaNothingCanBeRead() {
        String server = sharedServer();
        ok("desktop", server, "account", "create", "--name", "Ann");
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            proxy.fail(FaultyProxy.Fault.CUT);

            CliResult read = run("laptop", proxy.url(server), "tasks", "list");

            assertThat(read.exitCode()).isEqualTo(4);
            assertThat(read.err().lines()).hasSize(1);
        }
    }
}
