package org.taskdesk.ui.tasks.undo;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/**
 * Makes the commands for one signed-in person. Undo restores tasks under their own ids, so every command can keep
 * the ids it was given.
 */
public final class TaskCommands {
    private final TaskService service;
    private final UserSession user;
    private final Clock clock;

    public TaskCommands(TaskService service, UserSession user, Clock clock) {
        this.service = service;
        this.user = user;
        this.clock = clock;
    }

    /** Adds the task one line of quick-add text describes. */
    public TaskCommand add(String quickAddLine) {
        return new AddTaskCommand(service, user, quickAddLine);
    }

    /** Changes each task with {@code change}, e.g. a new priority; {@code description} names it for the menu. */
    public TaskCommand edit(String description, List<Task> tasks, UnaryOperator<Task> change) {
        return new EditTasksCommand(service, user, description, ids(tasks), change);
    }

    /**
     * Replaces the task's fields with those of {@code edited}, as the detail pane saves it. Whether the task is
     * completed is not one of the pane's fields: it stays as the database has it, since the pane's copy may be stale.
     */
    public TaskCommand replace(Task edited) {
        return new EditTasksCommand(service, user, "Edit \"" + shorten(edited.title()) + "\"",
                List.of(edited.id()), current -> new Task(current.id(), edited.title(), edited.description(),
                current.completed(), edited.priority(), edited.tags(), edited.due(), edited.recurrence(),
                current.createdAt(), clock.instant(), current.completedAt()));
    }

    /** Completes each task; repeating ones move to their next date. */
    public TaskCommand complete(List<Task> tasks) {
        return new CompleteTasksCommand(service, user, ids(tasks));
    }

    /** Opens completed tasks again. */
    public TaskCommand reopen(List<Task> tasks) {
        return edit("Reopen " + count(tasks.size()), tasks, task -> task.reopened(clock.instant()));
    }

    public TaskCommand delete(List<Task> tasks) {
        return new DeleteTasksCommand(service, user, ids(tasks));
    }

    /** "1 task", "3 tasks". */
    public static String count(int n) {
        return n == 1 ? "1 task" : n + " tasks";
    }

    static String shorten(String title) {
        return title.length() <= 30 ? title : title.substring(0, 29) + "…";
    }

    private static List<Long> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }
}
