package org.taskdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the desktop app runs anything that may block (the database, files, the network): never on the JavaFX
 * thread. The callbacks run back on the JavaFX thread. Tests use {@link DirectBackgroundTasks}, which runs
 * everything at once on the caller's thread, so view models are tested without timing games.
 */
public interface BackgroundTasks {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code update} on the JavaFX thread: for progress reported from inside background work. */
    void onUiThread(Runnable update);
}
