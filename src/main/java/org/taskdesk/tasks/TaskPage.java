package org.taskdesk.tasks;

import java.util.List;
import org.taskdesk.domain.tasks.Task;

/** One page of a query's tasks, and how many matched in all. */
public record TaskPage(List<Task> tasks, int total, int offset, int limit) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }

    public boolean hasMore() {
        return offset + tasks.size() < total;
    }
}
