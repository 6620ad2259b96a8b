package org.taskdesk.ui.tasks.undo;

import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/** Quick add: undo deletes the new task, redo adds it again with the same fields. */
final class AddTaskCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final TaskIds ids;
    private final String line;
    private Task added;

    AddTaskCommand(TaskService service, UserSession user, TaskIds ids, String line) {
        this.service = service;
        this.user = user;
        this.ids = ids;
        this.line = line;
    }

    @Override
    public String description() {
        return added == null ? "Add task" : "Add \"" + TaskCommands.shorten(added.title()) + "\"";
    }

    @Override
    public TaskChanges execute() {
        added = service.add(user, line);
        return TaskChanges.saved(List.of(added));
    }

    @Override
    public TaskChanges undo() {
        long id = ids.current(added.id());
        service.delete(user, id);
        return TaskChanges.removed(List.of(id));
    }

    @Override
    public TaskChanges redo() {
        Task again = service.add(user, added);
        ids.moved(added.id(), again.id());
        return TaskChanges.saved(List.of(again));
    }
}
