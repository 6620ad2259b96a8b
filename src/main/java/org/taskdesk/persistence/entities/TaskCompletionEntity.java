package org.taskdesk.persistence.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.taskdesk.persistence.accounts.UserEntity;

/**
 * A row of {@code task_completions} (migration 5): one "done" of a task, with the due date it had at that moment,
 * so statistics survive a repeating task moving on. Written once, never changed. Times are UTC wall-clock values;
 * the due date follows {@link TaskEntity}'s convention.
 */
@Entity(name = "TaskCompletion")
@Table(name = "task_completions", indexes = {
    @Index(name = "idx_task_completions_user_completed", columnList = "user_id, completed_at"),
    @Index(name = "idx_task_completions_task_id", columnList = "task_id")
})
public class TaskCompletionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, foreignKey = @ForeignKey(name = "task_completions_task_id_fkey"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private TaskEntity task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "task_completions_user_id_fkey"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private UserEntity user;

    @Column(name = "completed_at", nullable = false)
    private LocalDateTime completedAt;

    @Column(name = "due_date")
    private LocalDateTime dueDate;

    @Column(name = "due_has_time", nullable = false)
    private boolean dueHasTime;

    protected TaskCompletionEntity() {
        // for Hibernate
    }

    /** The completion of {@code task} at {@code completedAt}, with the due date the task has before it moves on. */
    public TaskCompletionEntity(TaskEntity task, LocalDateTime completedAt) {
        this.task = task;
        this.user = task.getUser();
        this.completedAt = completedAt;
        this.dueDate = task.getDueDate();
        this.dueHasTime = task.isDueHasTime();
    }

    public Integer getId() {
        return id;
    }

    /** The task's id without loading the task. */
    public int getTaskId() {
        return task.getId();
    }

    public LocalDateTime getCompletedAt() {
        return completedAt;
    }

    public LocalDateTime getDueDate() {
        return dueDate;
    }

    public boolean isDueHasTime() {
        return dueHasTime;
    }
}
