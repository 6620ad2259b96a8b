package org.taskdesk.ui.tasks.undo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.ui.common.HeldBackgroundTasks;

/** The undo history when commands overlap: replies come later, in the order the test chooses. */
class UndoManagerTest {
    private static TaskCommand named(String name) {
        return new TaskCommand() {
            @Override
            public String description() {
                return name;
            }

            @Override
            public TaskChanges execute() {
                return TaskChanges.saved(List.of());
            }

            @Override
            public TaskChanges undo() {
                return TaskChanges.saved(List.of());
            }
        };
    }

    @Test
    void undoWaitsUntilEveryOverlappingCommandHasReplied() {
        HeldBackgroundTasks background = new HeldBackgroundTasks();
        List<TaskChanges> applied = new ArrayList<>();
        UndoManager undo = new UndoManager(background, applied::add, e -> { });

        undo.execute(named("First"), () -> { });
        undo.execute(named("Second"), () -> { });
        background.replyNext();

        assertThat(undo.runningProperty().get()).isTrue();
        assertThat(undo.canUndoProperty().get()).isFalse();

        background.replyNext();

        assertThat(undo.runningProperty().get()).isFalse();
        assertThat(undo.canUndoProperty().get()).isTrue();
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Second");
        assertThat(applied).hasSize(2);
    }

    private static TaskCommand alone(String name, List<String> undone) {
        return new TaskCommand() {
            @Override
            public String description() {
                return name;
            }

            @Override
            public TaskChanges execute() {
                return TaskChanges.saved(List.of());
            }

            @Override
            public TaskChanges undo() {
                undone.add(name);
                return TaskChanges.saved(List.of());
            }

            @Override
            public boolean standsAlone() {
                return true;
            }
        };
    }

    @Test
    void aStepsOwnUndoTakesBackThatStepOnlyAndOnlyOnce() {
        org.taskdesk.ui.common.DirectBackgroundTasks background = new org.taskdesk.ui.common.DirectBackgroundTasks();
        UndoManager undo = new UndoManager(background, changes -> { }, e -> { });
        List<String> undone = new ArrayList<>();
        TaskCommand delete = alone("Delete 1 task", undone);
        TaskCommand edit = named("Edit");
        undo.execute(edit, () -> { });
        undo.execute(delete, () -> { });
        TaskCommand later = named("Complete 1 task");
        undo.execute(later, () -> { });

        assertThat(undo.canUndo(edit).get()).as("not the latest and not alone: out of turn it could clash").isFalse();
        assertThat(undo.canUndo(delete).get()).isTrue();
        undo.undo(delete);
        undo.undo(delete);

        assertThat(undone).containsExactly("Delete 1 task");
        assertThat(undo.canUndo(delete).get()).isFalse();
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Complete 1 task");
        assertThat(undo.redoDescriptionProperty().get()).isEqualTo("Redo Delete 1 task");
        undo.undo(edit); // not the latest: nothing happens
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Complete 1 task");
    }
}
