package org.taskdesk.ui.tasks.undo;

import java.util.List;
import org.taskdesk.domain.tasks.Task;

/**
 * What one step of a command did to the person's tasks, for the view model to apply to its in-memory list
 * without reloading everything: tasks saved (added or changed, as the database now holds them) and ids removed.
 */
public record TaskChanges(List<Task> saved, List<Long> removed) {

    public TaskChanges {
        saved = List.copyOf(saved);
        removed = List.copyOf(removed);
    }

    public static TaskChanges saved(List<Task> tasks) {
        return new TaskChanges(tasks, List.of());
    }

    public static TaskChanges removed(List<Long> ids) {
        return new TaskChanges(List.of(), ids);
    }
}
