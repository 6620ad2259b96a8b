package org.taskdesk.ui.tasks.undo;

import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.tasks.CompletedTask;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.ui.common.Messages;

/**
 * Completes tasks through the service, so a repeating task moves on to its next date and each completion is
 * recorded for statistics. Undo takes the completions back (the history rows go, each task is as it was); redo
 * puts the same history rows and the same tasks back. Each step is one service call, one transaction.
 */
final class CompleteTasksCommand implements TaskCommand {
    private final TaskService service;
    private final UserSession user;
    private final List<Long> taskIds;
    private List<CompletedTask> done = List.of();

    CompleteTasksCommand(TaskService service, UserSession user, List<Long> taskIds) {
        this.service = service;
        this.user = user;
        this.taskIds = List.copyOf(taskIds);
    }

    @Override
    public String description() {
        return Messages.format("undo.complete", TaskCommands.count(taskIds.size()));
    }

    @Override
    public TaskChanges execute() {
        done = service.complete(user, taskIds);
        return TaskChanges.saved(done.stream().map(CompletedTask::after).toList());
    }

    @Override
    public TaskChanges undo() {
        return TaskChanges.saved(service.undoCompletions(user, done));
    }

    @Override
    public TaskChanges redo() {
        return TaskChanges.saved(service.redoCompletions(user, done));
    }
}
