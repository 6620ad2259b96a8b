package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.HybridClock;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.sync.MergedPage;

/**
 * Merges one pulled page into the replica, inside the page's transaction. Per field the later stamp wins, so every
 * replica ends with the same values whatever order the edits reached it in; a value of this device that loses (its
 * edit still waiting to be pushed, or made here) is kept in the conflict inbox.
 */
final class PageMerge {
    private final Connection connection;
    private final int owner;
    private final LinkedClock link;
    private final LocalDateTime now;
    private final Set<UUID> seen = new HashSet<>();
    private int conflicts;
    private long waitingFrom = MergedPage.NOTHING_WAITING;
    private PreparedStatement inserts;
    private final Set<UUID> pendingInserts = new HashSet<>();

    PageMerge(Connection connection, int owner, LinkedClock link, LocalDateTime now) {
        this.connection = connection;
        this.owner = owner;
        this.link = link;
        this.now = now;
    }

    int conflicts() {
        return conflicts;
    }

    Set<UUID> seen() {
        return seen;
    }

    /** The lowest version of a completion of this page whose task is not here yet. */
    long waitingFrom() {
        return waitingFrom;
    }

    /** A task as the server has it: all seven fields with their stamps. */
    void task(JsonNode task) throws SQLException {
        UUID uid = UUID.fromString(task.path("uid").asText());
        seen.add(uid);
        JsonNode fields = task.path("fields");
        fields.forEach(field -> link.clock().receive(field.path("c").asText()));
        if (staysDeleted(uid, fields)) {
            return;
        }
        Local local = local(uid);
        if (local == null) {
            insert(uid, task, fields);
            return;
        }
        if (local.synced() && !anyLater(fields, local.clocks())) {
            // Nothing of it is newer than what is here: the common case of a first round, whose pull brings back
            // every task the push just sent. No outbox lookup, no write (which also left updated_at at the time
            // of the pull, as if the task had been edited).
            return;
        }
        Set<String> waiting = waitingFields(uid);
        StoredFields values = local.values();
        FieldClocks clocks = local.clocks();
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            SyncField field = SyncField.named(entry.getKey()).orElse(null);
            String stamp = entry.getValue().path("c").asText();
            if (field == null || !HybridClock.later(stamp, clocks.of(field))) {
                continue;
            }
            JsonNode won = entry.getValue().get("v");
            JsonNode lost = values.value(field);
            // The contract's rule: an edit of this device's (waiting, or made here before) that a later one beats.
            boolean mine = waiting.contains(field.wireName()) || madeHere(clocks.of(field));
            if (mine && !lost.equals(won)) {
                conflict(uid, values.title(), field, lost, won, stamp);
            }
            values = values.with(field, won);
            clocks = clocks.with(field, stamp);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET " + StoredFields.COLUMNS
                .replace(",", " = ?,") + " = ?, field_clocks = ?, synced = TRUE, updated_at = ? WHERE id = ?")) {
            int next = values.bind(update, 1);
            update.setString(next, clocks.toJson());
            Columns.time(update, next + 1, now);
            update.setInt(next + 2, local.id());
            update.executeUpdate();
        }
    }

    private static boolean anyLater(JsonNode fields, FieldClocks clocks) {
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            SyncField field = SyncField.named(entry.getKey()).orElse(null);
            if (field != null && HybridClock.later(entry.getValue().path("c").asText(), clocks.of(field))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A task deleted here stays deleted: while the delete waits to be pushed (it wins over edits on the server too),
     * or when no field of the pulled task is later than the delete. A later one is someone's restore.
     */
    private boolean staysDeleted(UUID uid, JsonNode fields) throws SQLException {
        String deletedAt;
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT stamp FROM sync_tombstones WHERE uid = ?"
                + " AND user_id = ?", uid, owner); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return false;
            }
            deletedAt = row.getString(1);
        }
        boolean deleteWaiting = count("SELECT COUNT(*) FROM sync_outbox WHERE user_id = ? AND task_uid = ?", owner, uid) > 0;
        boolean restored = false;
        for (JsonNode field : fields) {
            restored |= HybridClock.later(field.path("c").asText(), deletedAt);
        }
        if (deleteWaiting || !restored) {
            return true;
        }
        SyncJournal.execute(connection, "DELETE FROM sync_tombstones WHERE uid = ?", uid);
        return false;
    }

    private void insert(UUID uid, JsonNode task, JsonNode fields) throws SQLException {
        StoredFields values = new StoredFields("", null, null, null, null, false, null, false, null);
        FieldClocks clocks = FieldClocks.NONE;
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            SyncField field = SyncField.named(entry.getKey()).orElse(null);
            if (field != null) {
                values = values.with(field, entry.getValue().get("v"));
                clocks = clocks.with(field, entry.getValue().path("c").asText());
            }
        }
        LocalDateTime created = task.hasNonNull("created") ? StoredFields.parseTime(task.get("created").asText()) : now;
        PreparedStatement insert = inserts();
        insert.setInt(1, owner);
        insert.setObject(2, uid);
        Columns.time(insert, 3, created);
        Columns.time(insert, 4, now);
        insert.setString(5, clocks.toJson());
        values.bind(insert, 6);
        insert.addBatch();
        pendingInserts.add(uid);
    }

    /**
     * New tasks of the page go in as one JDBC batch (a first pull into an empty replica is all new tasks): sent
     * before anything that reads or deletes tasks by uid ({@link #local}, {@link #deleted}, {@link #completion}),
     * and at the end of the page ({@link #finish}).
     */
    private PreparedStatement inserts() throws SQLException {
        if (inserts == null) {
            inserts = connection.prepareStatement("INSERT INTO tasks (user_id, uid, created_at, updated_at, field_clocks,"
                    + " synced, " + StoredFields.COLUMNS + ") VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return inserts;
    }

    private void sendInserts() throws SQLException {
        if (!pendingInserts.isEmpty()) {
            inserts.executeBatch();
            pendingInserts.clear();
        }
    }

    /** Sends what is batched: the page is merged. */
    void finish() throws SQLException {
        sendInserts();
    }

    /** Lets the batch's statement go (what it held unsent goes with the page's transaction, on a failure). */
    void close() throws SQLException {
        if (inserts != null) {
            inserts.close();
            inserts = null;
        }
    }

    /** A task deleted on the server: it goes here, with what waited to be pushed for it. */
    void deleted(JsonNode deleted) throws SQLException {
        sendInserts();
        UUID uid = UUID.fromString(deleted.path("uid").asText());
        String stamp = deleted.path("c").asText();
        link.clock().receive(stamp);
        SyncJournal.execute(connection, "DELETE FROM sync_outbox WHERE user_id = ? AND task_uid = ?", owner, uid);
        SyncJournal.execute(connection, "DELETE FROM tasks WHERE user_id = ? AND uid = ?", owner, uid);
        SyncJournal.execute(connection, "DELETE FROM sync_tombstones WHERE uid = ?", uid);
        SyncJournal.execute(connection, "INSERT INTO sync_tombstones (uid, user_id, stamp, deleted_at) VALUES (?, ?, ?, ?)",
                uid, owner, stamp, now);
    }

    /**
     * A completion: kept once by its uid, on its task when the task is here. A task deleted here takes its
     * completions with it; a task not here yet (it changed after the completion, so it comes in a later page) makes
     * the completion wait ({@link #waitingFrom}).
     */
    void completion(JsonNode completion) throws SQLException {
        sendInserts();
        UUID uid = UUID.fromString(completion.path("uid").asText());
        if (count("SELECT COUNT(*) FROM task_completions WHERE uid = ?", uid) > 0) {
            return;
        }
        UUID task = UUID.fromString(completion.path("task").asText());
        Integer taskId = null;
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT id FROM tasks WHERE user_id = ? AND uid = ?",
                owner, task); ResultSet row = query.executeQuery()) {
            if (row.next()) {
                taskId = row.getInt(1);
            }
        }
        if (taskId == null) {
            if (count("SELECT COUNT(*) FROM sync_tombstones WHERE uid = ? AND user_id = ?", task, owner) == 0) {
                waitingFrom = Math.min(waitingFrom, completion.path("version").asLong(MergedPage.NOTHING_WAITING));
            }
            return;
        }
        StoredFields due = new StoredFields("x", null, null, null, null, false, null, false, null)
                .with(SyncField.DUE, completion.get("due"));
        SyncJournal.execute(connection, "INSERT INTO task_completions (uid, task_id, user_id, completed_at, due_date,"
                + " due_has_time) VALUES (?, ?, ?, ?, ?, ?)", uid, taskId, owner,
                StoredFields.parseTime(completion.path("at").asText()), due.dueDate(), due.dueHasTime());
    }

    private void conflict(UUID uid, String title, SyncField field, JsonNode lost, JsonNode won, String stamp)
            throws SQLException {
        String winner = stamp.endsWith("-" + HybridClock.SERVER_NODE) ? "the server" : "another device";
        SyncJournal.execute(connection, "INSERT INTO sync_conflicts (user_id, task_uid, task_title, field, lost_value,"
                + " won_value, winner, won_stamp, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", owner, uid,
                JdbcReplica.cut(title, 400), field.wireName(), lost.toString(), won.toString(), winner, stamp, now);
        conflicts++;
    }

    /** Whether {@code stamp} was made by this replica's clock (its node is the client id). */
    private boolean madeHere(String stamp) {
        return stamp != null && stamp.endsWith("-" + link.clientId());
    }

    /**
     * The fields that this device's edits set on the task {@code uid} and that were not pushed when this round began:
     * waiting still, or pushed in this round (a concurrent edit elsewhere may beat them). Looked up by task through
     * the outbox's index (H2 V11): reading the whole outbox once per page instead read every pushed mutation again
     * for each page of a first round's pull (20,000 tasks: 20 pages of 20,000 rows).
     */
    private Set<String> waitingFields(UUID uid) throws SQLException {
        Set<String> fields = new HashSet<>();
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT body FROM sync_outbox WHERE user_id = ?"
                + " AND task_uid = ?", owner, uid); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                JdbcReplica.parse(row.getString(1)).path("fields").fieldNames().forEachRemaining(fields::add);
            }
        }
        return fields;
    }

    private Local local(UUID uid) throws SQLException {
        if (pendingInserts.contains(uid)) {
            sendInserts();
        }
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT id, synced, field_clocks, "
                + StoredFields.COLUMNS + " FROM tasks WHERE user_id = ? AND uid = ?", owner, uid);
             ResultSet row = query.executeQuery()) {
            return row.next() ? new Local(row.getInt("id"), row.getBoolean("synced"), StoredFields.read(row),
                    FieldClocks.parse(row.getString("field_clocks"))) : null;
        }
    }

    private long count(String sql, Object... values) throws SQLException {
        try (PreparedStatement query = SyncJournal.prepare(connection, sql, values); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private record Local(int id, boolean synced, StoredFields values, FieldClocks clocks) {
    }
}
