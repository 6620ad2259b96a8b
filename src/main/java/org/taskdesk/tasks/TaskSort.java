package org.taskdesk.tasks;

import java.util.Comparator;
import java.util.Locale;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;

/** The orders a task list can be shown in. Each ends with the id, so equal tasks keep a stable order. */
public enum TaskSort {
    /** Soonest due first (a date without a time counts as the end of its day, after its timed tasks); no due date last. */
    DUE(Comparator.comparing(Task::due, Soonest.FIRST).thenComparing(task -> -task.priority().ordinal())),
    /** Highest priority first, then soonest due. */
    PRIORITY(Comparator.<Task>comparingInt(task -> -task.priority().ordinal()).thenComparing(Task::due, Soonest.FIRST)),
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

    /**
     * Due dates by their moment ({@link Due#toLocalDateTime}: a date without a time at the end of its day), without
     * making that moment: the list sorts 10,000 tasks at start-up, and a date-time per comparison was most of it.
     * Times are whole minutes, so a date without a time (the end of the day) comes after every time that day.
     */
    private static final class Soonest {
        static final Comparator<Due> FIRST = Comparator.nullsLast(Comparator.comparing(Due::date)
                .thenComparing(Due::time, Comparator.nullsLast(Comparator.naturalOrder())));

        private Soonest() {
        }
    }
}
