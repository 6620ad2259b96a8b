package org.taskdesk.ui.tasks.detail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The detail pane of the selected task: its fields ({@link #fields()}), its repeat ({@link #repeat()}) and its
 * stamps ({@link #stamps()}), checked as they are typed ({@link DetailValidation}). Edits are saved as one undoable
 * step when the person leaves a field, leaves the task (another selection) or the window ({@link #save()},
 * {@link #leave()}); a field that does not read stays as typed, marked, and is never written: the task keeps its
 * saved value there.
 */
public final class TaskDetailViewModel {
    private final TaskCommands commands;
    private final UndoManager undo;
    private final Clock clock;
    private final LongPredicate stillListed;
    private final Consumer<String> tell;

    private final TaskFieldsViewModel fields;
    private final RepeatEditorViewModel repeat;
    private final TaskStampsViewModel stamps;

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    private Task task;
    private DetailValidation.Outcome checked = DetailValidation.Outcome.NOTHING_SHOWN;
    // What the fields are compared with when a new copy of the same task arrives, so it keeps only what the person
    // changed: what show() put in them, or what was last sent to be saved.
    private Shown shownValues;
    // The task as the database last confirmed it and its fields: a failed save goes back to them, so the edits
    // it carried are unsaved (dirty) again and saved again on leaving.
    private Task confirmed;
    private Shown confirmedValues;

    /**
     * @param commands    makes the undoable edit that saves the pane
     * @param undo        runs it in the background, as one step the person can undo
     * @param clock       stamps the edit and places "today"
     * @param selected    the only selected task, or null: the pane follows it
     * @param stillListed whether a task (by id) is still in the list, i.e. not deleted meanwhile
     * @param tagsInUse   every tag in use, for completion in the tags field
     * @param tell        shows the person a short note (which fields could not be saved on leaving)
     */
    public TaskDetailViewModel(TaskCommands commands, UndoManager undo, Clock clock, ObservableValue<Task> selected,
                               LongPredicate stillListed, Supplier<List<String>> tagsInUse, Consumer<String> tell) {
        this.commands = commands;
        this.undo = undo;
        this.clock = clock;
        this.stillListed = stillListed;
        this.tell = tell;
        this.fields = new TaskFieldsViewModel(tagsInUse, this::validate);
        this.repeat = new RepeatEditorViewModel(this::validate, fields.dueDateProperty()::get);
        this.stamps = new TaskStampsViewModel(clock);
        selected.addListener((obs, old, now) -> arrived(now));
        show(selected.getValue());
    }

    /** The title, description, priority, tags and due date as typed. */
    public TaskFieldsViewModel fields() {
        return fields;
    }

    /** The repeat editor. */
    public RepeatEditorViewModel repeat() {
        return repeat;
    }

    /** When the task was created and changed. */
    public TaskStampsViewModel stamps() {
        return stamps;
    }

    /** Whether a task is shown (exactly one is selected). */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Whether every field reads. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the fields differ from the saved task. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------------

    /**
     * Saves what changed as one undoable edit: every field that reads; a field that does not keeps its saved value
     * in the database and its text on screen. False when there was nothing to save.
     */
    public boolean save() {
        validate();
        Task sent = checked.edited();
        if (task == null || sent == null || DetailValidation.sameFields(sent, task)) {
            return false;
        }
        Task started = task;
        // From now on the fields are compared with what was just sent, so leaving the field and then the task
        // does not save the same edit twice, and a value changed back before the reply arrives counts as an edit.
        // Set before running: a synchronous background replies inside execute().
        task = sent;
        shownValues = new Shown(fields.values().sent(shownValues.fields(), fields, checked.dueSent()),
                checked.ruleSent() ? repeat.values() : shownValues.repeat());
        undo.execute(commands.replace(started, sent), () -> { }, () -> saveFailed(sent));
        validate();
        return true;
    }

    /**
     * The person leaves this task (another selection, signing out, closing the window): saves what reads, and
     * says which fields were not saved and why, since their text is about to go from the screen.
     */
    public void leave() {
        if (task == null || !stillListed.test(task.id())) {
            return; // nothing shown, or the task is gone (deleted): nothing to save it into
        }
        save();
        List<String> unsaved = unsavedFields();
        if (!unsaved.isEmpty()) {
            tell.accept(Messages.format("detail.unsaved", task.title(), String.join("; ", unsaved)));
        }
    }

    /** Puts the fields back to the saved task: as the database last confirmed it, not as a save in flight sent it. */
    public void revert() {
        show(confirmed);
    }

    // ---- inside --------------------------------------------------------------------------------------

    /** The fields' values as shown (or sent), to tell which the person changed since. */
    private record Shown(TaskFieldsViewModel.Values fields, RepeatEditorViewModel.Values repeat) {
    }

    private Shown values() {
        return new Shown(fields.values(), repeat.values());
    }

    /** The save of {@code sent} failed: what it carried is unsaved again, compared with the confirmed task. */
    private void saveFailed(Task sent) {
        if (task == null || confirmed == null || task.id() != sent.id()) {
            return; // the pane moved on; the failure is reported to the person all the same
        }
        task = confirmed;
        shownValues = confirmedValues;
        validate();
    }

    /** "the due time was not saved (Type the time as HH:mm…)" for each field that does not read. */
    private List<String> unsavedFields() {
        List<String> result = new ArrayList<>();
        unsaved(result, fields.titleError, error -> Messages.format("detail.unsaved.title", error));
        unsaved(result, fields.descriptionError, error -> Messages.format("detail.unsaved.description", error));
        unsaved(result, fields.tagsError, error -> Messages.format("detail.unsaved.tags", error));
        unsaved(result, fields.dueDateError, error -> Messages.format("detail.unsaved.due.date", error));
        unsaved(result, fields.dueTimeError, error -> Messages.format("detail.unsaved.due.time", error));
        unsaved(result, repeat.error, error -> Messages.format("detail.unsaved.repeat", error));
        return result;
    }

    private static void unsaved(List<String> into, ReadOnlyStringWrapper error, UnaryOperator<String> sentence) {
        if (!error.get().isEmpty()) {
            into.add(sentence.apply(error.get()));
        }
    }

    /**
     * A new copy of the selected task (or another task) arrived. A new copy of the task being edited, after a list
     * action, an undo or the reply to a save, keeps the person's unsaved edits: each field they changed from what
     * was shown (or last sent) stays as typed, the repeat's fields one by one as the others: the count a completion
     * used up is not put back because another repeat field was being edited.
     */
    private void arrived(Task now) {
        if (task != null && (now == null || now.id() != task.id())) {
            leave();
        }
        if (now == null || task == null || now.id() != task.id() || !dirty.get() || shownValues == null) {
            show(now);
            return;
        }
        Shown typed = values();
        Shown before = shownValues;
        boolean repeatTouched = repeat.touched();
        show(now);
        fields.keep(typed.fields(), before.fields());
        if (repeatTouched) {
            repeat.keep(typed.repeat(), before.repeat());
        }
        validate();
        if (!dirty.get()) {
            show(now); // the edits are what was saved: start clean from the saved task
        }
    }

    private void show(Task shown) {
        task = shown;
        showing.set(shown != null);
        fields.show(shown);
        repeat.show(shown == null ? null : shown.recurrence());
        stamps.show(shown);
        shownValues = values();
        // Every task shown comes from the list, i.e. as the database holds it.
        confirmed = shown;
        confirmedValues = shownValues;
        validate();
    }

    private void validate() {
        checked = DetailValidation.check(task, fields, repeat, clock);
        valid.set(checked.valid());
        dirty.set(checked.dirty());
    }
}
