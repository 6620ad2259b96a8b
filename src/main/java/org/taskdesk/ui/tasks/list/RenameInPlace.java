package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.domain.tasks.InvalidTaskException;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskRules;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * Renaming a task in its row of the list (double-click, F2): which task is being renamed, the title as typed, and
 * why it cannot be saved. The title follows the detail pane's rules ({@link TaskRules#checkTitle}); a title that
 * does not pass is marked while typing and never saved. A rename is one undoable step.
 */
public final class RenameInPlace {
    private final TaskCommands commands;
    private final UndoManager undo;
    private final Clock clock;
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<Task> renaming = new ReadOnlyObjectWrapper<>(this, "renaming");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** @param status where a title that cannot be saved is also said, when Enter is pressed on it */
    public RenameInPlace(TaskCommands commands, UndoManager undo, Clock clock, StatusViewModel status) {
        this.commands = commands;
        this.undo = undo;
        this.clock = clock;
        this.status = status;
        text.addListener((o, was, now) -> {
            if (renaming.get() != null) {
                read(); // marks the field while typing, as the quick-add bar does
            }
        });
    }

    /** The task whose row shows the title field, or null. */
    public ReadOnlyObjectProperty<Task> renamingProperty() {
        return renaming.getReadOnlyProperty();
    }

    /** The title as typed in the row. */
    public StringProperty textProperty() {
        return text;
    }

    /** Empty, or why the typed title cannot be saved (as the detail pane says it). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Starts renaming {@code task} with its title in the field; null does nothing. */
    public void start(Task task) {
        if (task == null) {
            return;
        }
        renaming.set(null); // the text first, so the field shows the title from its first frame
        text.set(task.title());
        error.set("");
        renaming.set(task);
    }

    /**
     * Saves the typed title as one undoable step and ends the rename; an unchanged title ends it without a step.
     * Returns false, keeping the field open and marked, when the title does not pass the rules.
     */
    public boolean save() {
        Task task = renaming.get();
        if (task == null) {
            return true;
        }
        String title = read();
        if (title == null) {
            status.failed(new InvalidTaskException(error.get()));
            return false;
        }
        finish();
        if (!title.equals(task.title())) {
            undo.execute(commands.edit(Messages.format("undo.rename", TaskCommands.shorten(task.title())), List.of(task),
                    t -> t.withTitle(title, clock.instant())), () -> { });
        }
        return true;
    }

    /** Ends the rename without saving anything (Escape, or leaving the field with a title that cannot be saved). */
    public void cancel() {
        finish();
    }

    /** The title to save, or null after marking why it cannot be. */
    private String read() {
        try {
            String title = TaskRules.checkTitle(text.get());
            error.set("");
            return title;
        } catch (InvalidTaskException e) {
            error.set(ErrorText.of(e));
            return null;
        }
    }

    private void finish() {
        renaming.set(null);
        error.set("");
    }
}
