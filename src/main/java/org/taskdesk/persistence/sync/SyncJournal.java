package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.domain.sync.Uids;
import org.taskdesk.persistence.jdbc.Columns;

/**
 * What both task repositories do beside every write, on the same connection and so in the same transaction as the
 * write: give new rows their uid, and, when the person's account is linked to a server, stamp the changed fields and
 * append the mutation to the outbox. An edit and its mutation are therefore saved together or not at all: a crash
 * between edit and sync loses nothing (ADR 0024). Off on a shared server, whose own triggers do this.
 */
public final class SyncJournal {
    /** For a database that is not a replica (a shared server): writes nothing. */
    public static final SyncJournal OFF = new SyncJournal(null);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;

    private SyncJournal(Clock clock) {
        this.clock = clock;
    }

    /** For a local file, a replica once linked; {@code clock} is the device's. */
    public static SyncJournal onReplica(Clock clock) {
        return new SyncJournal(clock);
    }

    /**
     * Whether this database records changes for sync: a replica whose owner has linked an account. Batched writes (an
     * import) ask once, and only then go through {@link #added} and {@link #completionAdded} row by row. Unlinked,
     * every new row keeps the uid the column's default made (a UUID v7, as {@link Uids#newUid} makes).
     */
    public boolean linked(Connection connection, int owner) throws SQLException {
        return clock != null && LinkedClock.of(connection, owner, clock).isPresent();
    }

    /** The task {@code taskId} was just inserted with {@code values}: its uid, and its put when linked. */
    public void added(Connection connection, int owner, int taskId, StoredFields values, LocalDateTime createdAt)
            throws SQLException {
        if (clock == null) {
            return;
        }
        Optional<LinkedClock> link = LinkedClock.of(connection, owner, clock);
        if (link.isEmpty()) {
            return; // the column's default gave the row its uid, a v7 as Uids makes: no second write per edit
        }
        UUID uid = Uids.newUid();
        execute(connection, "UPDATE tasks SET uid = ? WHERE id = ?", uid, taskId);
        putAll(connection, link.get(), owner, uid, values, createdAt, "put", null);
    }

    /** The task {@code taskId} goes from {@code before} to {@code after}: the changed fields' put when linked. */
    public void updated(Connection connection, int owner, int taskId, StoredFields before, StoredFields after)
            throws SQLException {
        if (clock == null) {
            return;
        }
        Set<SyncField> changed = after.changedFrom(before);
        Optional<LinkedClock> link = changed.isEmpty() ? Optional.empty() : LinkedClock.of(connection, owner, clock);
        if (link.isEmpty()) {
            return;
        }
        TaskClocks task = TaskClocks.of(connection, taskId);
        link.get().receiveAll(task.clocks());
        ObjectNode fields = JSON.objectNode();
        FieldClocks clocks = task.clocks();
        for (SyncField field : changed) {
            String stamp = link.get().clock().stamp();
            clocks = clocks.with(field, stamp);
            fields.set(field.wireName(), JSON.objectNode().<ObjectNode>set("v", after.value(field)).put("c", stamp));
        }
        execute(connection, "UPDATE tasks SET field_clocks = ? WHERE id = ?", clocks.toJson(), taskId);
        ObjectNode body = mutation(task.uid(), "put").set("fields", fields);
        Outbox.append(connection, owner, task.uid(), body, now());
        link.get().save(connection, owner);
    }

    /** The task {@code taskId} is about to be deleted: its tombstone and delete mutation when linked. */
    public void deleting(Connection connection, int owner, int taskId) throws SQLException {
        if (clock == null) {
            return;
        }
        Optional<LinkedClock> link = LinkedClock.of(connection, owner, clock);
        if (link.isEmpty()) {
            return;
        }
        TaskClocks task = TaskClocks.of(connection, taskId);
        link.get().receiveAll(task.clocks());
        String stamp = link.get().clock().stamp();
        execute(connection, "DELETE FROM sync_tombstones WHERE uid = ?", task.uid());
        execute(connection, "INSERT INTO sync_tombstones (uid, user_id, task_id, stamp, deleted_at) VALUES (?, ?, ?, ?, ?)",
                task.uid(), owner, taskId, stamp, now());
        Outbox.append(connection, owner, task.uid(), mutation(task.uid(), "delete").put("c", stamp), now());
        link.get().save(connection, owner);
    }

