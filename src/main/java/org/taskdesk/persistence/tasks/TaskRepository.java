package org.taskdesk.persistence.tasks;

import java.util.List;
import java.util.Optional;
import java.time.LocalDateTime;
import org.hibernate.Session;
import org.taskdesk.persistence.entities.TaskCompletionEntity;
import org.taskdesk.persistence.entities.TaskEntity;
import org.taskdesk.persistence.entities.UserEntity;

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
}
