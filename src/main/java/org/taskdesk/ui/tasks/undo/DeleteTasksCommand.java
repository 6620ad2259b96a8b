package org.taskdesk.ui.tasks.undo;

import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/**
 * Deletes tasks; undo adds them back with every field they had. The database gives them new ids, which
 * {@link TaskIds} records so earlier commands in the history still find them.
 */
final class DeleteTasksCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final TaskIds ids;
    private final List<Long> taskIds;
    private final List<Task> deleted = new ArrayList<>();

    DeleteTasksCommand(TaskService service, UserSession user, TaskIds ids, List<Long> taskIds) {
        this.service = service;
        this.user = user;
        this.ids = ids;
        this.taskIds = List.copyOf(taskIds);
    }

    @Override
    public String description() {
        return "Delete " + TaskCommands.count(taskIds.size());
    }

    @Override
    public TaskChanges execute() {
        deleted.clear();
        List<Long> removed = new ArrayList<>();
        for (long id : taskIds) {
            long current = ids.current(id);
            deleted.add(service.get(user, current));
            service.delete(user, current);
            removed.add(current);
        }
        return TaskChanges.removed(removed);
    }

    @Override
    public TaskChanges undo() {
        List<Task> restored = new ArrayList<>();
        for (Task old : deleted) {
            Task again = service.add(user, old);
            // add() keeps every field except completion and updatedAt, which the row copy sets: put those back too.
            Task exact = service.update(user, again.id(), current -> old.withId(current.id()));
            ids.moved(old.id(), exact.id());
            restored.add(exact);
        }
        return TaskChanges.saved(restored);
    }
}
