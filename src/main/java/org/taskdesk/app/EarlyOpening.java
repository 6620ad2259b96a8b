package org.taskdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.workspace.Workspace;

/**
 * The chosen database being opened on a thread of its own as soon as the window's first frame is on screen, while the
 * start-up view waits: these ran one after the other before (ADR 0027). Not earlier: opening beside JavaFX's own start
 * took the two cores from it and drew the first frame twice as late as a bare window (ADR 0034). The start-up view
 * then takes the result as if it had opened the database itself: its migration steps are handed on, its failure is
 * thrown to it, and "Try again" opens afresh. The same thread then goes on with what the first screen needs.
 */
final class EarlyOpening {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyOpening.class);

    private final DatabaseTarget target;
    private final CompletableFuture<Workspace> result = new CompletableFuture<>();
    /** Steps made before the start-up view asked for them; then the view's consumer. */
    private final List<MigrationStep> stepsSoFar = new ArrayList<>();
    private Consumer<MigrationStep> progress;
    private boolean taken;
    /** Set when nobody will take the workspace: what would follow the opening is not done either. */
    private volatile boolean abandoned;

    private EarlyOpening(DatabaseTarget target) {
        this.target = target;
    }

    /** Starts {@code open} on a daemon thread of its own at once; it gets the consumer of its migration steps. */
    static EarlyOpening start(DatabaseTarget target, Function<Consumer<MigrationStep>, Workspace> open) {
        return start(target, CompletableFuture.completedFuture(null), open, workspace -> { });
    }

    /**
     * Starts a daemon thread of its own that waits for {@code mayBegin}, then runs {@code open} (which gets the
     * consumer of its migration steps), hands its workspace to whoever takes it, and then, on the same thread, runs
     * {@code then} with that workspace (not when opening failed).
     */
    static EarlyOpening start(DatabaseTarget target, CompletionStage<?> mayBegin,
                              Function<Consumer<MigrationStep>, Workspace> open, Consumer<Workspace> then) {
        EarlyOpening opening = new EarlyOpening(target);
        Thread thread = new Thread(() -> {
            Workspace workspace;
            try {
                mayBegin.toCompletableFuture().join();
                workspace = open.apply(opening::step);
            } catch (RuntimeException | Error e) {
                opening.result.completeExceptionally(e);
                return;
            }
            opening.result.complete(workspace);
            if (!opening.abandoned) {
                then.accept(workspace);
            }
        }, "taskdesk-opening");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    DatabaseTarget target() {
        return target;
    }

    private synchronized void step(MigrationStep step) {
        if (progress == null) {
            stepsSoFar.add(step);
        } else {
            progress.accept(step);
        }
    }

    /**
     * Waits for the workspace; {@code steps} gets the migration steps made so far at once, then the rest as they
     * come. Once only: the workspace then belongs to the caller.
     *
     * @throws RuntimeException what opening threw, as it threw it
     */
    Workspace take(Consumer<MigrationStep> steps) {
        synchronized (this) {
            if (taken) {
                throw new IllegalStateException("The database opened at start-up was already taken");
            }
            taken = true;
            stepsSoFar.forEach(steps);
            stepsSoFar.clear();
            progress = steps;
        }
        return Futures.join(result);
    }

    /** Nobody will take the workspace (another database was chosen, or the window closed first): closes it when open. */
    void abandon() {
        synchronized (this) {
            if (taken) {
                return;
            }
            taken = true;
            abandoned = true;
        }
        result.whenComplete((workspace, failure) -> {
            if (workspace != null) {
                workspace.close();
            } else {
                LOG.debug("The database opened at start-up failed and was not needed", failure);
            }
        });
    }
}
