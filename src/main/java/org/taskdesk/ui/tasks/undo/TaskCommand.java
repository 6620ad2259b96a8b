package org.taskdesk.ui.tasks.undo;

/**
 * One user action on tasks that can be taken back, as Scene Builder's {@code Job}: {@link #execute()} once,
 * then {@link #undo()} and {@link #redo()} alternately. Each method blocks (it calls the services), so the
 * {@link UndoManager} runs it in the background, and returns what changed so the list can be updated in place.
 */
public interface TaskCommand {
    /** What the command does in the person's words, for menu items: "Complete 3 tasks". */
    String description();

    TaskChanges execute();

    TaskChanges undo();

    /**
     * True when undoing this step out of turn, after later steps, cannot disturb them: a delete, since nothing done
     * later can have touched tasks that were gone. A toast's Undo may then take back exactly this step.
     */
    default boolean standsAlone() {
        return false;
    }

    /** Does the command again after an undo; by default the same as executing it. */
    default TaskChanges redo() {
        return execute();
    }
}
