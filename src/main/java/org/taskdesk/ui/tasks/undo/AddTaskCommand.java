package org.taskdesk.ui.tasks.undo;

import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.DeletedTask;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.ui.common.Messages;

/** Quick add: undo deletes the new task, redo puts it back exactly (same id, same fields). */
final class AddTaskCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final QuickAdd parsed;
    private Task added;
    private List<DeletedTask> undone = List.of();

    AddTaskCommand(TaskService service, UserSession user, QuickAdd parsed) {
        this.service = service;
        this.user = user;
        this.parsed = parsed;
    }

    @Override
    public String description() {
        return added == null ? Messages.text("undo.add.task")
                : Messages.format("undo.add", TaskCommands.shorten(added.title()));
    }

    @Override
    public TaskChanges execute() {
        added = service.add(user, parsed);
        return TaskChanges.saved(List.of(added));
    }

    @Override
    public TaskChanges undo() {
        undone = service.delete(user, List.of(added.id()));
        return TaskChanges.removed(List.of(added.id()));
    }

    @Override
    public TaskChanges redo() {
        return TaskChanges.saved(service.restore(user, undone));
    }
}
