package org.taskdesk.ui.tasks.undo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.Messages;

/**
 * Runs {@link TaskCommand}s in the background and keeps the history to undo and redo them, like Scene Builder's
 * {@code JobManager}. A command that fails is not recorded, so the history only holds what happened. New commands
 * run as soon as they are asked for, so several may be in flight at once; while any step is in flight, undo and
 * redo are unavailable ({@link #canUndoProperty()} is false), so an undo or redo never overlaps another step.
 */
public final class UndoManager {
    /** How many steps are kept; older ones fall off the bottom. */
    public static final int LIMIT = 200;

    private final BackgroundTasks background;
    private final Consumer<TaskChanges> apply;
    private final Consumer<Throwable> failed;
    private final Deque<TaskCommand> undoStack = new ArrayDeque<>();
    private final Deque<TaskCommand> redoStack = new ArrayDeque<>();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    // Steps in flight: running is true until the last of them has replied.
    private int pending;
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription",
            Messages.text("undo.undo"));
    // Counts every change to the history, so bindings over which steps can be undone are told to look again.
    private final IntegerProperty historyChanges = new SimpleIntegerProperty(this, "historyChanges");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription",
            Messages.text("undo.redo"));

    /**
     * @param apply  receives, on the JavaFX thread, what each step changed
     * @param failed receives, on the JavaFX thread, why a step failed
     */
    public UndoManager(BackgroundTasks background, Consumer<TaskChanges> apply, Consumer<Throwable> failed) {
        this.background = background;
        this.apply = apply;
        this.failed = failed;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** "Undo Complete 3 tasks", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Executes {@code command}; once it succeeded it can be undone, and the redo history is dropped. */
    public void execute(TaskCommand command, Runnable onSuccess) {
        execute(command, onSuccess, () -> { });
    }

    /** As {@link #execute(TaskCommand, Runnable)}; {@code onFailure} runs before the failure is reported. */
    public void execute(TaskCommand command, Runnable onSuccess, Runnable onFailure) {
        step(command::execute, onFailure, () -> {
            undoStack.push(command);
            if (undoStack.size() > LIMIT) {
                undoStack.removeLast();
            }
            redoStack.clear();
            onSuccess.run();
        });
    }

    public void undo() {
        if (!canUndo.get()) {
            return;
        }
        TaskCommand command = undoStack.peek();
        step(command::undo, () -> { }, () -> redoStack.push(undoStack.pop()));
    }

    public void redo() {
        if (!canRedo.get()) {
            return;
        }
        TaskCommand command = redoStack.peek();
        step(command::redo, () -> { }, () -> undoStack.push(redoStack.pop()));
    }

    /**
     * Whether {@code command}'s own Undo (the toast's button) can take it back now: it is the latest step, or a step
     * that {@link TaskCommand#standsAlone() stands alone} still in the history, and no step is in flight.
     */
    public BooleanBinding canUndo(TaskCommand command) {
        return Bindings.createBooleanBinding(() -> undoableNow(command), historyChanges, running);
    }

    private boolean undoableNow(TaskCommand command) {
        if (running.get() || undoStack.isEmpty()) {
            return false;
        }
        return undoStack.peek() == command || command.standsAlone() && undoStack.contains(command);
    }

    /**
     * Undoes exactly {@code command}, even when later steps were done since (only a step that stands alone: later
     * steps cannot have touched what it took away). It moves to the top of the redo history. Does nothing when it
     * cannot be undone any more (already undone, fallen off the history, or another step in flight).
     */
    public void undo(TaskCommand command) {
        if (!undoableNow(command)) {
            return;
        }
        if (undoStack.peek() == command) {
            undo();
            return;
        }
        step(command::undo, () -> { }, () -> {
            undoStack.remove(command);
            redoStack.push(command);
        });
    }

    private void step(Callable<TaskChanges> work, Runnable onFailure, Runnable recorded) {
        running.set(++pending > 0);
        update();
        background.run(work, changes -> {
            running.set(--pending > 0);
            recorded.run();
            update();
            apply.accept(changes);
        }, error -> {
            running.set(--pending > 0);
            update();
            onFailure.run();
            failed.accept(error);
        });
    }

    private void update() {
        historyChanges.set(historyChanges.get() + 1);
        boolean idle = !running.get();
        canUndo.set(idle && !undoStack.isEmpty());
        canRedo.set(idle && !redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? Messages.text("undo.undo")
                : Messages.format("undo.undo.step", undoStack.peek().description()));
        redoDescription.set(redoStack.isEmpty() ? Messages.text("undo.redo")
                : Messages.format("undo.redo.step", redoStack.peek().description()));
    }
}
