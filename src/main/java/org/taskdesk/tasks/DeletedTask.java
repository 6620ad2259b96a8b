package org.taskdesk.tasks;

import java.util.List;
import org.taskdesk.domain.tasks.Task;

/** A task as it was when deleted, with its completion history, so that {@link TaskService#restore} puts both back. */
public record DeletedTask(Task task, List<RecordedCompletion> history) {

    public DeletedTask {
        history = List.copyOf(history);
    }
}
