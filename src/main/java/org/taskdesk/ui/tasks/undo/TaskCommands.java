package org.taskdesk.ui.tasks.undo;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.ui.common.Messages;

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

    /** Adds the task a line of quick-add text was read as: what the quick-add bar showed. */
    public TaskCommand add(QuickAdd parsed) {
        return new AddTaskCommand(service, user, parsed);
    }

    /** Changes each task with {@code change}, e.g. a new priority; {@code description} names it for the menu. */
    public TaskCommand edit(String description, List<Task> tasks, UnaryOperator<Task> change) {
        return new EditTasksCommand(service, user, description, ids(tasks), change);
    }

    /**
     * Saves the detail pane's edits: {@code started} is the task the pane's fields were compared with, {@code edited}
     * what they hold now. Only the fields that differ between the two are written onto the row as the database has
     * it then, so a list action or undo that reached the same task meanwhile (a completion moving the due date on)
     * is not overwritten by values the pane never changed. Whether the task is completed is never the pane's.
     */
    public TaskCommand replace(Task started, Task edited) {
        return new EditTasksCommand(service, user, Messages.format("undo.edit", shorten(edited.title())),
                List.of(edited.id()), current -> new Task(current.id(),
                changed(started.title(), edited.title(), current.title()),
                changed(started.description(), edited.description(), current.description()),
                current.completed(), changed(started.priority(), edited.priority(), current.priority()),
                changed(started.tags(), edited.tags(), current.tags()),
                changed(started.due(), edited.due(), current.due()),
                changed(started.recurrence(), edited.recurrence(), current.recurrence()),
                current.createdAt(), clock.instant(), current.completedAt()));
    }

    /** The edited value where the pane changed it, else the current one. */
    private static <T> T changed(T started, T edited, T current) {
        return Objects.equals(started, edited) ? current : edited;
    }

    /** Completes each task; repeating ones move to their next date. */
    public TaskCommand complete(List<Task> tasks) {
        return new CompleteTasksCommand(service, user, ids(tasks));
    }

    /** Opens completed tasks again. */
    public TaskCommand reopen(List<Task> tasks) {
        return edit(Messages.format("undo.reopen", count(tasks.size())), tasks, task -> task.reopened(clock.instant()));
    }

    public TaskCommand delete(List<Task> tasks) {
        return new DeleteTasksCommand(service, user, ids(tasks));
    }

    /** "1 task", "3 tasks". */
    public static String count(int n) {
        return n == 1 ? Messages.text("undo.count.one") : Messages.format("undo.count.many", String.valueOf(n));
    }

    /** A title short enough for a menu item: at most 30 characters, the rest as "…". */
    public static String shorten(String title) {
        return title.length() <= 30 ? title : title.substring(0, 29) + "…";
    }

    private static List<Long> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }
}
