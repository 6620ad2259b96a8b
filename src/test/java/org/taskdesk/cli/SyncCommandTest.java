package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * The issue's "done when": two data folders (two devices) and one PostgreSQL; edits on both while the server cannot
 * be reached, then {@code taskdesk sync} on both, twice, give the same {@code tasks list --json} on both, with the
 * conflict listed on the device whose edit lost.
 */
class SyncCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ANN = Map.of("TASKDESK_EMAIL", "ann@example.com",
            "TASKDESK_PASSWORD", "ann password", "TASKDESK_SERVER_PASSWORD", "ann's server password",
            "TASKDESK_BCRYPT_COST", "4");

    @TempDir
    Path folder;

    private CliResult run(String device, String... args) {
        Map<String, String> environment = new HashMap<>(ANN);
        return new TaskDeskCli(TestEnvironment.in(folder.resolve(device), environment)).run(args);
    }

    private String ok(String device, String... args) {
        CliResult result = run(device, args);
        assertThat(result.exitCode()).as("%s: %s: %s", device, String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    /** A database at head on the tests' PostgreSQL with a client login set up; the client login's URL. */
    /** A server set up, as the README says, for the bcrypt cost its people's devices use (4 here, for speed). */
    private String sharedServer() {
        return sharedServer("4");
    }

    /** The owner's URL of the last {@link #sharedServer}. */
    private String ownerUrl;

    private String sharedServer(String bcryptCost) {
        ownerUrl = TestPostgres.newDatabaseUrl();
        String role = "td_client_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "client password";
        CliResult upgrade = new TaskDeskCli(TestEnvironment.in(folder.resolve("owner")))
                .run("--database-url", ownerUrl, "db", "upgrade", "head");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        CliResult setup = new TaskDeskCli(TestEnvironment.in(folder.resolve("owner"),
                Map.of("TASKDESK_CLIENT_PASSWORD", password, "TASKDESK_BCRYPT_COST", bcryptCost)))
                .run("--database-url", ownerUrl, "server", "setup", "--client-role", role);
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        return ownerUrl.replaceFirst("//[^@]+@", "//" + role + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@");
    }

    /** The open tasks as {@code tasks list --json} prints them, without what is local to a device. */
    private List<JsonNode> listed(String device) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : JSON.readTree(ok(device, "tasks", "list", "--sort", "title", "--json"))) {
            ((ObjectNode) task).remove(List.of("id", "updatedAt"));
            tasks.add(task);
        }
        return tasks;
    }

    private String idOf(String device, String title) throws Exception {
        for (JsonNode task : JSON.readTree(ok(device, "tasks", "list", "--json"))) {
            if (task.get("title").asText().equals(title)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(title + " is not on " + device);
    }

    /** The server refuses to make the account: that reason, not "wrong email or password" (which it said before). */
    @Test
    void aServerThatWillNotMakeTheAccountSaysWhy() {
        String server = sharedServer("12");
        ok("laptop", "account", "create", "--name", "Ann");

        CliResult link = run("laptop", "sync", "link", "--server", server);

        assertThat(link.exitCode()).isEqualTo(2);
        assertThat(link.err().lines()).hasSize(1).first().asString()
                .contains("bcrypt cost of 10 to 14").doesNotContain("Wrong email or password");
    }

    /** Ten tasks on the laptop and the desktop, both synced; the desktop deletes five of them and syncs. */
    private void desktopDeletesFiveOfTen(String server) throws Exception {
        ok("laptop", "account", "create", "--name", "Ann");
        ok("desktop", "account", "create", "--name", "Ann");
        for (int i = 1; i <= 10; i++) {
            ok("laptop", "tasks", "add", "Errand " + i);
        }
        ok("laptop", "sync", "link", "--server", server);
        ok("laptop", "sync");
        ok("desktop", "sync", "link", "--server", server);
        ok("desktop", "sync");
        for (int i = 1; i <= 5; i++) {
            ok("desktop", "tasks", "rm", idOf("desktop", "Errand " + i));
        }
        ok("desktop", "sync");
    }

    /** The pull guard: a round that would delete more than a fifth of the tasks here refuses, and says how to accept. */
    @Test
    void aSyncThatWouldDeleteManyTasksRefusesUntilAllowed() throws Exception {
        desktopDeletesFiveOfTen(sharedServer());

        CliResult refused = run("laptop", "sync");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("Error: The server would delete 5 of 10 tasks here. "
                + "Run 'taskdesk sync --allow-deletes' to accept.\n");
        assertThat(listed("laptop")).hasSize(10);
        assertThat(ok("laptop", "sync", "--allow-deletes")).startsWith("Pushed 0 changes, pulled ");
        assertThat(listed("laptop")).isEqualTo(listed("desktop")).hasSize(5);
    }

    /**
     * A device offline longer than the server keeps deletions pulls everything again and drops what the server no
     * longer has: that drop asks first too (it deleted without asking before).
     */
    @Test
    void aResyncThatWouldDropManyTasksRefusesUntilAllowed() throws Exception {
        desktopDeletesFiveOfTen(sharedServer());
        // The deletions are 100 days old and purged, as the nightly purge would: the laptop must pull everything.
        try (java.sql.Connection owner = TestPostgres.connect(ownerUrl);
             java.sql.Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("ALTER TABLE task_tombstones NO FORCE ROW LEVEL SECURITY");
            statement.execute("ALTER TABLE task_tombstones DISABLE TRIGGER task_tombstones_sync_version");
            statement.execute("UPDATE task_tombstones SET deleted_at = deleted_at - interval '100 days'");
            statement.execute("ALTER TABLE task_tombstones ENABLE TRIGGER task_tombstones_sync_version");
            statement.execute("ALTER TABLE task_tombstones FORCE ROW LEVEL SECURITY");
            owner.commit();
            owner.setAutoCommit(true);
            statement.execute("SELECT taskdesk_sync_purge(90)");
        }

        CliResult refused = run("laptop", "sync");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("Error: The server would delete 5 of 10 tasks here. "
                + "Run 'taskdesk sync --allow-deletes' to accept.\n");
        assertThat(listed("laptop")).hasSize(10);
        assertThat(run("laptop", "sync").exitCode()).as("asked again").isEqualTo(2);
        assertThat(ok("laptop", "sync", "--allow-deletes")).startsWith("Pushed 0 changes, pulled ");
        assertThat(listed("laptop")).isEqualTo(listed("desktop")).hasSize(5);
    }

    @Test
    void twoDevicesEditingOfflineEndWithTheSameTasksAndTheConflictListed() throws Exception {
        String server = sharedServer();
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            ok("laptop", "account", "create", "--name", "Ann");
            ok("desktop", "account", "create", "--name", "Ann");
            ok("laptop", "tasks", "add", "Buy milk");
            ok("laptop", "tasks", "add", "Pay rent tomorrow 9am #home !high every month");
            ok("laptop", "tasks", "add", "Old errand");

            assertThat(ok("laptop", "sync", "link", "--server", throughProxy))
                    .startsWith("Linked ann@example.com to postgresql://").contains(":***@")
                    .doesNotContain("client password").contains("3 changes wait");
            assertThat(ok("laptop", "sync")).isEqualTo("Pushed 3 changes, pulled 3.\n");
            ok("desktop", "sync", "link", "--server", server);
            assertThat(ok("desktop", "sync")).startsWith("Pushed 0 changes, pulled ");
            assertThat(listed("desktop")).isEqualTo(listed("laptop")).hasSize(3);

            // The server cannot be reached from the laptop: a round fails (exit 4) and changes nothing here.
            proxy.fail(FaultyProxy.Fault.CUT);
            ok("laptop", "tasks", "edit", idOf("laptop", "Buy milk"), "--title", "Buy oat milk");
            ok("laptop", "tasks", "done", idOf("laptop", "Pay rent"));
            ok("laptop", "tasks", "rm", idOf("laptop", "Old errand"));
            List<JsonNode> before = listed("laptop");
            CliResult offline = run("laptop", "sync");
            assertThat(offline.exitCode()).as(offline.err()).isEqualTo(4);
            assertThat(offline.err().lines()).hasSize(1);
            assertThat(listed("laptop")).isEqualTo(before);
            // The edit, the completion and the next date it brings, the delete.
            assertThat(ok("laptop", "sync", "status")).contains("Waiting to be pushed: 4 changes")
                    .contains("Last round failed: ");

            Thread.sleep(5); // the desktop's edit of the same title is the later one
            ok("desktop", "tasks", "edit", idOf("desktop", "Buy milk"), "--title", "Buy two litres of milk");
            ok("desktop", "tasks", "edit", idOf("desktop", "Old errand"), "--priority", "high");
            ok("desktop", "tasks", "add", "Call mum");
            proxy.heal();

            for (int round = 0; round < 2; round++) {
                assertThat(ok("laptop", "sync")).doesNotContain("refused");
                assertThat(ok("desktop", "sync")).doesNotContain("refused");
            }

            List<JsonNode> laptop = listed("laptop");
            assertThat(laptop).isEqualTo(listed("desktop"));
            assertThat(laptop).extracting(task -> task.get("title").asText())
                    .containsExactly("Buy two litres of milk", "Call mum", "Pay rent");
            assertThat(laptop.get(2).get("due").asText()).as("a month on, once: as the laptop's completion left it")
                    .isEqualTo(
                    before.stream().filter(t -> t.get("title").asText().equals("Pay rent")).findFirst().orElseThrow()
                            .get("due").asText());

            String conflicts = ok("laptop", "sync", "conflicts");
            assertThat(conflicts.lines()).singleElement().asString()
                    .startsWith("1. Buy oat milk: title \"Buy oat milk\" lost to \"Buy two litres of milk\" from another device");
            JsonNode listedConflicts = JSON.readTree(ok("laptop", "sync", "conflicts", "--json"));
            assertThat(listedConflicts).hasSize(1);
            assertThat(listedConflicts.get(0).get("lost").asText()).isEqualTo("\"Buy oat milk\"");
            assertThat(ok("desktop", "sync", "conflicts")).isEqualTo("No conflicts.\n");

            assertThat(ok("laptop", "sync", "restore", "1")).startsWith("Restored the title of 'Buy oat milk'");
            ok("laptop", "sync");
            ok("desktop", "sync");
            assertThat(listed("desktop")).isEqualTo(listed("laptop")).extracting(task -> task.get("title").asText())
                    .contains("Buy oat milk");

            assertThat(ok("desktop", "sync", "unlink")).contains("your local tasks stay");
            assertThat(ok("desktop", "sync", "status")).startsWith("Not linked");
            assertThat(listed("desktop")).hasSize(3);
        }
    }
}
