package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.sync.MergedPage;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PulledRows;

/**
 * A first pull's page into a replica that holds none of it (ADR 0038): the tasks, deletions and completions go in by
 * three batched INSERTs, with what {@link PageMerge} would have written for them, and without its lookups per item,
 * which in an empty replica find nothing. Whether a page qualifies is asked first ({@link #anyHere}); one that does
 * not goes through {@link PageMerge} as the JSON it stands for ({@link #asJson}).
 */
final class FirstPullMerge {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FirstPullMerge() {
    }

    /**
     * Whether anything of {@code page} is here already: one of its tasks or deletions as a task or a deletion here (an
     * earlier page brought it and it changed since on the server, or it was edited or deleted here during the pull),
     * or one of its completions. Three lookups by index for the whole page.
     */
    static boolean anyHere(Connection connection, int owner, PulledRows page) throws SQLException {
        Set<UUID> tasks = new HashSet<>();
        page.tasks().forEach(task -> tasks.add(task.uid()));
        page.deleted().forEach(deleted -> tasks.add(deleted.uid()));
        Set<UUID> completions = new HashSet<>();
        page.completions().forEach(completion -> completions.add(completion.uid()));
        return count(connection, "SELECT COUNT(*) FROM tasks WHERE user_id = ? AND uid = ANY(?)", owner, tasks) > 0
                || count(connection, "SELECT COUNT(*) FROM sync_tombstones WHERE user_id = ? AND uid = ANY(?)", owner,
                        tasks) > 0
                || count(connection, "SELECT COUNT(*) FROM task_completions WHERE user_id = ? AND uid = ANY(?)", owner,
                        completions) > 0;
    }

    /**
     * Writes {@code page}, none of which is here ({@link #anyHere}), in the caller's transaction; the stamps are taken
     * into {@code link}'s clock. Returns the lowest version of a completion whose task is not here yet (nor deleted),
     * as {@link PageMerge#waitingFrom} does.
     */
    static long write(Connection connection, int owner, LinkedClock link, LocalDateTime now, PulledRows page)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (user_id, uid, created_at,"
                + " updated_at, field_clocks, synced, " + StoredFields.COLUMNS + ") VALUES (?, ?, ?, ?, ?, TRUE, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)")) {
            for (PulledRows.Task task : page.tasks()) {
                task.clocks().asMap().values().forEach(link.clock()::receive);
                insert.setInt(1, owner);
                insert.setObject(2, task.uid());
                Columns.time(insert, 3, task.created() == null ? now : task.created());
                Columns.time(insert, 4, now);
                insert.setString(5, task.clocks().toJson());
                fields(task).bind(insert, 6);
                insert.addBatch();
            }
            if (!page.tasks().isEmpty()) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_tombstones (uid, user_id, stamp,"
                + " deleted_at) VALUES (?, ?, ?, ?)")) {
            for (PulledRows.Deleted deleted : page.deleted()) {
                link.clock().receive(deleted.stamp());
                insert.setObject(1, deleted.uid());
                insert.setInt(2, owner);
                insert.setString(3, deleted.stamp());
                Columns.time(insert, 4, now);
                insert.addBatch();
            }
            if (!page.deleted().isEmpty()) {
                insert.executeBatch();
            }
        }
        return completions(connection, owner, page);
    }

    /** The fields of {@code task} as the row stores them: what {@link StoredFields#with} makes of the JSON values. */
    private static StoredFields fields(PulledRows.Task task) {
        String description = task.description() == null || task.description().isEmpty() ? null : task.description();
        return new StoredFields(task.title(), description, task.priority(), task.tags(), task.dueDate(),
                task.dueDate() != null && task.dueHasTime(), task.repeat(), task.completed(), task.completedAt());
    }

    private static long completions(Connection connection, int owner, PulledRows page) throws SQLException {
        if (page.completions().isEmpty()) {
            return MergedPage.NOTHING_WAITING;
        }
        Set<UUID> taskUids = new LinkedHashSet<>();
        page.completions().forEach(completion -> taskUids.add(completion.task()));
        Map<UUID, Integer> ids = new HashMap<>();
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT uid, id FROM tasks WHERE user_id = ? AND"
                + " uid = ANY(?)", owner, taskUids.toArray(new UUID[0])); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                ids.put(row.getObject(1, UUID.class), row.getInt(2));
            }
        }
        Set<UUID> deleted = new HashSet<>();
        try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT uid FROM sync_tombstones WHERE user_id"
                + " = ? AND uid = ANY(?)", owner, taskUids.toArray(new UUID[0])); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                deleted.add(row.getObject(1, UUID.class));
            }
        }
        long waitingFrom = MergedPage.NOTHING_WAITING;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_completions (uid, task_id, user_id,"
                + " completed_at, due_date, due_has_time) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (PulledRows.Completion completion : page.completions()) {
                Integer taskId = ids.get(completion.task());
                if (taskId == null) {
                    // Its task changed after it was completed and comes in a later page, or was deleted (the
                    // completions go with it), as PageMerge.completion decides.
                    if (!deleted.contains(completion.task())) {
                        waitingFrom = Math.min(waitingFrom, completion.version());
                    }
                    continue;
                }
                insert.setObject(1, completion.uid());
                insert.setInt(2, taskId);
                insert.setInt(3, owner);
                Columns.time(insert, 4, completion.at());
                Columns.time(insert, 5, completion.dueDate());
                insert.setBoolean(6, completion.dueDate() != null && completion.dueHasTime());
                insert.addBatch();
                any = true;
            }
            if (any) {
                insert.executeBatch();
            }
        }
        return waitingFrom;
    }

    /** The page as the ordinary pull answers it, for {@link PageMerge}. */
    static PulledPage asJson(PulledRows page) {
        ObjectNode answer = JSON.objectNode().put("server_clock", page.serverClock()).put("resync", false)
                .put("version", page.version()).put("more", page.more());
        ArrayNode tasks = answer.putArray("tasks");
        for (PulledRows.Task task : page.tasks()) {
            ObjectNode item = tasks.addObject().put("uid", task.uid().toString()).put("version", task.version());
            if (task.created() != null) {
                item.put("created", StoredFields.wire(task.created()));
            }
            ObjectNode fields = item.putObject("fields");
            StoredFields values = fields(task);
            for (SyncField field : SyncField.values()) {
                String stamp = task.clocks().of(field);
                if (stamp != null) {
                    ObjectNode value = fields.putObject(field.wireName());
                    value.set("v", values.value(field));
                    value.put("c", stamp);
                }
            }
        }
        ArrayNode deleted = answer.putArray("deleted");
        for (PulledRows.Deleted item : page.deleted()) {
            deleted.addObject().put("uid", item.uid().toString()).put("version", item.version()).put("c", item.stamp());
        }
        ArrayNode completions = answer.putArray("completions");
        for (PulledRows.Completion item : page.completions()) {
            ObjectNode completion = completions.addObject().put("uid", item.uid().toString())
                    .put("task", item.task().toString()).put("at", StoredFields.wire(item.at()))
                    .put("version", item.version());
            completion.set("due", item.dueDate() == null ? JSON.nullNode() : new StoredFields("x", null, null, null,
                    item.dueDate(), item.dueHasTime(), null, false, null).value(SyncField.DUE));
        }
        return new PulledPage(page.serverClock(), false, page.version(), page.more(), answer.toString());
    }

    private static long count(Connection connection, String sql, int owner, Set<UUID> uids) throws SQLException {
        if (uids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement query = SyncJournal.prepare(connection, sql, owner, uids.toArray(new UUID[0]));
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
