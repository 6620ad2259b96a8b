package org.taskdesk.tasks;

import java.time.Instant;
import org.taskdesk.domain.tasks.Due;

/** One recorded "done" of a task: when, and what its due date was then (null for none). */
public record PastCompletion(long taskId, Instant completedAt, Due due) {
}
