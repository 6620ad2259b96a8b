package org.taskdesk.persistence.tasks;

import jakarta.persistence.Column;
import org.taskdesk.persistence.sync.StoredFields;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code tasks} (the seed's migration 002). Priority, tags and recurrence are kept in the seed's text
 * columns in the formats the domain defines; times are UTC wall-clock values.
 * Never leaves this package: the services see {@link org.taskdesk.domain.tasks.Task} records. The owner is a plain
 * {@code user_id} column (its foreign key and ON DELETE CASCADE are the migrations'), so tasks need no account entity.
 */
@Entity(name = "Task")
@Table(name = "tasks", indexes = {
    @Index(name = "idx_tasks_user_id", columnList = "user_id"),
    @Index(name = "idx_tasks_user_open_due", columnList = "user_id, completed, due_date")
})
class TaskEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "user_id", nullable = false)
    private int userId;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "description")
    private String description;

    @Column(name = "completed", nullable = false)
    private boolean completed;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "priority", length = 10)
    private String priority;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "tags")
    private String tags;

    @Column(name = "due_date")
    private LocalDateTime dueDate;

    @Column(name = "recurrence_pattern", length = 500)
    private String recurrencePattern;

    @Column(name = "due_has_time", nullable = false)
    private boolean dueHasTime;

    @Column(name = "completed_at")
    private LocalDateTime completedAt;

    /** The seven merged fields as stored, for the sync journal. */
    StoredFields storedFields() {
        return new StoredFields(title, description, priority, tags, dueDate, dueHasTime, recurrencePattern, completed,
                completedAt);
    }

    protected TaskEntity() {
        // for Hibernate
    }

    TaskEntity(int userId, String title, LocalDateTime now) {
        this.userId = userId;
        this.title = title;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A row read with plain SQL ({@link JdbcTaskRepository}): its other fields are set one by one after. */
    TaskEntity(int id, int userId, String title, LocalDateTime createdAt) {
        this(userId, title, createdAt);
        this.id = id;
    }

    public Integer getId() {
        return id;
    }

    public int getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isCompleted() {
        return completed;
    }

    public void setCompleted(boolean completed) {
        this.completed = completed;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public LocalDateTime getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDateTime dueDate) {
        this.dueDate = dueDate;
    }

    public String getRecurrencePattern() {
        return recurrencePattern;
    }

    public void setRecurrencePattern(String recurrencePattern) {
        this.recurrencePattern = recurrencePattern;
    }

    public boolean isDueHasTime() {
        return dueHasTime;
    }

    public void setDueHasTime(boolean dueHasTime) {
        this.dueHasTime = dueHasTime;
    }

    public LocalDateTime getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(LocalDateTime completedAt) {
        this.completedAt = completedAt;
    }
}
