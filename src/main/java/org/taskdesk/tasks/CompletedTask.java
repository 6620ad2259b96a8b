package org.taskdesk.tasks;

import org.taskdesk.domain.tasks.Task;

/**
 * What completing one task did: the task before and after (a repeating one moved on), and the history row it
 * added, or null when the task was already done and nothing was recorded. Enough to undo and redo it exactly.
 */
public record CompletedTask(Task before, Task after, RecordedCompletion recorded) {
}
