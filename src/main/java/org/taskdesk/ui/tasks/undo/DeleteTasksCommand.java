package org.taskdesk.ui.tasks.undo;

import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.tasks.DeletedTask;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.ui.common.Messages;

/**
 * Deletes tasks; undo puts them back exactly: the same ids, every field and their completion history, so older
 * steps of the history and the statistics find them as they were. Each step is one service call, one transaction.
 */
final class DeleteTasksCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final List<Long> taskIds;
    private List<DeletedTask> deleted = List.of();

    DeleteTasksCommand(TaskService service, UserSession user, List<Long> taskIds) {
        this.service = service;
        this.user = user;
        this.taskIds = List.copyOf(taskIds);
    }

    @Override
    public String description() {
        return Messages.format("undo.delete", TaskCommands.count(taskIds.size()));
    }

    @Override
    public boolean standsAlone() {
        return true;
    }

    @Override
    public TaskChanges execute() {
        deleted = service.delete(user, taskIds);
        return TaskChanges.removed(taskIds);
    }

    @Override
    public TaskChanges undo() {
        return TaskChanges.saved(service.restore(user, deleted));
    }
}
