package org.taskdesk.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.taskdesk.domain.tasks.Task;

/**
 * A cheap summary of one person's tasks that changes whenever a task is added, deleted or changed (every change
 * moves {@code updatedAt} on): a window compares the database's with the one of the tasks it shows to notice that
 * another program (the command line) changed them, without reading every task. Times are kept to the second, since
 * a database may store them less precisely than they were made.
 *
 * @param count      how many tasks
 * @param idSum      the sum of their ids: a delete and an add between two looks do not cancel out
 * @param lastUpdate the latest change, to the second; null when there are no tasks
 */
public record TaskListStamp(long count, long idSum, Instant lastUpdate) {

    public TaskListStamp {
        lastUpdate = lastUpdate == null ? null : lastUpdate.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The stamp of {@code tasks} as held in memory. */
    public static TaskListStamp of(Collection<Task> tasks) {
        long idSum = 0;
        Instant last = null;
        for (Task task : tasks) {
            idSum += task.id();
            if (last == null || task.updatedAt().isAfter(last)) {
                last = task.updatedAt();
            }
        }
        return new TaskListStamp(tasks.size(), idSum, last);
    }
}
