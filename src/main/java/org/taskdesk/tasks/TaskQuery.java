package org.taskdesk.tasks;

import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.TaskFilter;

/**
 * Which of a person's tasks to show, in what order, which page. Every selection (status, priority, tag, due
 * window, words) is said in the filter language, the same one people type, so there is one way to select tasks:
 * {@code is:open}, {@code priority:high}, {@code #work}, {@code due:overdue}, {@code "quarterly report"}.
 *
 * @param filter what to show
 * @param sort   the order
 * @param offset how many to skip (0 for the first page)
 * @param limit  how many at most (1 to 100,000)
 */
public record TaskQuery(TaskFilter filter, TaskSort sort, int offset, int limit) {
    public static final int MAX_LIMIT = 100_000;

    public TaskQuery {
        if (offset < 0) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "A page cannot start before the first task.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "A page holds 1 to " + MAX_LIMIT + " tasks.");
        }
    }

    /** Everything matching {@code filterText}, soonest due first. */
    public static TaskQuery of(String filterText) {
        return new TaskQuery(TaskFilter.parse(filterText == null ? "" : filterText), TaskSort.DUE, 0, MAX_LIMIT);
    }

    public TaskQuery sortedBy(TaskSort newSort) {
        return new TaskQuery(filter, newSort, offset, limit);
    }

    /**
     * Page {@code page} (1-based) of {@code size} tasks. A page that starts beyond any possible task (past
     * {@link Integer#MAX_VALUE}) is simply empty, like any page after the last one.
     */
    public TaskQuery page(int page, int size) {
        if (page < 1) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Pages are numbered from 1.");
        }
        long offset = (long) (page - 1) * size;
        return new TaskQuery(filter, sort, (int) Math.min(offset, Integer.MAX_VALUE), size);
    }
}
