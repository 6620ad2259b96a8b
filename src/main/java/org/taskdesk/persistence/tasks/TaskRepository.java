package org.taskdesk.persistence.tasks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.taskdesk.persistence.accounts.UserEntity;
import org.taskdesk.persistence.entities.TaskCompletionEntity;
import org.taskdesk.persistence.entities.TaskEntity;

/**
 * One user's tasks. Every query names the owner, so another user's task is simply not found; on the shared server,
 * row-level security filters the same way underneath.
 */
public final class TaskRepository {

    /** The owner's tasks; {@code completed} null for both open and done. Ordered by id for a stable page order. */
    public List<TaskEntity> list(Session session, int ownerId, Boolean completed) {
        String hql = "from Task t where t.user.id = :owner" + (completed == null ? "" : " and t.completed = :completed")
                + " order by t.id";
        var query = session.createSelectionQuery(hql, TaskEntity.class).setParameter("owner", ownerId);
        if (completed != null) {
            query.setParameter("completed", completed);
        }
        return query.getResultList();
    }

    public Optional<TaskEntity> find(Session session, int ownerId, long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from Task t where t.id = :id and t.user.id = :owner", TaskEntity.class)
                .setParameter("id", (int) id).setParameter("owner", ownerId).uniqueResultOptional();
    }

    public TaskEntity add(Session session, TaskEntity row) {
        session.persist(row);
        return row;
    }

    /** A reference to the owner's row without reading it: the shared server's client cannot read users. */
    public UserEntity owner(Session session, int ownerId) {
        return session.getReference(UserEntity.class, ownerId);
    }

    public void delete(Session session, TaskEntity row) {
        session.remove(row);
    }

    /**
     * Records that {@code row} was completed at {@code completedAtUtc}, with the due date it has now: call it
     * before the completion moves a repeating task's due date on.
     */
    public TaskCompletionEntity recordCompletion(Session session, TaskEntity row, LocalDateTime completedAtUtc) {
        TaskCompletionEntity completion = new TaskCompletionEntity(row, completedAtUtc);
        session.persist(completion);
        return completion;
    }

    /** The owner's completions at or after {@code sinceUtc}, oldest first. */
    public List<TaskCompletionEntity> completionsSince(Session session, int ownerId, LocalDateTime sinceUtc) {
        return session.createSelectionQuery("from TaskCompletion c where c.user.id = :owner and c.completedAt >= :since"
                        + " order by c.completedAt, c.id", TaskCompletionEntity.class)
                .setParameter("owner", ownerId).setParameter("since", sinceUtc).getResultList();
    }

    /** The history of the owner's tasks {@code taskIds}, oldest first. */
    public List<TaskCompletionEntity> completionsOf(Session session, int ownerId, Collection<Integer> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from TaskCompletion c where c.user.id = :owner and c.task.id in :tasks"
                        + " order by c.completedAt, c.id", TaskCompletionEntity.class)
                .setParameter("owner", ownerId).setParameterList("tasks", taskIds).getResultList();
    }

    /** Removes one of the owner's history rows (an undone completion); false when there was none. */
    public boolean deleteCompletion(Session session, int ownerId, long completionId) {
        return session.createMutationQuery("delete from TaskCompletion c where c.id = :id and c.user.id = :owner")
                .setParameter("id", (int) completionId).setParameter("owner", ownerId).executeUpdate() == 1;
    }

    /**
     * Inserts a task row under the id it had before it was deleted. Plain JDBC on the transaction's connection,
     * because Hibernate's identity ids cannot be given; the id was generated once, so the identity or sequence is
     * already past it. {@code row} holds the values (its own id is unused).
     */
    public void insertWithId(Session session, int ownerId, long id, TaskEntity row) {
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, user_id, title,"
                    + " description, completed, created_at, updated_at, priority, tags, due_date, recurrence_pattern,"
                    + " due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, Math.toIntExact(id));
                insert.setInt(2, ownerId);
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
        });
    }

    /** Inserts one history row of the owner's task under the id it had before, with the values it had. */
    public void insertCompletion(Session session, int ownerId, long id, long taskId, LocalDateTime completedAtUtc,
                                 LocalDateTime dueDate, boolean dueHasTime) {
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_completions (id, task_id,"
                    + " user_id, completed_at, due_date, due_has_time) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, Math.toIntExact(id));
                insert.setInt(2, Math.toIntExact(taskId));
                insert.setInt(3, ownerId);
                time(insert, 4, completedAtUtc);
                time(insert, 5, dueDate);
                insert.setBoolean(6, dueHasTime);
                insert.executeUpdate();
            }
        });
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
