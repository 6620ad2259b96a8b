package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.status.Notice;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.undo.TaskCommand;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * What the person can do to the selected tasks at once (complete, delete, priority, tags, reschedule), each an
 * undoable step, and undo and redo themselves: the Edit and Task menus' and the "6 selected" pane's actions.
 */
public final class SelectionActions {
    private final TaskSelection selection;
    private final TaskCommands commands;
    private final UndoManager undo;
    private final DialogService dialogs;
    private final StatusViewModel status;
    private final Clock clock;

    public SelectionActions(TaskSelection selection, TaskCommands commands, UndoManager undo, DialogService dialogs,
                            StatusViewModel status, Clock clock) {
        this.selection = selection;
        this.commands = commands;
        this.undo = undo;
        this.dialogs = dialogs;
        this.status = status;
        this.clock = clock;
    }

    /** Completes the selected tasks (reopens them when every one is already done). */
    public void completeSelection() {
        toggleDone(List.copyOf(selection.tasks()));
    }

    /** The list's check box: completes open tasks; when all are done, reopens them. */
    public void toggleDone(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        boolean allDone = tasks.stream().allMatch(Task::completed);
        if (allDone) {
            run(commands.reopen(tasks));
            return;
        }
        List<Task> open = tasks.stream().filter(t -> !t.completed()).toList();
        run(commands.complete(open));
    }

    /**
     * Deletes the selection after the person confirms, then offers a toast whose Undo takes back exactly this delete,
     * even after other changes (Ctrl+Z undoes it too while it is the latest step).
     */
    public void deleteSelection() {
        List<Task> tasks = List.copyOf(selection.tasks());
        if (tasks.isEmpty()) {
            return;
        }
        String question = tasks.size() == 1 ? Messages.format("list.delete.one", tasks.get(0).title())
                : Messages.format("list.delete.many", TaskCommands.count(tasks.size()));
        if (dialogs.confirm(question, Messages.text("list.delete.undo.hint"))) {
            String done = tasks.size() == 1 ? Messages.format("list.deleted.one", tasks.get(0).title())
                    : Messages.format("list.deleted.many", TaskCommands.count(tasks.size()));
            TaskCommand delete = commands.delete(tasks);
            undo.execute(delete, () -> status.offer(new Notice(done, Messages.text("status.toast.undo"),
                    () -> undo.undo(delete), undo.canUndo(delete))));
        }
    }

    public void setPriority(Priority priority) {
        edit(Messages.format("list.set.priority", TaskCommands.count(selection.size())),
                t -> t.withPriority(priority, clock.instant()));
    }

    /** Adds the tag to every selected task; an invalid name becomes the error and changes nothing. */
    public void addTag(String name) {
        normalised(name).ifPresent(tag -> edit(Messages.format("list.add.tag", tag, TaskCommands.count(selection.size())),
                t -> t.withTags(t.tags().with(tag), clock.instant())));
    }

    public void removeTag(String name) {
        normalised(name).ifPresent(tag -> edit(Messages.format("list.remove.tag", tag,
                TaskCommands.count(selection.size())), t -> t.withTags(t.tags().without(tag), clock.instant())));
    }

    /** Moves every selected task to today, each keeping its time of day (or gaining today's date). */
    public void rescheduleToday() {
        reschedule(LocalDate.now(clock));
    }

    public void rescheduleTomorrow() {
        reschedule(LocalDate.now(clock).plusDays(1));
    }

    /** Next Monday, as "next week" means in quick add. */
    public void rescheduleNextWeek() {
        reschedule(LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
    }

    /**
     * Sets every selected task's due date to {@code date} as one undoable step: a task due at a time keeps that
     * time of day, one without a date gets the day itself. A date a task cannot take (past its repeat's end)
     * changes none of them and says why.
     */
    public void reschedule(LocalDate date) {
        if (date == null) {
            return;
        }
        edit(Messages.format("list.reschedule", TaskCommands.count(selection.size()), Formats.SHORT_DAY.format(date)),
                t -> t.withDue(t.due() == null ? Due.on(date) : t.due().withDate(date), clock.instant()));
    }

    /** The tag as stored, or empty after showing why the name cannot be a tag. */
    private Optional<String> normalised(String name) {
        try {
            return Optional.of(Tags.normalise(name));
        } catch (RuntimeException e) {
            status.failed(e);
            return Optional.empty();
        }
    }

    /** Changes every selected task with {@code change} as one undoable step named {@code description}. */
    private void edit(String description, UnaryOperator<Task> change) {
        List<Task> tasks = List.copyOf(selection.tasks());
        if (!tasks.isEmpty()) {
            run(commands.edit(description, tasks, change));
        }
    }

    /** The tags of the selected tasks, for "Remove tag…". */
    public List<String> selectionTags() {
        Set<String> names = new TreeSet<>();
        for (Task task : selection.tasks()) {
            names.addAll(task.tags().names());
        }
        return List.copyOf(names);
    }

    public void undo() {
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    private void run(TaskCommand command) {
        undo.execute(command, () -> { });
    }
}
