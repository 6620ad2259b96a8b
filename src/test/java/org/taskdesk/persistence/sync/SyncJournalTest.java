package org.taskdesk.persistence.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.tasks.DeletedTask;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * Both task repositories (Hibernate for the app, plain SQL for the command line) on a real H2 file: every new task
 * gets a uid; once the account is linked, every edit stamps its fields and appends its mutation in the same
 * transaction, so the two are saved together or not at all.
 */
class SyncJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private String url;
    private boolean plainSql;

    private Workspace open() {
        return plainSql ? TestWorkspaces.openForCommand(url, folder, clock) : TestWorkspaces.open(url, folder, clock);
    }

    private UserSession setUp(String way) {
        plainSql = way.equals("plain SQL");
        url = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        try (Workspace workspace = open()) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            return workspace.accounts().signIn("ann@example.com", "ann password", true);
        }
    }

    private void link(UserSession ann) throws SQLException {
        sql("INSERT INTO sync_link (user_id, server_url, server_email, client_id, linked_at) VALUES ("
                + ann.account().id() + ", 'postgresql://server/db', 'ann@example.com', '"
                + UUID.randomUUID() + "', LOCALTIMESTAMP)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void everyNewTaskAndCompletionGetsAUidVersion7(String way) throws Exception {
        UserSession ann = setUp(way);
        try (Workspace workspace = open()) {
            Task task = workspace.tasks().add(ann, new QuickAddParser().parse("Water plants every day", now()));
            workspace.tasks().complete(ann, task.id());
        }
        assertThat(query("SELECT uid FROM tasks UNION ALL SELECT uid FROM task_completions"))
                .hasSize(2).allSatisfy(uid -> assertThat(UUID.fromString(uid).version()).isEqualTo(7));
        assertThat(query("SELECT COUNT(*) FROM sync_outbox")).as("not linked: nothing to push").containsExactly("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void aLinkedEditStampsOnlyTheChangedFieldsAndAppendsItsPut(String way) throws Exception {
        UserSession ann = setUp(way);
        link(ann);
        long id;
        try (Workspace workspace = open()) {
            id = workspace.tasks().add(ann, new QuickAddParser().parse("Buy milk", now())).id();
            clock.advance(java.time.Duration.ofMinutes(1));
            workspace.tasks().update(ann, id, task -> task.withTitle("Buy oat milk", clock.instant())
                    .withPriority(Priority.HIGH, clock.instant()));
        }
        List<JsonNode> outbox = outbox();
        assertThat(outbox).hasSize(2);
        assertThat(outbox.get(0).get("op").asText()).isEqualTo("put");
        assertThat(outbox.get(0).get("created").asText()).isEqualTo("2026-11-28T10:00:00");
        assertThat(outbox.get(0).get("fields").get("title").get("v").asText()).isEqualTo("Buy milk");
        assertThat(outbox.get(0).get("fields").size()).as("a new task: all seven").isEqualTo(7);
        assertThat(outbox.get(0).get("fields").get("completed").get("v").toString()).isEqualTo("{\"done\":false}");
        JsonNode edit = outbox.get(1).get("fields");
        assertThat(edit.fieldNames()).toIterable().containsExactlyInAnyOrder("title", "priority");
        assertThat(edit.get("priority").get("v").asText()).isEqualTo("high"); // the stored text (ADR 0005)

        String uid = query("SELECT uid FROM tasks WHERE id = " + id).get(0);
        assertThat(outbox).allSatisfy(mutation -> assertThat(mutation.get("task").asText()).isEqualTo(uid));
        FieldClocks clocks = FieldClocks.parse(query("SELECT field_clocks FROM tasks WHERE id = " + id).get(0));
        assertThat(clocks.of(SyncField.TITLE)).isEqualTo(edit.get("title").get("c").asText())
                .isGreaterThan(outbox.get(0).get("fields").get("title").get("c").asText());
        assertThat(clocks.of(SyncField.DUE)).isEqualTo(outbox.get(0).get("fields").get("due").get("c").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void anEditAndItsOutboxRowAreSavedTogetherOrNotAtAll(String way) throws Exception {
        UserSession ann = setUp(way);
        link(ann);
        long id;
        try (Workspace workspace = open()) {
            id = workspace.tasks().add(ann, new QuickAddParser().parse("Buy milk", now())).id();
        }
        // The outbox refuses any further row: the edit beside it must not be saved either.
        sql("CREATE TRIGGER test_refuses_more BEFORE INSERT ON sync_outbox FOR EACH ROW CALL '"
                + RefusingTrigger.class.getName() + "'");
        try (Workspace workspace = open()) {
            assertThatThrownBy(() -> workspace.tasks().update(ann, id, task -> task.withTitle("Buy oat milk",
                    clock.instant()))).isInstanceOf(TaskDeskException.class);
            assertThat(workspace.tasks().get(ann, id).title()).isEqualTo("Buy milk");
        }
        sql("DROP TRIGGER test_refuses_more");
        assertThat(query("SELECT title FROM tasks")).containsExactly("Buy milk");
        assertThat(outbox()).hasSize(1);

        // And a transaction that fails after the edit takes its outbox row back with it.
        try (Workspace workspace = open()) {
            assertThatThrownBy(() -> workspace.tasks().update(ann, List.of(id, 999_999L),
                    task -> task.withTitle("Buy oat milk", clock.instant()))).isInstanceOf(TaskDeskException.class);
        }
        assertThat(query("SELECT title FROM tasks")).containsExactly("Buy milk");
        assertThat(outbox()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void aDeleteLeavesATombstoneAndItsUndoIsARestoreUnderTheSameUid(String way) throws Exception {
        UserSession ann = setUp(way);
        link(ann);
        try (Workspace workspace = open()) {
            long id = workspace.tasks().add(ann, new QuickAddParser().parse("Buy milk !high", now())).id();
            String uid = query("SELECT uid FROM tasks").get(0);
            List<DeletedTask> deleted = workspace.tasks().delete(ann, List.of(id));
            assertThat(query("SELECT uid FROM sync_tombstones")).containsExactly(uid);
            workspace.tasks().restore(ann, deleted);
            assertThat(query("SELECT uid FROM tasks")).containsExactly(uid);
        }
        assertThat(query("SELECT COUNT(*) FROM sync_tombstones")).containsExactly("0");
        List<JsonNode> outbox = outbox();
        assertThat(outbox).extracting(mutation -> mutation.get("op").asText()).containsExactly("put", "delete", "restore");
        assertThat(outbox.get(1).get("c").asText()).isGreaterThan(outbox.get(0).get("fields").get("title").get("c").asText());
        assertThat(outbox.get(2).get("c").asText()).isGreaterThan(outbox.get(1).get("c").asText());
        assertThat(outbox.get(2).get("fields").get("priority").get("v").asText()).isEqualTo("high"); // the stored text (ADR 0005)
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void aCompletionTravelsWithItsUidAndTheTasksNextDueDate(String way) throws Exception {
        UserSession ann = setUp(way);
        link(ann);
        try (Workspace workspace = open()) {
            long id = workspace.tasks().add(ann, new QuickAddParser().parse("Water plants today every day",
                    now())).id();
            workspace.tasks().complete(ann, id);
        }
        List<JsonNode> outbox = outbox();
        JsonNode completion = outbox.stream().filter(m -> m.has("completions")).findFirst().orElseThrow()
                .get("completions").get(0);
        assertThat(completion.get("uid").asText()).isEqualTo(query("SELECT uid FROM task_completions").get(0));
        assertThat(completion.get("due").toString()).isEqualTo("{\"date\":\"2026-11-28\"}");
        assertThat(outbox.get(outbox.size() - 1).get("fields").get("due").get("v").toString())
                .isEqualTo("{\"date\":\"2026-11-29\"}");
    }

    /** An import writes in batches (TaskBatches); on a linked account each task and past completion still syncs. */
    @ParameterizedTest
    @ValueSource(strings = {"Hibernate", "plain SQL"})
    void anImportIntoALinkedAccountQueuesEveryTaskAndItsHistory(String way) throws Exception {
        UserSession ann = setUp(way);
        link(ann);
        String file = "{\"format\": 1, \"application\": \"TaskDesk\", \"zone\": \"Europe/Berlin\", \"tasks\": ["
                + "{\"title\": \"Water plants\", \"completions\": [\"2026-11-01T08:00:00Z\", \"2026-11-02T08:00:00Z\"]},"
                + "{\"title\": \"Buy milk\"}]}";
        try (Workspace workspace = open()) {
            assertThat(workspace.transfer().importText(ann, file, org.taskdesk.transfer.TransferFormat.JSON, false)
                    .added()).isEqualTo(2);
        }

        List<JsonNode> bodies = new ArrayList<>();
        for (String body : query("SELECT body FROM sync_outbox ORDER BY seq")) {
            bodies.add(JSON.readTree(body));
        }
        assertThat(bodies.stream().filter(b -> b.path("fields").has("title")).map(b -> b.at("/fields/title/v").asText()))
                .containsExactlyInAnyOrder("Water plants", "Buy milk");
        assertThat(bodies.stream().mapToInt(b -> b.path("completions").size()).sum()).as("past completions queued")
                .isEqualTo(2);
        assertThat(query("SELECT COUNT(DISTINCT uid) FROM task_completions")).containsExactly("2");
    }

    private java.time.ZonedDateTime now() {
        return java.time.ZonedDateTime.now(clock);
    }

    private List<JsonNode> outbox() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (String body : query("SELECT body FROM sync_outbox ORDER BY seq")) {
            bodies.add(JSON.readTree(body));
        }
        return bodies;
    }

    /**
     * Pushing marks a mutation pushed without rewriting its body: the body lives in its row (ADR 0036), where a CLOB
     * was copied whole by each {@code UPDATE … SET pushed}. A body far over H2's in-place LOB limit (256 bytes), of
     * characters outside ASCII and the BMP, reads back equal before and after the acknowledgement.
     */
    @Test
    void anAcknowledgedMutationKeepsItsLongBodyWholeInItsRow() throws Exception {
        UserSession ann = setUp("plain SQL");
        link(ann);
        String description = "Zürich ✓ 😀 \"quoted\" ".repeat(400);
        try (Workspace workspace = open()) {
            long id = workspace.tasks().add(ann, new QuickAddParser().parse("Plan the trip", now())).id();
            workspace.tasks().update(ann, id, task -> task.withDescription(description, clock.instant()));
        }
        assertThat(query("SELECT data_type FROM information_schema.columns WHERE table_name = 'SYNC_OUTBOX'"
                + " AND column_name = 'BODY'")).as("the body in its row, not a LOB").containsExactly("CHARACTER VARYING");
        int owner = ann.account().id();
        try (Connection connection = connect()) {
            JdbcReplica replica = new JdbcReplica(new org.taskdesk.persistence.jdbc.JdbcTransactions(connection,
                    new DatabaseUrl(folder, folder).parse(url)), clock);
            List<org.taskdesk.sync.PendingMutation> waiting = replica.waiting(owner, 10);
            assertThat(waiting).hasSize(2);
            assertThat(JSON.readTree(waiting.get(1).body()).get("fields").get("description").get("v").asText())
                    .isEqualTo(description);
            List<String> before = query("SELECT body FROM sync_outbox ORDER BY seq");
            assertThat(before.get(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(10_000);

            replica.acknowledge(owner, waiting, waiting.stream().map(mutation -> new org.taskdesk.sync.MutationResult(
                    mutation.id(), org.taskdesk.sync.MutationResult.APPLIED, null, null)).toList());

            assertThat(replica.waiting(owner, 10)).isEmpty();
            assertThat(replica.link(owner).orElseThrow().waiting()).isZero();
            assertThat(query("SELECT pushed FROM sync_outbox ORDER BY seq")).containsExactly("TRUE", "TRUE");
            assertThat(query("SELECT body FROM sync_outbox ORDER BY seq")).isEqualTo(before)
                    .containsExactly(waiting.get(0).body(), waiting.get(1).body());
            assertThat(query("SELECT synced FROM tasks")).containsExactly("TRUE");
        }
    }

    /**
     * Linking queues every task in JDBC batches of {@link Outbox.Batch#SIZE}, all in one transaction: a failure in
     * its third batch (here the outbox refusing its 2,201st row, as a full disk would) leaves no link and nothing
     * queued or stamped, and linking again queues every task once.
     */
    @Test
    void aLinkThatFailsInALaterBatchLeavesNoLinkAndALaterOneQueuesEveryTask() throws Exception {
        UserSession ann = setUp("plain SQL");
        int owner = ann.account().id();
        sql("INSERT INTO tasks (user_id, title) SELECT " + owner + ", 'Task ' || X FROM SYSTEM_RANGE(1, 2500)");
        sql("CREATE TRIGGER test_refuses_later BEFORE INSERT ON sync_outbox FOR EACH ROW CALL '"
                + RefusingAfterTrigger.class.getName() + "'");
        try (Connection connection = connect()) {
            JdbcReplica replica = new JdbcReplica(new org.taskdesk.persistence.jdbc.JdbcTransactions(connection,
                    new DatabaseUrl(folder, folder).parse(url)), clock);
            assertThatThrownBy(() -> replica.link(owner, "postgresql://server/db", "ann@example.com", UUID.randomUUID()))
                    .isInstanceOf(RuntimeException.class);
            assertThat(replica.link(owner)).isEmpty();
        }
        assertThat(query("SELECT COUNT(*) FROM sync_outbox")).containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM tasks WHERE field_clocks IS NOT NULL")).containsExactly("0");

        sql("DROP TRIGGER test_refuses_later");
        try (Connection connection = connect()) {
            JdbcReplica replica = new JdbcReplica(new org.taskdesk.persistence.jdbc.JdbcTransactions(connection,
                    new DatabaseUrl(folder, folder).parse(url)), clock);
            assertThat(replica.link(owner, "postgresql://server/db", "ann@example.com", UUID.randomUUID()).waiting())
                    .isEqualTo(2500);
        }
        assertThat(query("SELECT COUNT(DISTINCT task_uid) FROM sync_outbox")).containsExactly("2500");
        assertThat(query("SELECT COUNT(*) FROM tasks WHERE field_clocks IS NULL")).containsExactly("0");
    }

    /**
     * A due time stored with seconds (written before the app dropped them, or by another program) goes out as the
     * protocol's HH:MM, which is all a server accepts: with its seconds the server refused the task at every push, so
     * it never reached the person's other devices.
     */
    @Test
    void aDueTimeStoredWithSecondsIsQueuedAsHoursAndMinutes() throws Exception {
        UserSession ann = setUp("plain SQL");
        sql("INSERT INTO tasks (user_id, title, due_date, due_has_time) VALUES (" + ann.account().id()
                + ", 'Dentist', TIMESTAMP '2026-12-03 09:30:15', TRUE)");
        try (Connection connection = connect()) {
            new JdbcReplica(new org.taskdesk.persistence.jdbc.JdbcTransactions(connection,
                    new DatabaseUrl(folder, folder).parse(url)), clock)
                    .link(ann.account().id(), "postgresql://server/db", "ann@example.com", UUID.randomUUID());
        }
        List<String> bodies = query("SELECT body FROM sync_outbox");
        assertThat(bodies).hasSize(1);
        assertThat(JSON.readTree(bodies.get(0)).get("fields").get("due").get("v").toString())
                .isEqualTo("{\"date\":\"2026-12-03\",\"time\":\"09:30\"}");
    }

    private Connection connect() {
        return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url)).open();
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = connect(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement run = connection.createStatement();
             ResultSet result = run.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    /** An H2 trigger that refuses every row: a write that fails as a full disk or a broken file would. */
    public static final class RefusingTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("refused by the test");
        }
    }

    /** An H2 trigger that accepts 2,200 rows and refuses the rest: a write that fails part-way through a batch. */
    public static final class RefusingAfterTrigger implements org.h2.api.Trigger {
        private int rows;

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (++rows > 2200) {
                throw new SQLException("refused by the test after 2,200 rows");
            }
        }
    }
}