    /**
     * The task {@code taskId}, deleted before, was just put back with {@code values} (an undo): under the uid it had,
     * as a restore that brings it back on the server too, when it left a tombstone; else as a new task.
     */
    public void restored(Connection connection, int owner, int taskId, StoredFields values, LocalDateTime createdAt)
            throws SQLException {
        if (clock == null) {
            return;
        }
        Optional<UUID> tombstone = Optional.empty();
        try (PreparedStatement query = prepare(connection,
                "SELECT uid FROM sync_tombstones WHERE task_id = ? AND user_id = ?", taskId, owner);
             ResultSet result = query.executeQuery()) {
            if (result.next()) {
                tombstone = Optional.of(result.getObject(1, UUID.class));
            }
        }
        if (tombstone.isEmpty()) {
            added(connection, owner, taskId, values, createdAt);
            return;
        }
        UUID uid = tombstone.get();
        execute(connection, "DELETE FROM sync_tombstones WHERE uid = ?", uid);
        execute(connection, "UPDATE tasks SET uid = ? WHERE id = ?", uid, taskId);
        Optional<LinkedClock> link = LinkedClock.of(connection, owner, clock);
        if (link.isPresent()) {
            putAll(connection, link.get(), owner, uid, values, createdAt, "restore", null);
        }
    }

    /** The completion {@code completionId} was just recorded: its uid, and a put carrying it when linked. */
    public void completionAdded(Connection connection, int owner, int completionId) throws SQLException {
        if (clock == null) {
            return;
        }
        Optional<LinkedClock> link = LinkedClock.of(connection, owner, clock);
        if (link.isEmpty()) {
            return; // as in added: the column's default made its uid
        }
        UUID uid = Uids.newUid();
        execute(connection, "UPDATE task_completions SET uid = ? WHERE id = ?", uid, completionId);
        try (PreparedStatement query = prepare(connection, "SELECT t.uid AS task_uid, c.completed_at, c.due_date,"
                + " c.due_has_time FROM task_completions c JOIN tasks t ON t.id = c.task_id WHERE c.id = ?", completionId);
             ResultSet result = query.executeQuery()) {
            result.next();
            UUID task = result.getObject("task_uid", UUID.class);
            ArrayNode completions = JSON.arrayNode().add(completion(uid, result));
            Outbox.append(connection, owner, task, mutation(task, "put").set("completions", completions), now());
        }
    }

    /**
     * Stamps every field of the task {@code uid} and appends its {@code op} ("put" of a new task, or "restore") with
     * all seven; what a new task does when linked.
     */
    static void putAll(Connection connection, LinkedClock link, int owner, UUID uid, StoredFields values,
                       LocalDateTime createdAt, String op, ArrayNode completions) throws SQLException {
        FullPut put = fullPut(link, uid, values, createdAt, op, completions);
        execute(connection, "UPDATE tasks SET field_clocks = ? WHERE uid = ?", put.clocks(), uid);
        Outbox.append(connection, owner, uid, put.body(), LocalDateTime.now(ZoneOffset.UTC));
        link.save(connection, owner);
    }

    /** A task's seven fields newly stamped: the stamps to store on it and the mutation that carries them. */
    record FullPut(String clocks, ObjectNode body) {
    }

    /**
     * Stamps every field of the task {@code uid} with {@code link}'s clock and makes its {@code op} with all seven;
     * writes nothing (linking writes a whole account's in batches: {@link Outbox.Batch}).
     */
    static FullPut fullPut(LinkedClock link, UUID uid, StoredFields values, LocalDateTime createdAt, String op,
                           ArrayNode completions) {
        FieldClocks clocks = FieldClocks.NONE;
        ObjectNode fields = JSON.objectNode();
        String last = null;
        for (SyncField field : SyncField.values()) {
            last = link.clock().stamp();
            clocks = clocks.with(field, last);
            fields.set(field.wireName(), JSON.objectNode().<ObjectNode>set("v", values.value(field)).put("c", last));
        }
        ObjectNode body = mutation(uid, op);
        if (createdAt != null) {
            body.put("created", StoredFields.wire(createdAt));
        }
        body.set("fields", fields);
        if (completions != null && !completions.isEmpty()) {
            body.set("completions", completions);
        }
        if (op.equals("restore")) {
            body.put("c", last);
        }
        return new FullPut(clocks.toJson(), body);
    }

    /** A completion as the protocol writes it, from a row with completed_at, due_date and due_has_time. */
    static ObjectNode completion(UUID uid, ResultSet row) throws SQLException {
        ObjectNode completion = JSON.objectNode().put("uid", uid.toString())
                .put("at", StoredFields.wire(Columns.time(row, "completed_at")));
        StoredFields due = new StoredFields("x", null, null, null, Columns.time(row, "due_date"),
                row.getBoolean("due_has_time"), null, false, null);
        return completion.set("due", due.value(SyncField.DUE));
    }

    static ObjectNode mutation(UUID task, String op) {
        return JSON.objectNode().put("id", Uids.newUid().toString()).put("task", task.toString()).put("op", op);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** A task's uid and field stamps, as stored. */
    record TaskClocks(UUID uid, FieldClocks clocks) {
        static TaskClocks of(Connection connection, int taskId) throws SQLException {
            try (PreparedStatement query = prepare(connection, "SELECT uid, field_clocks FROM tasks WHERE id = ?", taskId);
                 ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("Task #" + taskId + " is not in the replica");
                }
                return new TaskClocks(result.getObject(1, UUID.class), FieldClocks.parse(result.getString(2)));
            }
        }
    }
}
