package org.taskdesk.ui.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.sync.SyncLink;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.sync.SyncService;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.Messages;

/**
 * Sync in the main window, for the signed-in person: runs the rounds that {@link SyncScheduler} decides, on its
 * thread, and tells the status bar how each went. Works for any local file whose account is linked, however it got
 * linked (Settings, the command line): every round first looks whether the account is linked, a local read.
 * Every call on the replica goes through the sync thread, one at a time.
 */
public final class AppSync {
    private static final Logger LOG = LoggerFactory.getLogger(AppSync.class);
    /** How long closing the window waits for a round under way (a server that does not answer times out sooner). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final SyncService service;
    private final UserSession user;
    private final BackgroundTasks ui;
    private final Clock clock;
    private final SyncScheduler scheduler;
    private final SyncStatusViewModel status;
    private final List<Runnable> afterPull = new ArrayList<>();
    private final List<Runnable> afterRound = new ArrayList<>();
    private final DialogService dialogs;
    /** True while the person is being asked whether a pull may delete many tasks (JavaFX thread). */
    private boolean asking;

    /**
     * @param ui      where the results go back to the JavaFX thread ({@link BackgroundTasks#onUiThread})
     * @param dialogs asks before a pull deletes many tasks
     */
    public AppSync(SyncService service, UserSession user, SyncScheduler.Timer timer, BackgroundTasks ui,
                   DialogService dialogs, Clock clock) {
        this.service = service;
        this.dialogs = dialogs;
        this.user = user;
        this.ui = ui;
        this.clock = clock;
        this.status = new SyncStatusViewModel(clock);
        this.scheduler = new SyncScheduler(timer, this::round);
    }

    public SyncStatusViewModel status() {
        return status;
    }

    /** Runs {@code reload} (on the JavaFX thread) after a round that changed tasks here. */
    public void afterPull(Runnable reload) {
        afterPull.add(reload);
    }

    /** Runs {@code listener} (on the JavaFX thread) after every round, whatever its outcome. */
    public void afterRound(Runnable listener) {
        afterRound.add(listener);
    }

    /** The signed-in person whose account syncs. */
    public UserSession user() {
        return user;
    }

    /**
     * Runs {@code work} with the sync service on the sync thread, between rounds (the replica is used by one thread
     * at a time), and hands its result or failure back on the JavaFX thread.
     */
    public <T> void run(SyncWork<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        scheduler.onSyncThread(() -> {
            try {
                T result = work.run(service, user);
                ui.onUiThread(() -> onSuccess.accept(result));
            } catch (RuntimeException e) {
                LOG.debug("Sync work failed", e);
                ui.onUiThread(() -> onFailure.accept(e));
            }
        });
    }

    /** Something to do with the sync service for the signed-in person. */
    public interface SyncWork<T> {
        T run(SyncService service, UserSession user);
    }

    public void start() {
        scheduler.start();
    }

    /** A task was changed here. */
    public void changed() {
        scheduler.changed();
    }

    public void syncNow() {
        scheduler.syncNow();
    }

    /** No more rounds, and waits (at most 15 s) for one under way: call off the JavaFX thread, before closing. */
    public void stopAndWait() {
        scheduler.stop();
        try {
            if (!scheduler.awaitStopped(STOP_WAIT)) {
                LOG.warn("A sync round was still running when the window closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops scheduling rounds (on the JavaFX thread); {@link #stopAndWait} then waits for the last. */
    public void stop() {
        scheduler.stop();
    }

    private void round(boolean allowDeletes) {
        if (service.status(user).isEmpty()) {
            ui.onUiThread(() -> {
                status.notLinked();
                afterRound.forEach(Runnable::run);
            });
            return;
        }
        ui.onUiThread(status::syncing);
        SyncRound done;
        try {
            done = service.sync(user, allowDeletes);
        } catch (RuntimeException e) {
            int waiting = waiting();
            ui.onUiThread(() -> {
                status.failed(e, waiting);
                afterRound.forEach(Runnable::run);
            });
            throw e;
        }
        if (done.deletesHeld()) {
            ui.onUiThread(() -> {
                status.deletesHeld(done.wouldDelete(), done.tasksHere());
                afterRound.forEach(Runnable::run);
                askToDelete(done);
            });
            return;
        }
        Instant at = clock.instant();
        ui.onUiThread(() -> {
            status.synced(at);
            if (done.pulled() > 0) {
                afterPull.forEach(Runnable::run);
            }
            afterRound.forEach(Runnable::run);
        });
    }

    /** The pull stopped before deleting many tasks here: asks once; a yes runs the round that deletes them. */
    private void askToDelete(SyncRound held) {
        if (asking) {
            return;
        }
        asking = true;
        boolean yes = dialogs.confirm(Messages.format("sync.deletes.headline", held.wouldDelete(), held.tasksHere()),
                Messages.text("sync.deletes.question"));
        asking = false;
        if (yes) {
            scheduler.syncAllowingDeletes();
        }
    }

    /** Changes waiting to be pushed, for "5 changes waiting"; 0 if even the local file cannot say. */
    private int waiting() {
        try {
            return service.status(user).map(SyncLink::waiting).orElse(0);
        } catch (RuntimeException e) {
            LOG.debug("Could not count the changes waiting", e);
            return 0;
        }
    }
}
