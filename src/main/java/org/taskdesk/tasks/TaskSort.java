package org.taskdesk.tasks;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;

/** The orders a task list can be shown in. Each ends with the id, so equal tasks keep a stable order. */
public enum TaskSort {
    /** Soonest due first (a date without a time counts as the end of its day, after its timed tasks); no due date last. */
    DUE(Comparator.comparing(TaskSort::dueKey, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(task -> -task.priority().ordinal())),
    /** Highest priority first, then soonest due. */
    PRIORITY(Comparator.<Task>comparingInt(task -> -task.priority().ordinal())
            .thenComparing(TaskSort::dueKey, Comparator.nullsLast(Comparator.naturalOrder()))),
    /** Oldest first, the order they were added in. */
    CREATED(Comparator.comparing(Task::createdAt)),
    /** Alphabetical, ignoring case. */
    TITLE(Comparator.comparing(task -> task.title().toLowerCase(Locale.ROOT)));

    private final Comparator<Task> order;

    TaskSort(Comparator<Task> order) {
        this.order = order.thenComparingLong(Task::id);
    }

    public Comparator<Task> order() {
        return order;
    }

    private static LocalDateTime dueKey(Task task) {
        Due due = task.due();
        return due == null ? null : due.toLocalDateTime();
    }
}
