package org.taskdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread for all database work, in order: edits reach the database in the order people made them.
 * Results and failures return to the JavaFX thread.
 */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundTasks.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "taskdesk-background");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception | Error e) {
                    LOG.debug("Background work failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed, possibly by another thread between any check and this call: the work is dropped.
            LOG.debug("Ignoring background work after close");
        }
    }

    @Override
    public void onUiThread(Runnable update) {
        Platform.runLater(update);
    }

    /** Lets queued work (such as closing the database) finish, for a few seconds at most, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit; stopping it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
