package org.taskdesk.ui.tasks.undo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.taskdesk.ui.common.BackgroundTasks;

/** The undo history when commands overlap: replies come later, in the order the test chooses. */
class UndoManagerTest {
    /** Holds each piece of work until the test lets it reply. */
    private static final class HeldBackground implements BackgroundTasks {
        final Deque<Runnable> replies = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            replies.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        @Override
        public void onUiThread(Runnable update) {
            update.run();
        }

        void replyNext() {
            replies.removeFirst().run();
        }
    }

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
        HeldBackground background = new HeldBackground();
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
