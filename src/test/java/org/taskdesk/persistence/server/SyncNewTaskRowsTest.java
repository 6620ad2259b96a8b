package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.MutationResult;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PushAnswer;

/**
 * A first push's new tasks as rows (PostgreSQL V17, ADR 0037), through the device's {@link PostgresSyncServer} on the
 * tests' real PostgreSQL, beside the same mutations pushed the ordinary way to a second person: the same rows, the
 * same stamps, the same answers. That the rows went through {@code taskdesk_sync_push_new} shows in the client's
 * last_seq, which only the ordinary push moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncNewTaskRowsTest {
    /** What the ordinary push stores of a new task, but for its version and updated_at (the push's own time). */
    private static final String STORED = "SELECT uid, title, description, priority, tags, due_date, due_has_time, "
            + "recurrence_pattern, completed, completed_at, created_at, field_clocks::text FROM tasks ORDER BY uid";

    @TempDir
    Path folder;

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeAll
    void database() throws SQLException {
        url = server.newDatabase();
    }

    @AfterAll
    void dropEverything() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
        server.close();
    }

    @Test
    void aFirstPushOf2500NewTasksArrivesWholeAndAsTheOrdinaryPushStoresIt() throws SQLException {
        Device rows = newDevice();
        Device ordinary = newDevice();
        List<ObjectNode> tasks = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            tasks.add(newTask(i));
        }

        List<MutationResult> results = new ArrayList<>();
        try (PostgresSyncServer sync = rows.sync()) {
            for (int from = 0; from < tasks.size(); from += 1_000) {
                PushAnswer answer = sync.push(rows.client, pending(tasks.subList(from, Math.min(from + 1_000,
                        tasks.size())), from));
                results.addAll(answer.results());
            }
        }
        List<String> ordinaryStatuses = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += 1_000) {
            ordinaryStatuses.addAll(SyncCalls.statuses(SyncCalls.pushArray(ordinary.login, ordinary.client,
                    withSeqs(tasks.subList(from, Math.min(from + 1_000, tasks.size())), from))));
        }

        assertThat(results).hasSize(2_500).allSatisfy(result -> assertThat(result.status()).isEqualTo("applied"));
        assertThat(ordinaryStatuses).hasSize(2_500).containsOnly("applied");
        List<String> stored = rows(rows.direct, STORED);
        assertThat(stored).hasSize(2_500).isEqualTo(rows(ordinary.direct, STORED));
        assertThat(lastSeq(rows)).as("no mutation went through the ordinary push").isEqualTo(0);
        assertThat(rows(rows.direct, "SELECT count(DISTINCT version) FROM tasks")).containsExactly("2500");
        // The pull gives the same tasks, field by field and stamp by stamp.
        assertThat(pulledTasks(rows)).isEqualTo(pulledTasks(ordinary));
    }

    @Test
    void aRowTheServerDoesNotTakeGoesThroughTheOrdinaryPushAndGetsItsAnswer() throws SQLException {
        Device rows = newDevice();
        Device ordinary = newDevice();
        List<ObjectNode> tasks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tasks.add(newTask(i));
        }
        ((ObjectNode) tasks.get(40).path("fields").path("title")).put("v", "   ");
        ((ObjectNode) tasks.get(90).path("fields").path("due")).set("v",
                SyncCalls.json("{\"date\": \"2026-02-30\"}"));
        ((ObjectNode) tasks.get(200).path("fields").path("repeat")).put("c", SyncCalls.stamp(3_600_000, 0, "ahead"));

        PushAnswer answer;
        try (PostgresSyncServer sync = rows.sync()) {
            answer = sync.push(rows.client, pending(tasks, 0));
        }
        JsonNode expected = SyncCalls.pushArray(ordinary.login, ordinary.client, withSeqs(tasks, 0));

        List<String> got = new ArrayList<>();
        for (MutationResult result : answer.results()) {
            got.add(result.status() + " " + result.reason());
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode result : expected.path("results")) {
            wanted.add(result.path("status").asText() + " " + (result.hasNonNull("reason")
                    ? result.path("reason").asText() : null));
        }
        assertThat(got).isEqualTo(wanted);
        assertThat(got.get(40)).isEqualTo("rejected the title is empty");
        assertThat(got.get(90)).startsWith("rejected the due date is not a real date");
        assertThat(got.get(200)).startsWith("clock_ahead");
        assertThat(got.get(250)).startsWith("clock_ahead waits for mutation");
        assertThat(rows(rows.direct, STORED)).hasSize(198).isEqualTo(rows(ordinary.direct, STORED));
    }

    @Test
    void aBatchSentTwiceInsertsOnce() throws SQLException {
        Device rows = newDevice();
        List<ObjectNode> tasks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tasks.add(newTask(i));
        }
        String batch = rowsOf(tasks);

        JsonNode first = SyncCalls.pushNew(rows.login, rows.client, batch);
        List<String> afterFirst = rows(rows.direct, STORED + ", version");
        JsonNode second = SyncCalls.pushNew(rows.login, rows.client, batch);
        List<String> afterSecond = rows(rows.direct, STORED + ", version");
        // The device's way too: what the server leaves goes through the ordinary push, which finds it there.
        PushAnswer again;
        try (PostgresSyncServer sync = rows.sync()) {
            again = sync.push(rows.client, pending(tasks, 0));
        }

        assertThat(first.path("left")).isEmpty();
        assertThat(second.path("left")).hasSize(150)
                .allSatisfy(line -> assertThat(line.path(1).asText()).isEqualTo("already there"));
        assertThat(again.results()).allSatisfy(result -> assertThat(result.status()).isEqualTo("applied"));
        assertThat(rows(rows.direct, "SELECT count(*) FROM tasks")).containsExactly("150");
        assertThat(afterSecond).as("not written again").isEqualTo(afterFirst);
        assertThat(rows(rows.direct, STORED)).hasSize(150);
    }

    @Test
    void uidsThatAnOrdinaryPushAlreadyBroughtOrDeletedAreLeftToIt() throws SQLException {
        Device rows = newDevice();
        List<ObjectNode> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(newTask(i));
        }
        SyncCalls.pushArray(rows.login, rows.client, withSeqs(tasks.subList(0, 2), 0));
        SyncCalls.push(rows.login, rows.client, SyncCalls.delete(3, UUID.fromString(tasks.get(1).path("task").asText()),
                SyncCalls.stamp(-1_000, 0, "d")));

        JsonNode answer = SyncCalls.pushNew(rows.login, rows.client, rowsOf(tasks));

        assertThat(answer.path("left").toString()).isEqualTo("[[1,\"already there\"],[2,\"already there\"]]");
        assertThat(rows(rows.direct, "SELECT count(*) FROM tasks")).containsExactly("2");
    }

    @Test
    void aServerWhoseSetupHasNotGrantedTheRowsCallGetsTheOrdinaryPush() throws SQLException {
        // Upgraded to V17 but 'server setup' not run since: the people's logins may not call it (42501).
        String notSetUp = server.newDatabase();
        try (Connection owner = server.owner(notSetUp)) {
            SharedServer.update(owner, "REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_push_new(uuid, text) FROM "
                    + SharedServer.column(owner, "SELECT public.taskdesk_people_role()").get(0));
        }
        Device device = newDevice(notSetUp);
        List<ObjectNode> tasks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tasks.add(newTask(i));
        }

        PushAnswer answer;
        try (PostgresSyncServer sync = device.sync()) {
            answer = sync.push(device.client, pending(tasks, 0));
        }

        assertThat(answer.results()).hasSize(150)
                .allSatisfy(result -> assertThat(result.status()).isEqualTo("applied"));
        assertThat(rows(device.direct, "SELECT count(*) FROM tasks")).containsExactly("150");
        assertThat(lastSeq(device)).as("all through the ordinary push").isEqualTo(150);
    }

    // ---- the scene

    private record Device(UUID client, Connection login, Connection direct, DatabaseConnections connections,
                          String token) {
        PostgresSyncServer sync() {
            return PostgresSyncServer.connect(connections, token);
        }
    }

    private Device newDevice() throws SQLException {
        return newDevice(url);
    }

    private Device newDevice(String url) throws SQLException {
        String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token;
        try (Connection owner = server.owner(url)) {
            accounts.signUp(owner, email, "Pat", hash("pat's password"));
            token = accounts.signIn(owner, email, "pat's password", DAY).orThrow();
        }
        SharedServer.PersonLogin login = server.personLogin(url, token);
        Connection direct = server.owner(url);
        accounts.useSession(direct, token);
        DatabaseTarget shared = new DatabaseUrl(folder, folder).parse(url);
        DatabaseConnections connections = new DatabaseConnections(new DatabaseTarget(shared.kind(), shared.jdbcUrl(),
                login.login(), login.password(), shared.displayName(), shared.h2File()));
        Connection own = login.open();
        opened.add(own);
        return new Device(UUID.randomUUID(), own, direct, connections, token);
    }

    /**
     * A put as linking writes it (all seven fields, each its own stamp), with values that try the rows' form: text
     * with tabs, line feeds, backslashes and what reads \N, characters beyond ASCII, dates at the months' ends.
     */
    private static ObjectNode newTask(int i) {
        String[] descriptions = {"", "line one\nline two\ttabbed", "a \\N that is text, and C:\\temp\\", "café ✓ 😀",
                                 "\r\n", "\\\\\\"};
        String[] dues = {null, "{\"date\": \"2026-01-31\"}", "{\"date\": \"2024-02-29\", \"time\": \"23:59\"}",
                         "{\"date\": \"2026-12-01\", \"time\": \"09:00\"}", "{\"date\": \"1900-04-30\"}"};
        String[] completed = {"{\"done\": false}", "{\"done\": true, \"at\": \"2026-10-31T10:11:12.123456\"}",
                              "{\"done\": false, \"at\": \"2025-12-29T00:00:00\"}"};
        String stamp = String.format("%013x-%04x-", System.currentTimeMillis() - 60_000, 0);
        ObjectNode put = SyncCalls.put(0, UUID.randomUUID(),
                "title", "Task " + i + (i % 7 == 0 ? " \\ with\ta tab" : ""), stamp.replace("-0000-", "-0001-") + "dev",
                "description", i % 11 == 5 ? null : descriptions[i % descriptions.length],
                stamp.replace("-0000-", "-0002-") + "dev",
                "priority", new String[] {null, "low", "medium", "high"}[i % 4], stamp.replace("-0000-", "-0003-") + "dev",
                "tags", i % 3 == 0 ? null : "home,work " + i, stamp.replace("-0000-", "-0004-") + "dev",
                "due", dues[i % dues.length] == null ? null : SyncCalls.json(dues[i % dues.length]),
                stamp.replace("-0000-", "-0005-") + "dev",
                "repeat", i % 5 == 0 ? "FREQ=WEEKLY;BYDAY=MO" : null, stamp.replace("-0000-", "-0006-") + "dev",
                "completed", SyncCalls.json(completed[i % completed.length]), stamp.replace("-0000-", "-0007-") + "dev");
        put.remove("seq");
        String[] created = {"2025-01-31T08:30:00.5", "2024-02-29T23:59:59", "2025-04-30T00:00:00.000001",
                            "2025-06-15T12:00:00"};
        // Always there, as linking writes it: without it a task is created at the push's time, which differs.
        put.put("created", created[i % created.length]);
        return put;
    }

    private static List<PendingMutation> pending(List<ObjectNode> tasks, int before) {
        List<PendingMutation> pending = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            ObjectNode body = tasks.get(i);
            pending.add(new PendingMutation(before + i + 1, UUID.fromString(body.path("id").asText()), body.toString()));
        }
        return pending;
    }

    private static ArrayNode withSeqs(List<ObjectNode> tasks, int before) {
        ArrayNode array = SyncCalls.JSON.createArrayNode();
        for (int i = 0; i < tasks.size(); i++) {
            array.add(tasks.get(i).deepCopy().put("seq", before + i + 1));
        }
        return array;
    }

    /** The rows as the device writes them, built here by hand (columns as V17 lists them). */
    private static String rowsOf(List<ObjectNode> tasks) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode task : tasks) {
            JsonNode fields = task.path("fields");
            JsonNode due = fields.path("due").path("v");
            JsonNode completed = fields.path("completed").path("v");
            List<String> columns = new ArrayList<>(List.of(task.path("id").asText(), task.path("task").asText(),
                    text(task.path("created")), text(fields.path("title").path("v")),
                    text(fields.path("description").path("v")), text(fields.path("priority").path("v")),
                    text(fields.path("tags").path("v")), text(due.path("date")), text(due.path("time")),
                    text(fields.path("repeat").path("v")), completed.path("done").asBoolean() ? "t" : "f",
                    text(completed.path("at"))));
            for (String field : SyncCalls.FIELDS) {
                columns.add(fields.path(field).path("c").asText());
            }
            lines.add(String.join("\t", columns));
        }
        return String.join("\n", lines);
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "\\N";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : value.asText().toCharArray()) {
            escaped.append(c == '\\' ? "\\\\" : c < ' ' ? String.format("\\%03o", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }

    private static long lastSeq(Device device) throws SQLException {
        return Long.parseLong(rows(device.direct, "SELECT last_seq FROM sync_clients WHERE client_id = '"
                + device.client + "'").get(0));
    }

    /** The pulled tasks without their versions (each person numbers their own). */
    private static List<String> pulledTasks(Device device) throws SQLException {
        List<String> tasks = new ArrayList<>();
        for (JsonNode page : SyncCalls.pullAll(device.login, UUID.randomUUID(), 0, 1_000)) {
            for (JsonNode task : page.path("tasks")) {
                tasks.add(((ObjectNode) task.deepCopy()).without(List.of("version", "updated")).toString());
            }
        }
        tasks.sort(null);
        return tasks;
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
