package org.taskdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Holds each piece of work until the test lets it run and reply, in the order the test chooses: for view models whose
 * behaviour depends on replies arriving late or overlapping. Work that is not held runs at once, as
 * {@link DirectBackgroundTasks} runs it.
 */
public final class HeldBackgroundTasks implements BackgroundTasks {
    private final DirectBackgroundTasks direct = new DirectBackgroundTasks();
    /** Each held work: running it gives its reply, which is delivered separately. */
    private final Deque<Supplier<Runnable>> held = new ArrayDeque<>();
    private boolean holding;

    /** Holds every piece of work from the start. */
    public HeldBackgroundTasks() {
        this(true);
    }

    private HeldBackgroundTasks(boolean holding) {
        this.holding = holding;
    }

    /** Runs work at once until {@link #hold()}. */
    public static HeldBackgroundTasks runningUntilHeld() {
        return new HeldBackgroundTasks(false);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (!holding) {
            direct.run(work, onSuccess, onFailure);
            return;
        }
        held.add(() -> {
            try {
                T result = work.call();
                return () -> onSuccess.accept(result);
            } catch (Exception e) {
                return () -> onFailure.accept(e);
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        direct.onUiThread(update);
    }

    /** From now on, work waits for the test. */
    public void hold() {
        holding = true;
    }

    /**
     * Runs all held work in order, then delivers its replies, as when the JavaFX thread is slower than the
     * database; work after this runs at once again.
     */
    public void release() {
        holding = false;
        List<Runnable> replies = held.stream().map(Supplier::get).toList();
        held.clear();
        replies.forEach(Runnable::run);
    }

    /** Runs the oldest held work and delivers its reply. */
    public void replyNext() {
        held.removeFirst().get().run();
    }

    /** Runs every held work, oldest first, each with its reply, including work that a reply starts. */
    public void replyAll() {
        while (!held.isEmpty()) {
            replyNext();
        }
    }

    public int waiting() {
        return held.size();
    }
}
