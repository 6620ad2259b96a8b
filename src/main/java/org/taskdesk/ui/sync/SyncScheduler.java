package org.taskdesk.ui.sync;

import java.time.Duration;
import java.util.List;

/**
 * When the app syncs (ADR 0028): one round at start, one a few seconds after the last local change, one every few
 * minutes, and after a failed round retries that wait longer each time (5 s, 15 s, 1 min, then every 5 min), until
 * one goes through: that is how the app notices the network is back. "Sync now" runs a round at once.
 *
 * <p>Everything runs on the one thread of its {@link Timer}, the rounds and this class's own bookkeeping alike, so
 * rounds never overlap and nothing here needs a lock. The JavaFX thread only hands requests over. Needs no JavaFX:
 * tests drive it with a timer of their own.
 */
public final class SyncScheduler {
    static final Duration AFTER_CHANGE = Duration.ofSeconds(3);
    static final Duration EVERY = Duration.ofMinutes(5);
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofMinutes(1), Duration.ofMinutes(5));

    /** One sync round; throws when it failed (then the next is a retry). */
    public interface Round {
        /** @param allowDeletes whether a pull may delete many tasks without asking (the person said yes) */
        void run(boolean allowDeletes) throws Exception;
    }

    /** Runs work later on one thread of its own, in order. */
    public interface Timer {
        /** Runs {@code work} after {@code delay}; the returned action cancels it if it has not started. */
        Runnable schedule(Runnable work, Duration delay);

        /** Drops what is scheduled; lets the work under way finish. */
        void shutdown();

        /** Waits at most {@code limit} for the work under way; false if it is still running. */
        boolean awaitStopped(Duration limit) throws InterruptedException;
    }

    private final Timer timer;
    private final Round round;
    /** Cancels the next round scheduled; touched on the timer's thread only. */
    private Runnable cancelNext = () -> { };
    /** Failed rounds in a row; touched on the timer's thread only. */
    private int failures;
    private volatile boolean stopped;

    public SyncScheduler(Timer timer, Round round) {
        this.timer = timer;
        this.round = round;
    }

    /** The first round, at once. */
    public void start() {
        onTimer(() -> runRound(false));
    }

    /**
     * Something changed here: a round in a few seconds, counted from the last change (a burst of edits makes one
     * round). While retrying after failures the retry's time stands: the change waits in the outbox meanwhile.
     */
    public void changed() {
        onTimer(() -> {
            if (failures == 0) {
                next(AFTER_CHANGE);
            }
        });
    }

    /** A round now, whatever is scheduled: the person asked ("Sync now", "Try again"). */
    public void syncNow() {
        onTimer(() -> runRound(false));
    }

    /** A round now in which the pull may delete many tasks: the person said yes to that. */
    public void syncAllowingDeletes() {
        onTimer(() -> runRound(true));
    }

    /** Runs {@code work} on the sync thread, between rounds (the replica's local calls, e.g. restoring a conflict). */
    public void onSyncThread(Runnable work) {
        onTimer(work);
    }

    /** No more rounds; a round under way finishes ({@link #awaitStopped}). */
    public void stop() {
        stopped = true;
        timer.shutdown();
    }

    /** Waits, at most {@code limit}, for a round under way after {@link #stop}: before the database closes. */
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        return timer.awaitStopped(limit);
    }

    private void onTimer(Runnable work) {
        if (!stopped) {
            timer.schedule(() -> {
                if (!stopped) {
                    work.run();
                }
            }, Duration.ZERO);
        }
    }

    private void runRound(boolean allowDeletes) {
        cancelNext.run();
        try {
            round.run(allowDeletes);
            failures = 0;
            next(EVERY);
        } catch (Exception e) {
            // The round said why (the status bar shows it); the outbox keeps every edit for the retry.
            next(RETRIES.get(Math.min(failures, RETRIES.size() - 1)));
            failures++;
        }
    }

    private void next(Duration delay) {
        cancelNext.run();
        if (!stopped) {
            cancelNext = timer.schedule(() -> {
                if (!stopped) {
                    runRound(false);
                }
            }, delay);
        }
    }
}
