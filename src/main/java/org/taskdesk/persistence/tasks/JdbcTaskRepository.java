package org.taskdesk.persistence.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.persistence.jdbc.JdbcTransactions.SqlFailure;
import org.taskdesk.persistence.sync.StoredFields;
import org.taskdesk.persistence.sync.SyncJournal;
import org.taskdesk.tasks.PastCompletion;
import org.taskdesk.tasks.RecordedCompletion;
import org.taskdesk.tasks.TaskListStamp;
import org.taskdesk.tasks.TaskRepository;

/**
 * One person's tasks in plain SQL, on the connection of one transaction: what {@link HibernateTaskRepository} does,
 * for the command line on a local file, which then need not build Hibernate (ADR 0017). The rows go through the
 * same {@link TaskEntity} and {@link TaskMapper}, so both store and read exactly the same values.
 */
final class JdbcTaskRepository implements TaskRepository {
    private static final String COLUMNS = "id, user_id, title, description, completed, created_at, updated_at, priority,"
            + " tags, due_date, recurrence_pattern, due_has_time, completed_at";
    private static final String COMPLETION_COLUMNS = "id, task_id, completed_at, due_date, due_has_time";

    private final Connection connection;
    private final int owner;
    private final TaskMapper mapper;
    private final SyncJournal journal;
    /** The rows found or added in this transaction: an update writes onto the row the service read. */
    private final Map<Long, TaskEntity> rows = new HashMap<>();

    JdbcTaskRepository(Connection connection, int owner, TaskMapper mapper, SyncJournal journal) {
        this.connection = connection;
        this.owner = owner;
        this.mapper = mapper;
        this.journal = journal;
    }

    @Override
    public List<Task> all() {
        return tasks("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ? ORDER BY id", owner);
    }

    @Override
    public List<Task> open() {
        return tasks("SELECT " + COLUMNS + " FROM tasks WHERE user_id = ? AND completed = FALSE ORDER BY id", owner);
    }

    @Override
    public Optional<Task> find(long id) {
        return row(id).map(mapper::toTask);
    }

    private Optional<TaskEntity> row(long id) {
        TaskEntity known = rows.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<TaskEntity> found = entities("SELECT " + COLUMNS + " FROM tasks WHERE id = ? AND user_id = ?", (int) id, owner);
        found.forEach(row -> rows.put(id, row));
        return found.stream().findFirst();
    }

    private TaskEntity found(long id) {
        return row(id).orElseThrow(() -> new IllegalArgumentException("Task #" + id + " is not one of the owner's tasks"));
    }

