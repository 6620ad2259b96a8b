package org.taskdesk.ui.tasks.undo;

import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/**
 * Completes tasks through the service, so a repeating task moves on to its next date; undo restores each task
 * as it was before (open, its old due date, its old count of times left).
 */
final class CompleteTasksCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final TaskIds ids;
    private final List<Long> taskIds;
    private final List<Task> before = new ArrayList<>();

    CompleteTasksCommand(TaskService service, UserSession user, TaskIds ids, List<Long> taskIds) {
        this.service = service;
        this.user = user;
        this.ids = ids;
        this.taskIds = List.copyOf(taskIds);
    }

    @Override
    public String description() {
        return "Complete " + TaskCommands.count(taskIds.size());
    }

    @Override
    public TaskChanges execute() {
        before.clear();
        List<Task> saved = new ArrayList<>();
        for (long id : taskIds) {
            long current = ids.current(id);
            before.add(service.get(user, current));
            saved.add(service.complete(user, current).task());
        }
        return TaskChanges.saved(saved);
    }

    @Override
    public TaskChanges undo() {
        return TaskChanges.saved(Restore.all(service, user, ids, before));
    }
}
