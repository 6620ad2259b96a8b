package org.taskdesk.persistence.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code task_completions} (migration 5): one "done" of a task, with the due date it had at that moment,
 * so statistics survive a repeating task moving on. Written once, never changed. Times are UTC wall-clock values;
 * the due date follows {@link TaskEntity}'s convention. The task and the owner are plain columns (their foreign keys
 * and ON DELETE CASCADE are the migrations'): rows are only ever read by owner and task id.
 */
@Entity(name = "TaskCompletion")
@Table(name = "task_completions", indexes = {
    @Index(name = "idx_task_completions_user_completed", columnList = "user_id, completed_at"),
    @Index(name = "idx_task_completions_task_id", columnList = "task_id")
})
class TaskCompletionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "task_id", nullable = false)
    private int taskId;

    @Column(name = "user_id", nullable = false)
    private int userId;

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
    TaskCompletionEntity(TaskEntity task, LocalDateTime completedAt) {
        this.taskId = task.getId();
        this.userId = task.getUserId();
        this.completedAt = completedAt;
        this.dueDate = task.getDueDate();
        this.dueHasTime = task.isDueHasTime();
    }

    public Integer getId() {
        return id;
    }

    public int getTaskId() {
        return taskId;
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
