package org.taskdesk.ui.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sync's one thread ("taskdesk-sync"), a daemon: never the JavaFX thread, never the one that saves edits. */
public final class ExecutorTimer implements SyncScheduler.Timer {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTimer.class);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "taskdesk-sync");
        thread.setDaemon(true);
        return thread;
    });

    public ExecutorTimer() {
        // On shutdown the rounds scheduled for later are dropped, not run.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Runnable schedule(Runnable work, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Sync work failed", e); // the thread must survive for the next round
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { }; // stopped meanwhile
        }
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        return executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
