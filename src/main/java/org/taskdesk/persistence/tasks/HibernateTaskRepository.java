package org.taskdesk.persistence.tasks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.sync.StoredFields;
import org.taskdesk.persistence.sync.SyncJournal;
import org.taskdesk.tasks.PastCompletion;
import org.taskdesk.tasks.RecordedCompletion;
import org.taskdesk.tasks.TaskListStamp;
import org.taskdesk.tasks.TaskRepository;

/**
 * One owner's tasks in one Hibernate session. Every query names the owner, so another user's task is simply not
 * found; on the shared server, row-level security filters the same way underneath.
 */
final class HibernateTaskRepository implements TaskRepository {
    private final Session session;
    private final int owner;
    private final TaskMapper mapper;
    private final SyncJournal journal;
    /** The rows found or added in this transaction: an update or delete writes onto the row the service read. */
    private final Map<Long, TaskEntity> rows = new HashMap<>();

    HibernateTaskRepository(Session session, int owner, TaskMapper mapper, SyncJournal journal) {
        this.session = session;
        this.owner = owner;
        this.mapper = mapper;
        this.journal = journal;
    }

    @Override
    public List<Task> all() {
        return list(null);
    }

    @Override
    public TaskListStamp stamp() {
        Object[] row = session.createSelectionQuery("select count(t), coalesce(sum(t.id), 0), max(t.updatedAt) "
                + "from Task t where t.userId = :owner", Object[].class).setParameter("owner", owner).getSingleResult();
        return new TaskListStamp(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                TaskMapper.toInstant((LocalDateTime) row[2]));
    }

    @Override
    public List<Task> open() {
        return list(false);
    }

    /** {@code completed} null for both open and done. Ordered by id for a stable page order. */
    private List<Task> list(Boolean completed) {
        String hql = "from Task t where t.userId = :owner" + (completed == null ? "" : " and t.completed = :completed")
                + " order by t.id";
        var query = session.createSelectionQuery(hql, TaskEntity.class).setParameter("owner", owner);
        if (completed != null) {
            query.setParameter("completed", completed);
        }
        List<TaskEntity> found = query.getResultList();
        found.forEach(row -> rows.put((long) row.getId(), row)); // an import then updates them without reading again
        return found.stream().map(mapper::toTask).toList();
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
        Optional<TaskEntity> found = session.createSelectionQuery("from Task t where t.id = :id and t.userId = :owner",
                TaskEntity.class).setParameter("id", (int) id).setParameter("owner", owner).uniqueResultOptional();
        found.ifPresent(row -> rows.put(id, row));
        return found;
    }

    private TaskEntity found(long id) {
        return row(id).orElseThrow(() -> new IllegalArgumentException("Task #" + id + " is not one of the owner's tasks"));
    }

    @Override
    public Task add(Task task) {
        TaskEntity row = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
        mapper.copy(task, row);
        session.persist(row);
        session.flush();
        rows.put((long) row.getId(), row);
        session.doWork(connection -> journal.added(connection, owner, row.getId(), row.storedFields(), row.getCreatedAt()));
        return mapper.toTask(row);
    }

