package org.taskdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.workspace.Workspace;

/**
 * The chosen database being opened (migrated, Hibernate started) on a thread of its own from the moment the program
 * starts, while JavaFX starts and the window is built: these ran one after the other before (ADR 0027). The start-up
 * view then takes the result as if it had opened the database itself: its migration steps are handed on, its failure
 * is thrown to it, and "Try again" opens afresh.
 */
final class EarlyOpening {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyOpening.class);

    private final DatabaseTarget target;
    private final CompletableFuture<Workspace> result = new CompletableFuture<>();
    /** Steps made before the start-up view asked for them; then the view's consumer. */
    private final List<MigrationStep> stepsSoFar = new ArrayList<>();
    private Consumer<MigrationStep> progress;
    private boolean taken;

    private EarlyOpening(DatabaseTarget target) {
        this.target = target;
    }

    /** Starts {@code open} on a daemon thread of its own; it gets the consumer of its migration steps. */
    static EarlyOpening start(DatabaseTarget target, Function<Consumer<MigrationStep>, Workspace> open) {
        EarlyOpening opening = new EarlyOpening(target);
        Thread thread = new Thread(() -> {
            try {
                opening.result.complete(open.apply(opening::step));
            } catch (RuntimeException | Error e) {
                opening.result.completeExceptionally(e);
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
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Nobody will take the workspace (another database was chosen, or the window closed first): closes it when open. */
    void abandon() {
        synchronized (this) {
            if (taken) {
                return;
            }
            taken = true;
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
