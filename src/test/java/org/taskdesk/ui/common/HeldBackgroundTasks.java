package org.taskdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds each piece of work until the test lets it run and reply, in the order the test chooses: for view models whose
 * behaviour depends on replies arriving late or overlapping. Each reply runs exactly as {@link DirectBackgroundTasks}
 * would run it.
 */
public final class HeldBackgroundTasks implements BackgroundTasks {
    private final DirectBackgroundTasks direct = new DirectBackgroundTasks();
    private final Deque<Runnable> replies = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        replies.add(() -> direct.run(work, onSuccess, onFailure));
    }

    @Override
    public void onUiThread(Runnable update) {
        direct.onUiThread(update);
    }

    /** Runs the oldest held work and delivers its reply. */
    public void replyNext() {
        replies.removeFirst().run();
    }

    /** Runs every held work, oldest first, including work that a reply starts. */
    public void replyAll() {
        while (!replies.isEmpty()) {
            replyNext();
        }
    }

    public int waiting() {
        return replies.size();
    }
}