    /**
     * In JDBC batches on the session's connection ({@link TaskBatches}): Hibernate cannot batch inserts of IDENTITY
     * ids, and persisting 100,000 entities one INSERT at a time, each then checked at every flush, was most of an
     * import. The rows stay out of the session; {@link #update} or {@link #delete} of one reads it in first.
     */
    @Override
    public List<Task> addAll(List<Task> tasks) {
        List<TaskEntity> values = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            TaskEntity row = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
            mapper.copy(task, row);
            values.add(row);
        }
        session.flush(); // this transaction's earlier changes first, in their order
        List<Integer> ids = session.doReturningWork(connection -> TaskBatches.insertTasks(connection, owner, values));
        List<TaskEntity> inserted = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            TaskEntity row = new TaskEntity(ids.get(i), owner, values.get(i).getTitle(), values.get(i).getCreatedAt());
            mapper.copy(tasks.get(i), row);
            inserted.add(row);
        }
        session.doWork(connection -> {
            if (journal.linked(connection, owner)) {
                for (TaskEntity row : inserted) {
                    journal.added(connection, owner, row.getId(), row.storedFields(), row.getCreatedAt());
                }
            }
        });
        return inserted.stream().map(mapper::toTask).toList();
    }

    @Override
    public Task update(long id, Task values) {
        TaskEntity row = found(id);
        StoredFields before = row.storedFields();
        mapper.copy(values, row);
        session.doWork(connection -> journal.updated(connection, owner, row.getId(), before, row.storedFields()));
        return mapper.toTask(row);
    }

    @Override
    public void delete(long id) {
        TaskEntity row = found(id);
        session.doWork(connection -> journal.deleting(connection, owner, row.getId()));
        session.remove(row); // the database removes its history with it (ON DELETE CASCADE)
        rows.remove(id);
    }

    @Override
    public RecordedCompletion recordCompletion(long taskId, Instant completedAt) {
        TaskCompletionEntity completion = new TaskCompletionEntity(found(taskId), TaskMapper.toUtc(completedAt));
        session.persist(completion);
        session.flush(); // for its id
        session.doWork(connection -> journal.completionAdded(connection, owner, completion.getId()));
        return recorded(completion);
    }

    @Override
    public void recordCompletions(List<PastCompletion> completions) {
        session.flush();
        List<TaskBatches.CompletionRow> rows = completions.stream().map(mapper::completionRow).toList();
        session.doWork(connection -> {
            List<Integer> ids = TaskBatches.insertCompletions(connection, owner, rows);
            if (journal.linked(connection, owner)) {
                for (int id : ids) {
                    journal.completionAdded(connection, owner, id);
                }
            }
        });
    }

    @Override
    public List<PastCompletion> completionsSince(Instant since) {
        return session.createSelectionQuery("from TaskCompletion c where c.userId = :owner and c.completedAt >= :since"
                        + " order by c.completedAt, c.id", TaskCompletionEntity.class)
                .setParameter("owner", owner).setParameter("since", TaskMapper.toUtc(since)).getResultList().stream()
                .map(row -> new PastCompletion(row.getTaskId(), TaskMapper.toInstant(row.getCompletedAt()),
                        mapper.due(row.getDueDate(), row.isDueHasTime())))
                .toList();
    }

    @Override
    public List<RecordedCompletion> completionsOf(Collection<Long> taskIds) {
        List<Integer> ids = taskIds.stream().filter(id -> id > 0 && id <= Integer.MAX_VALUE).map(Math::toIntExact).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // Many tasks (an export of all of them): the owner's whole history in one query, kept for those tasks. A list
        // of ids that long is slow to send, and PostgreSQL takes at most 65,535 parameters in one statement.
        List<RecordedCompletion> found = new ArrayList<>();
        if (ids.size() > TaskBatches.IDS_PER_QUERY) {
            Set<Integer> wanted = new HashSet<>(ids);
            session.createSelectionQuery("from TaskCompletion c where c.userId = :owner", TaskCompletionEntity.class)
                    .setParameter("owner", owner).setReadOnly(true).getResultList().stream()
                    .filter(row -> wanted.contains(row.getTaskId())).forEach(row -> found.add(recorded(row)));
        } else {
            session.createSelectionQuery("from TaskCompletion c where c.userId = :owner and c.taskId in :tasks",
                            TaskCompletionEntity.class).setParameter("owner", owner).setParameterList("tasks", ids)
                    .getResultList().forEach(row -> found.add(recorded(row)));
        }
        found.sort(TaskBatches.OLDEST_FIRST);
        return found;
    }

    @Override
    public boolean deleteCompletion(long completionId) {
        return session.createMutationQuery("delete from TaskCompletion c where c.id = :id and c.userId = :owner")
                .setParameter("id", (int) completionId).setParameter("owner", owner).executeUpdate() == 1;
    }

    /**
     * Plain JDBC on the transaction's connection, because Hibernate's identity ids cannot be given; the id was
     * generated once, so the identity or sequence is already past it.
     */
    @Override
    public void insertWithId(Task task) {
        TaskEntity row = new TaskEntity(owner, task.title(), TaskMapper.toUtc(task.createdAt()));
        mapper.copy(task, row);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, user_id, title,"
                    + " description, completed, created_at, updated_at, priority, tags, due_date, recurrence_pattern,"
                    + " due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, Math.toIntExact(task.id()));
                insert.setInt(2, owner);
                insert.setString(3, row.getTitle());
                text(insert, 4, row.getDescription());
                insert.setBoolean(5, row.isCompleted());
                time(insert, 6, row.getCreatedAt());
                time(insert, 7, row.getUpdatedAt());
                text(insert, 8, row.getPriority());
                text(insert, 9, row.getTags());
                time(insert, 10, row.getDueDate());
                text(insert, 11, row.getRecurrencePattern());
                insert.setBoolean(12, row.isDueHasTime());
                time(insert, 13, row.getCompletedAt());
                insert.executeUpdate();
            }
            journal.restored(connection, owner, Math.toIntExact(task.id()), row.storedFields(), row.getCreatedAt());
        });
    }

    @Override
    public void insertCompletion(RecordedCompletion completion) {
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_completions (id, task_id,"
                    + " user_id, completed_at, due_date, due_has_time) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, Math.toIntExact(completion.id()));
                insert.setInt(2, Math.toIntExact(completion.taskId()));
                insert.setInt(3, owner);
                time(insert, 4, completion.completedAtUtc());
                time(insert, 5, completion.storedDue());
                insert.setBoolean(6, completion.dueHasTime());
                insert.executeUpdate();
            }
            journal.completionAdded(connection, owner, Math.toIntExact(completion.id()));
        });
    }

    private static RecordedCompletion recorded(TaskCompletionEntity completion) {
        return new RecordedCompletion(completion.getId(), completion.getTaskId(), completion.getCompletedAt(),
                completion.getDueDate(), completion.isDueHasTime());
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void time(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }
}
