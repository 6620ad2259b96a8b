package org.taskdesk.tasks;

import java.time.LocalDateTime;

/**
 * One row of a task's completion history exactly as stored (times as UTC wall-clock values, the due date in the
 * tasks table's convention), so that an undo can put it back unchanged: same id, same moment, same due date.
 * Opaque to the UI, which only hands it back to {@link TaskService}.
 */
public record RecordedCompletion(long id, long taskId, LocalDateTime completedAtUtc, LocalDateTime storedDue,
                                 boolean dueHasTime) {
}
