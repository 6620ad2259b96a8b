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
}