    /** In JDBC batches ({@link TaskBatches}); the rows are this transaction's, as {@link #add} makes them. */
    @Override
    public List<Task> addAll(List<Task> tasks) {
        List<TaskEntity> values = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            TaskEntity row = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
            mapper.copy(task, row);
            values.add(row);
        }
        List<Integer> ids;
        try {
            ids = TaskBatches.insertTasks(connection, owner, values);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        List<Task> added = new ArrayList<>(tasks.size());
        try {
            boolean linked = journal.linked(connection, owner);
            for (int i = 0; i < tasks.size(); i++) {
                TaskEntity row = new TaskEntity(ids.get(i), owner, values.get(i).getTitle(),
                        values.get(i).getCreatedAt());
                mapper.copy(tasks.get(i), row);
                rows.put((long) row.getId(), row);
                if (linked) {
                    journal.added(connection, owner, row.getId(), row.storedFields(), row.getCreatedAt());
                }
                added.add(mapper.toTask(row));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        return added;
    }

    @Override
    public Task add(Task task) {
        TaskEntity values = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
        mapper.copy(task, values);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (user_id, title, description,"
                + " completed, created_at, updated_at, priority, tags, due_date, recurrence_pattern, due_has_time,"
                + " completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, owner);
            insert.setString(2, values.getTitle());
            fields(insert, 3, values);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                TaskEntity row = new TaskEntity(keys.getInt(1), owner, values.getTitle(), values.getCreatedAt());
                mapper.copy(task, row);
                rows.put((long) row.getId(), row);
                journal.added(connection, owner, row.getId(), row.storedFields(), row.getCreatedAt());
                return mapper.toTask(row);
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public Task update(long id, Task values) {
        TaskEntity row = found(id);
        StoredFields before = row.storedFields();
        mapper.copy(values, row);
        try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET title = ?, description = ?,"
                + " completed = ?, created_at = ?, updated_at = ?, priority = ?, tags = ?, due_date = ?,"
                + " recurrence_pattern = ?, due_has_time = ?, completed_at = ? WHERE id = ? AND user_id = ?")) {
            update.setString(1, row.getTitle());
            fields(update, 2, row);
            update.setInt(12, row.getId());
            update.setInt(13, owner);
            update.executeUpdate();
            journal.updated(connection, owner, row.getId(), before, row.storedFields());
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        return mapper.toTask(row);
    }

    @Override
    public void delete(long id) {
        try {
            journal.deleting(connection, owner, found(id).getId());
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        execute("DELETE FROM tasks WHERE id = ? AND user_id = ?", (int) id, owner); // its history goes with it
        rows.remove(id);
    }

    @Override
    public RecordedCompletion recordCompletion(long taskId, Instant completedAt) {
        TaskEntity task = found(taskId);
        LocalDateTime at = TaskMapper.toUtc(completedAt);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_completions (task_id, user_id,"
                + " completed_at, due_date, due_has_time) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, task.getId());
            insert.setInt(2, owner);
            Columns.time(insert, 3, at);
            Columns.time(insert, 4, task.getDueDate());
            insert.setBoolean(5, task.isDueHasTime());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                journal.completionAdded(connection, owner, keys.getInt(1));
                return new RecordedCompletion(keys.getInt(1), task.getId(), at, task.getDueDate(), task.isDueHasTime());
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public void recordCompletions(List<PastCompletion> completions) {
        try {
            List<Integer> ids = TaskBatches.insertCompletions(connection, owner,
                    completions.stream().map(mapper::completionRow).toList());
            if (journal.linked(connection, owner)) {
                for (int id : ids) {
                    journal.completionAdded(connection, owner, id);
                }
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public TaskListStamp stamp() {
        try (PreparedStatement query = prepare("SELECT COUNT(*), COALESCE(SUM(id), 0), MAX(updated_at) FROM tasks"
                + " WHERE user_id = ?", owner); ResultSet result = query.executeQuery()) {
            result.next();
            return new TaskListStamp(result.getLong(1), result.getLong(2),
                    TaskMapper.toInstant(result.getObject(3, LocalDateTime.class)));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public List<PastCompletion> completionsSince(Instant since) {
        return completions("SELECT " + COMPLETION_COLUMNS + " FROM task_completions WHERE user_id = ? AND completed_at >= ?"
                + " ORDER BY completed_at, id", owner, TaskMapper.toUtc(since)).stream()
                .map(row -> new PastCompletion(row.taskId(), TaskMapper.toInstant(row.completedAtUtc()),
                        mapper.due(row.storedDue(), row.dueHasTime())))
                .toList();
    }

    @Override
    public List<RecordedCompletion> completionsOf(Collection<Long> taskIds) {
        List<Integer> ids = taskIds.stream().filter(id -> id > 0 && id <= Integer.MAX_VALUE).map(Math::toIntExact).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // A slice of ids at a time: H2 takes arrays of at most 65,536 values, and an export of every task asks for
        // the history of all of them.
        List<RecordedCompletion> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += TaskBatches.IDS_PER_QUERY) {
            found.addAll(completions("SELECT " + COMPLETION_COLUMNS + " FROM task_completions WHERE user_id = ?"
                    + " AND task_id = ANY(?)", owner, ids.subList(from, Math.min(ids.size(),
                    from + TaskBatches.IDS_PER_QUERY)).toArray(Integer[]::new)));
        }
        found.sort(TaskBatches.OLDEST_FIRST);
        return found;
    }

    @Override
    public boolean deleteCompletion(long completionId) {
        return execute("DELETE FROM task_completions WHERE id = ? AND user_id = ?", (int) completionId, owner) == 1;
    }

    /** The id was generated once, so the identity is already past it. */
    @Override
    public void insertWithId(Task task) {
        TaskEntity values = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
        mapper.copy(task, values);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, user_id, title,"
                + " description, completed, created_at, updated_at, priority, tags, due_date, recurrence_pattern,"
                + " due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, Math.toIntExact(task.id()));
            insert.setInt(2, owner);
            insert.setString(3, values.getTitle());
            fields(insert, 4, values);
            insert.executeUpdate();
            journal.restored(connection, owner, Math.toIntExact(task.id()), values.storedFields(), values.getCreatedAt());
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public void insertCompletion(RecordedCompletion completion) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_completions (id, task_id,"
                + " user_id, completed_at, due_date, due_has_time) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, Math.toIntExact(completion.id()));
            insert.setInt(2, Math.toIntExact(completion.taskId()));
            insert.setInt(3, owner);
            Columns.time(insert, 4, completion.completedAtUtc());
            Columns.time(insert, 5, completion.storedDue());
            insert.setBoolean(6, completion.dueHasTime());
            insert.executeUpdate();
            journal.completionAdded(connection, owner, Math.toIntExact(completion.id()));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Every column after the title, from {@code first} on, in the order of the statements above. */
    private static void fields(PreparedStatement statement, int first, TaskEntity row) throws SQLException {
        TaskBatches.fields(statement, first, row);
    }

    private List<Task> tasks(String sql, Object... values) {
        List<TaskEntity> found = entities(sql, values);
        found.forEach(row -> rows.put((long) row.getId(), row)); // an import then updates them without reading again
        return found.stream().map(mapper::toTask).toList();
    }

    private List<TaskEntity> entities(String sql, Object... values) {
        try (PreparedStatement query = prepare(sql, values); ResultSet result = query.executeQuery()) {
            List<TaskEntity> found = new ArrayList<>();
            while (result.next()) {
                TaskEntity row = new TaskEntity(result.getInt("id"), result.getInt("user_id"), result.getString("title"),
                        Columns.time(result, "created_at"));
                row.setDescription(result.getString("description"));
                row.setCompleted(result.getBoolean("completed"));
                row.setUpdatedAt(Columns.time(result, "updated_at"));
                row.setPriority(result.getString("priority"));
                row.setTags(result.getString("tags"));
                row.setDueDate(Columns.time(result, "due_date"));
                row.setRecurrencePattern(result.getString("recurrence_pattern"));
                row.setDueHasTime(result.getBoolean("due_has_time"));
                row.setCompletedAt(Columns.time(result, "completed_at"));
                found.add(row);
            }
            return found;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private List<RecordedCompletion> completions(String sql, Object... values) {
        try (PreparedStatement query = prepare(sql, values); ResultSet result = query.executeQuery()) {
            List<RecordedCompletion> found = new ArrayList<>();
            while (result.next()) {
                found.add(new RecordedCompletion(result.getInt("id"), result.getInt("task_id"),
                        Columns.time(result, "completed_at"), Columns.time(result, "due_date"),
                        result.getBoolean("due_has_time")));
            }
            return found;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private int execute(String sql, Object... values) {
        try (PreparedStatement statement = prepare(sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... values) throws SQLException {
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
}
