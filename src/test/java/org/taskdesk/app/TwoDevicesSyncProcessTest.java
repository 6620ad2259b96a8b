package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.TaskDeskProcess;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * Issue 10's "done when", as a person runs it: two data folders (two devices), each command a real TaskDesk process,
 * and the tests' PostgreSQL behind a proxy that is cut while both devices edit; then {@code taskdesk sync} on both,
 * twice, gives the same {@code tasks list --json} on both, and the conflict is listed by
 * {@code sync conflicts --json} on the device whose edit lost.
 */
class TwoDevicesSyncProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** A database at head with a client login for cost-4 hashes; the client login's URL. */
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

    private static final Map<String, String> ANN = Map.of("TASKDESK_EMAIL", "ann@example.com",
            "TASKDESK_PASSWORD", "ann password", "TASKDESK_SERVER_PASSWORD", "ann's server password",
            "TASKDESK_BCRYPT_COST", "4");

    /**
     * One command on {@code device}, in a child JVM with only that device's folders and Ann's variables: the syncs
     * and what they are judged by. (Setting up and editing run the same command line in this JVM, with the same
     * folders, to keep the test near a minute on a loaded machine.)
     */
    private CliResult child(String device, String... args) throws Exception {
        Path home = folder.resolve(device);
        Files.createDirectories(home);
        Map<String, String> environment = new HashMap<>(ANN);
        environment.putAll(Map.of("HOME", home.resolve("home").toString(), "XDG_DATA_HOME",
                home.resolve("data").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()));
        return TaskDeskProcess.run(home, environment, args);
    }

    private String ok(String device, String... args) {
        CliResult result = new TaskDeskCli(TestEnvironment.in(folder.resolve(device), ANN)).run(args);
        assertThat(result.exitCode()).as("%s: %s: %s", device, String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    private String childOk(String device, String... args) throws Exception {
        CliResult result = child(device, args);
        assertThat(result.exitCode()).as("%s: %s: %s", device, String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    /** {@code tasks list --json} (in a child process) without what is local to a device: its integer ids. */
    private List<JsonNode> listed(String device) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : JSON.readTree(childOk(device, "tasks", "list", "--sort", "title", "--json"))) {
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

    @Test
    void editsOnTwoDevicesWhileTheServerIsUnreachableEndTheSameOnBothAfterSyncingTwice() throws Exception {
        String server = sharedServer();
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            for (String device : List.of("laptop", "desktop")) {
                ok(device, "account", "create", "--name", "Ann");
            }
            ok("laptop", "tasks", "add", "Buy milk");
            ok("laptop", "tasks", "add", "Pay rent tomorrow 9am #home !high every month");
            ok("laptop", "tasks", "add", "Old errand");
            ok("laptop", "sync", "link", "--server", throughProxy);
            childOk("laptop", "sync");
            ok("desktop", "sync", "link", "--server", throughProxy);
            childOk("desktop", "sync");

            proxy.fail(FaultyProxy.Fault.CUT);
            ok("laptop", "tasks", "edit", idOf("laptop", "Buy milk"), "--title", "Buy oat milk");
            ok("laptop", "tasks", "done", idOf("laptop", "Pay rent"));
            ok("laptop", "tasks", "rm", idOf("laptop", "Old errand"));
            Thread.sleep(5); // the desktop's edit of the same title is the later one
            ok("desktop", "tasks", "edit", idOf("desktop", "Buy milk"), "--title", "Buy two litres of milk");
            ok("desktop", "tasks", "edit", idOf("desktop", "Old errand"), "--priority", "high");
            ok("desktop", "tasks", "add", "Call mum");
            for (String device : List.of("laptop", "desktop")) {
                String before = ok(device, "tasks", "list", "--json");
                CliResult offline = child(device, "sync");
                assertThat(offline.exitCode()).as("%s offline: %s", device, offline.err()).isEqualTo(4);
                assertThat(ok(device, "tasks", "list", "--json")).as("nothing changed on %s", device)
                        .isEqualTo(before);
            }
            proxy.heal();

            for (int round = 0; round < 2; round++) {
                childOk("laptop", "sync");
                childOk("desktop", "sync");
            }

            List<JsonNode> laptop = listed("laptop");
            assertThat(laptop).isEqualTo(listed("desktop"));
            assertThat(laptop).extracting(task -> task.get("title").asText())
                    .containsExactly("Buy two litres of milk", "Call mum", "Pay rent");
            JsonNode conflicts = JSON.readTree(childOk("laptop", "sync", "conflicts", "--json"));
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0).get("field").asText()).isEqualTo("title");
            assertThat(conflicts.get(0).get("lost").asText()).isEqualTo("\"Buy oat milk\"");
            assertThat(conflicts.get(0).get("won").asText()).isEqualTo("\"Buy two litres of milk\"");
            assertThat(JSON.readTree(childOk("desktop", "sync", "conflicts", "--json"))).isEmpty();
        }
    }
}
