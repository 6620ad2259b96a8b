package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.HybridClock;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.persistence.jdbc.JdbcTransactions;
import org.taskdesk.persistence.jdbc.JdbcTransactions.SqlFailure;
import org.taskdesk.sync.Conflict;
import org.taskdesk.sync.MergedPage;
import org.taskdesk.sync.MutationResult;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PulledRows;
import org.taskdesk.sync.Replica;
import org.taskdesk.sync.SyncLink;

/**
 * The replica in the local H2 file, in plain SQL: each method one local transaction. The merge of a pulled page
 * takes, field by field, the value with the later stamp; a value of this device that loses goes to the conflict
 * inbox; pulled deletions delete here and drop what was waiting to be pushed for those tasks.
 */
public final class JdbcReplica implements Replica {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final SyncJournal journal;

    public JdbcReplica(JdbcTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.journal = SyncJournal.onReplica(clock);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        return transactions.inTransaction(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        });
    }

    @Override
    public Optional<SyncLink> link(int userId) {
        return inTransaction(connection -> readLink(connection, userId));
    }

    private static Optional<SyncLink> readLink(Connection connection, int userId) throws SQLException {
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT l.*, (SELECT COUNT(*) FROM sync_outbox o"
                + " WHERE o.user_id = l.user_id AND NOT o.pushed) AS waiting, (SELECT COUNT(*) FROM sync_conflicts c WHERE c.user_id ="
                + " l.user_id AND NOT c.dismissed) AS conflicts FROM sync_link l WHERE l.user_id = ?", userId);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            LocalDateTime last = Columns.time(row, "last_sync_at");
            return Optional.of(new SyncLink(userId, row.getString("server_url"), row.getString("server_email"),
                    row.getObject("client_id", UUID.class), row.getLong("pulled_version"),
                    last == null ? null : last.toInstant(ZoneOffset.UTC), row.getString("last_error"),
                    row.getInt("rejected_count"), row.getString("last_rejection"), row.getInt("waiting"),
                    row.getInt("conflicts")));
        }
    }

    @Override
    public SyncLink link(int userId, String serverUrl, String serverEmail, UUID clientId) {
        return inTransaction(connection -> {
            SyncJournal.execute(connection, "INSERT INTO sync_link (user_id, server_url, server_email, client_id,"
                    + " linked_at) VALUES (?, ?, ?, ?, ?)", userId, serverUrl, serverEmail, clientId, now());
            LinkedClock link = LinkedClock.of(connection, userId, clock).orElseThrow();
            Map<UUID, ArrayNode> completions = new HashMap<>();
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT t.uid AS task_uid, c.uid,"
                    + " c.completed_at, c.due_date, c.due_has_time FROM task_completions c JOIN tasks t ON t.id ="
                    + " c.task_id WHERE c.user_id = ? ORDER BY c.id", userId); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    completions.computeIfAbsent(row.getObject("task_uid", UUID.class), uid -> JSON.createArrayNode())
                            .add(SyncJournal.completion(row.getObject("uid", UUID.class), row));
                }
            }
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT id, uid, created_at, "
                    + StoredFields.COLUMNS + " FROM tasks WHERE user_id = ? ORDER BY id", userId);
                 ResultSet row = query.executeQuery();
                 Outbox.Batch batch = new Outbox.Batch(connection, userId, LocalDateTime.now(ZoneOffset.UTC))) {
                while (row.next()) {
                    UUID uid = row.getObject("uid", UUID.class);
                    batch.add(row.getInt("id"), uid, SyncJournal.fullPut(link, uid, StoredFields.read(row),
                            Columns.time(row, "created_at"), "put", completions.get(uid)));
                }
            }
            // Once, after the last stamp: the clock saved is the last one made, as one save per task left it.
            link.save(connection, userId);
            return readLink(connection, userId).orElseThrow();
        });
    }

    @Override
    public void unlink(int userId) {
        inTransaction(connection -> {
            for (String table : List.of("sync_outbox", "sync_tombstones", "sync_conflicts", "sync_link")) {
                SyncJournal.execute(connection, "DELETE FROM " + table + " WHERE user_id = ?", userId);
            }
            SyncJournal.execute(connection, "UPDATE tasks SET synced = FALSE, field_clocks = NULL WHERE user_id = ?",
                    userId);
            return null;
        });
    }

    @Override
    public List<PendingMutation> waiting(int userId, int limit) {
        return inTransaction(connection -> {
            List<PendingMutation> waiting = new ArrayList<>();
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT seq, mutation_id, body FROM sync_outbox"
                    + " WHERE user_id = ? AND pushed = FALSE ORDER BY seq LIMIT ?", userId, limit); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    waiting.add(new PendingMutation(row.getLong(1), row.getObject(2, UUID.class), row.getString(3)));
                }
            }
            return waiting;
        });
    }

    @Override
    public void acknowledge(int userId, List<PendingMutation> pushed, List<MutationResult> results) {
        inTransaction(connection -> {
            // In JDBC batches, each statement prepared once: a first push acknowledges 1,000 mutations at a time.
            try (PreparedStatement rejected = connection.prepareStatement("DELETE FROM sync_outbox WHERE user_id = ?"
                         + " AND mutation_id = ?");
                 // A task already synced is not written again (its row holds its description and tags as LOBs).
                 PreparedStatement synced = connection.prepareStatement("UPDATE tasks SET synced = TRUE WHERE user_id"
                         + " = ? AND uid = (SELECT task_uid FROM sync_outbox WHERE mutation_id = ?) AND NOT synced");
                 PreparedStatement done = connection.prepareStatement("UPDATE sync_outbox SET pushed = TRUE WHERE"
                         + " user_id = ? AND mutation_id = ?")) {
                for (MutationResult result : results) {
                    if (result.status().equals(MutationResult.CLOCK_AHEAD)) {
                        continue;
                    }
                    if (result.status().equals(MutationResult.REJECTED)) {
                        SyncJournal.execute(connection, "UPDATE sync_link SET rejected_count = rejected_count + 1,"
                                + " last_rejection = ? WHERE user_id = ?", cut(result.reason(), 2000), userId);
                        add(rejected, userId, result.id());
                    } else {
                        add(synced, userId, result.id());
                        add(done, userId, result.id());
                    }
                }
                // The tasks first, while their mutations are still there to name them.
                synced.executeBatch();
                done.executeBatch();
                rejected.executeBatch();
            }
            return null;
        });
    }

    private static void add(PreparedStatement statement, int userId, UUID mutation) throws SQLException {
        statement.setInt(1, userId);
        statement.setObject(2, mutation);
        statement.addBatch();
    }

    @Override
    public void restamp(int userId, String serverClock, Collection<UUID> ids) {
        inTransaction(connection -> {
            LinkedClock link = LinkedClock.of(connection, userId, clock).orElseThrow();
            link.clock().learnServerClockAfterRefusal(serverClock);
            for (UUID id : ids) {
                String body;
                UUID task;
                try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT body, task_uid FROM sync_outbox"
                        + " WHERE user_id = ? AND mutation_id = ?", userId, id); ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                    body = row.getString(1);
                    task = row.getObject(2, UUID.class);
                }
                ObjectNode mutation = (ObjectNode) parse(body);
                FieldClocks clocks = taskClocks(connection, userId, task);
                JsonNode fields = mutation.get("fields");
                if (fields != null) {
                    for (Map.Entry<String, JsonNode> field : fields.properties()) {
                        String old = field.getValue().path("c").asText();
                        String stamp = link.clock().stamp();
                        ((ObjectNode) field.getValue()).put("c", stamp);
                        Optional<SyncField> named = SyncField.named(field.getKey());
                        if (clocks != null && named.isPresent() && old.equals(clocks.of(named.get()))) {
                            clocks = clocks.with(named.get(), stamp);
                        }
                    }
                }
                if (mutation.has("c")) {
                    mutation.put("c", link.clock().stamp());
                }
                if (clocks != null) {
                    SyncJournal.execute(connection, "UPDATE tasks SET field_clocks = ? WHERE user_id = ? AND uid = ?",
                            clocks.toJson(), userId, task);
                }
                // A new place at the end: later mutations of the same batch may have moved the server past its seq.
                SyncJournal.execute(connection, "DELETE FROM sync_outbox WHERE mutation_id = ?", id);
                Outbox.append(connection, userId, task, mutation, now());
            }
            link.save(connection, userId);
            return null;
        });
    }

    private static FieldClocks taskClocks(Connection connection, int userId, UUID task) throws SQLException {
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT field_clocks FROM tasks WHERE user_id = ?"
                + " AND uid = ?", userId, task); ResultSet row = query.executeQuery()) {
            return row.next() ? FieldClocks.parse(row.getString(1)) : null;
        }
    }

    @Override
    public MergedPage merge(int userId, PulledPage page, long savedAtMost) {
        return inTransaction(connection -> {
            LinkedClock link = LinkedClock.of(connection, userId, clock).orElseThrow();
            link.clock().learnServerClock(page.serverClock());
            JsonNode answer = parse(page.json());
            PageMerge merge = new PageMerge(connection, userId, link, now());
            try {
                for (JsonNode task : answer.path("tasks")) {
                    merge.task(task);
                }
                for (JsonNode deleted : answer.path("deleted")) {
                    merge.deleted(deleted);
                }
                for (JsonNode completion : answer.path("completions")) {
                    merge.completion(completion);
                }
                merge.finish();
            } finally {
                merge.close();
            }
            long saved = Math.min(page.version(), savedAtMost);
            if (merge.waitingFrom() != MergedPage.NOTHING_WAITING) {
                saved = Math.min(saved, merge.waitingFrom() - 1);
            }
            SyncJournal.execute(connection, "UPDATE sync_link SET pulled_version = ? WHERE user_id = ?", saved, userId);
            link.save(connection, userId);
            int items = answer.path("tasks").size() + answer.path("deleted").size() + answer.path("completions").size();
            return new MergedPage(items, merge.conflicts(), merge.seen(), merge.waitingFrom());
        });
    }

    @Override
    public MergedPage mergeHoldingDeletions(int userId, PulledPage page, long savedAtMost) {
        long pulledBefore = link(userId).orElseThrow().pulledVersion();
        Set<UUID> here = inTransaction(connection -> HeldDeletions.ofTasksHere(connection, userId, page));
        if (here.isEmpty()) {
            return merge(userId, page, savedAtMost);
        }
        return merge(userId, HeldDeletions.keepingDeletions(page, uid -> !here.contains(uid)),
                Math.min(savedAtMost, pulledBefore)).holding(here);
    }

    @Override
    public MergedPage mergeDeletions(int userId, PulledPage page, Set<UUID> tasks, long savedAtMost) {
        return merge(userId, HeldDeletions.onlyDeletionsOf(page, tasks), savedAtMost);
    }

    @Override
    public boolean holdsNothing(int userId) {
        return inTransaction(connection -> {
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT (SELECT pulled_version FROM sync_link"
                    + " WHERE user_id = ?) = 0 AND NOT EXISTS (SELECT 1 FROM tasks WHERE user_id = ?) AND NOT EXISTS"
                    + " (SELECT 1 FROM task_completions WHERE user_id = ?) AND NOT EXISTS (SELECT 1 FROM sync_tombstones"
                    + " WHERE user_id = ?) AND NOT EXISTS (SELECT 1 FROM sync_outbox WHERE user_id = ?)", userId, userId,
                    userId, userId, userId); ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    @Override
    public MergedPage mergeFirstPull(int userId, PulledRows page, long savedAtMost) {
        if (inTransaction(connection -> FirstPullMerge.anyHere(connection, userId, page))) {
            return merge(userId, FirstPullMerge.asJson(page), savedAtMost);
        }
        return inTransaction(connection -> {
            LinkedClock link = LinkedClock.of(connection, userId, clock).orElseThrow();
            link.clock().learnServerClock(page.serverClock());
            long waitingFrom = FirstPullMerge.write(connection, userId, link, now(), page);
            long saved = Math.min(page.version(), savedAtMost);
            if (waitingFrom != MergedPage.NOTHING_WAITING) {
                saved = Math.min(saved, waitingFrom - 1);
            }
            SyncJournal.execute(connection, "UPDATE sync_link SET pulled_version = ? WHERE user_id = ?", saved, userId);
            link.save(connection, userId);
            Set<UUID> seen = new HashSet<>();
            page.tasks().forEach(task -> seen.add(task.uid()));
            return new MergedPage(page.items(), 0, seen, waitingFrom);
        });
    }

    @Override
    public int taskCount(int userId) {
        return inTransaction(connection -> {
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT COUNT(*) FROM tasks WHERE user_id = ?",
                    userId); ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Override
    public void pulledUpTo(int userId, long version) {
        inTransaction(connection -> {
            SyncJournal.execute(connection, "UPDATE sync_link SET pulled_version = ? WHERE user_id = ?", version, userId);
            return null;
        });
    }

    @Override
    public int dropSyncedTasksExcept(int userId, Set<UUID> kept) {
        return inTransaction(connection -> {
            List<Integer> gone = droppable(connection, userId, kept);
            for (int id : gone) {
                SyncJournal.execute(connection, "DELETE FROM tasks WHERE id = ?", id);
            }
            return gone.size();
        });
    }

    @Override
    public int wouldDrop(int userId, Set<UUID> kept) {
        return inTransaction(connection -> droppable(connection, userId, kept).size());
    }

    private static List<Integer> droppable(Connection connection, int userId, Set<UUID> kept) throws SQLException {
        List<Integer> gone = new ArrayList<>();
        // The outbox by (user_id, task_uid): by task_uid alone it read the whole outbox, bodies and all, per task.
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT t.id, t.uid FROM tasks t WHERE"
                + " t.user_id = ? AND t.synced AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.user_id = t.user_id"
                + " AND o.task_uid = t.uid AND o.pushed = FALSE)", userId); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                if (!kept.contains(row.getObject(2, UUID.class))) {
                    gone.add(row.getInt(1));
                }
            }
        }
        return gone;
    }

    @Override
    public void recordRound(int userId, Instant at, String error) {
        inTransaction(connection -> {
            if (error == null) {
                // The pull has ended: edits pushed in this round can no longer lose to a concurrent one unseen.
                SyncJournal.execute(connection, "DELETE FROM sync_outbox WHERE user_id = ? AND pushed", userId);
            }
            SyncJournal.execute(connection, error == null
                    ? "UPDATE sync_link SET last_sync_at = ?, last_error = NULL WHERE user_id = ?"
                    : "UPDATE sync_link SET last_error = ? WHERE user_id = ?",
                    error == null ? LocalDateTime.ofInstant(at, ZoneOffset.UTC) : cut(error, 2000), userId);
            return null;
        });
    }

    @Override
    public List<Conflict> conflicts(int userId) {
        return inTransaction(connection -> {
            List<Conflict> conflicts = new ArrayList<>();
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT * FROM sync_conflicts WHERE user_id = ?"
                    + " AND NOT dismissed ORDER BY id", userId); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    conflicts.add(conflict(row));
                }
            }
            return conflicts;
        });
    }

    private static Conflict conflict(ResultSet row) throws SQLException {
        return new Conflict(row.getInt("id"), row.getObject("task_uid", UUID.class), row.getString("task_title"),
                row.getString("field"), row.getString("lost_value"), row.getString("won_value"),
                row.getString("winner"), Columns.time(row, "recorded_at").toInstant(ZoneOffset.UTC));
    }

    @Override
    public Conflict restore(int userId, int number) {
        return inTransaction(connection -> {
            Conflict conflict = openConflict(connection, userId, number);
            SyncField field = SyncField.named(conflict.field()).orElseThrow();
            int taskId;
            StoredFields before;
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT id, " + StoredFields.COLUMNS
                    + " FROM tasks WHERE user_id = ? AND uid = ?", userId, conflict.taskUid());
                 ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new TaskDeskException(ErrorCode.NOT_FOUND, "The task of conflict " + number + " ("
                            + conflict.taskTitle() + ") has been deleted since: there is nothing to restore it onto.");
                }
                taskId = row.getInt("id");
                before = StoredFields.read(row);
            }
            StoredFields after = before.with(field, parse(conflict.lostValue()));
            try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET " + StoredFields.COLUMNS
                    .replace(",", " = ?,") + " = ?, updated_at = ? WHERE id = ?")) {
                int next = after.bind(update, 1);
                Columns.time(update, next, now());
                update.setInt(next + 1, taskId);
                update.executeUpdate();
            }
            journal.updated(connection, userId, taskId, before, after);
            SyncJournal.execute(connection, "UPDATE sync_conflicts SET dismissed = TRUE WHERE id = ?", number);
            return conflict;
        });
    }

    @Override
    public void dismiss(int userId, int number) {
        inTransaction(connection -> {
            openConflict(connection, userId, number);
            SyncJournal.execute(connection, "UPDATE sync_conflicts SET dismissed = TRUE WHERE id = ?", number);
            return null;
        });
    }

    private static Conflict openConflict(Connection connection, int userId, int number) throws SQLException {
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT * FROM sync_conflicts WHERE id = ? AND"
                + " user_id = ? AND NOT dismissed", number, userId); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new TaskDeskException(ErrorCode.NOT_FOUND, "There is no open conflict " + number
                        + ": 'taskdesk sync conflicts' lists them.");
            }
            return conflict(row);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not the protocol's JSON: " + cut(json, 200), e);
        }
    }

    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** Stamps compared with the protocol's order; used by {@link PageMerge}. */
    static boolean later(String candidate, String current) {
        return HybridClock.later(candidate, current);
    }

    static Set<UUID> newSet() {
        return new HashSet<>();
    }
}
