package org.taskdesk.ui.tasks.undo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/**
 * Any change to existing tasks' fields (priority, tags, an edit in the detail pane, reopening): remembers each
 * task as it was and puts every field back on undo. Each step is one service call, one transaction.
 */
final class EditTasksCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final String description;
    private final List<Long> taskIds;
    private final UnaryOperator<Task> change;
    private final List<Task> before = new ArrayList<>();

    EditTasksCommand(TaskService service, UserSession user, String description, List<Long> taskIds,
                     UnaryOperator<Task> change) {
        this.service = service;
        this.user = user;
        this.description = description;
        this.taskIds = List.copyOf(taskIds);
        this.change = change;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public TaskChanges execute() {
        List<Task> seen = new ArrayList<>();
        List<Task> saved = service.update(user, taskIds, current -> {
            seen.add(current);
            return change.apply(current);
        });
        // Only once the transaction committed: a failed step leaves the previous snapshot alone.
        before.clear();
        before.addAll(seen);
        return TaskChanges.saved(saved);
    }

    @Override
    public TaskChanges undo() {
        return TaskChanges.saved(service.putBack(user, before));
    }
}
