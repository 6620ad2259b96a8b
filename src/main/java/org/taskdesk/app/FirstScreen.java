package org.taskdesk.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.workspace.Workspace;

/**
 * What the first screen shows, read on the opening thread right after the database opened at start-up (ADR 0034): the
 * remembered session resumed, then that person's tasks. The window takes each once, instead of asking its own
 * background thread for them after the start-up view, and builds its views meanwhile.
 */
final class FirstScreen {
    private static final Logger LOG = LoggerFactory.getLogger(FirstScreen.class);

    private final CompletableFuture<Optional<UserSession>> session = new CompletableFuture<>();
    private final CompletableFuture<List<Task>> tasks = new CompletableFuture<>();
    private boolean tasksTaken;

    /**
     * Resumes the session remembered under the token {@code token} gives (none: the sign-in form follows), then reads
     * its tasks, on the calling thread; each is available as soon as it is done. Never throws: a failure is the
     * window's to report, as when it read them itself.
     *
     * @return whether the task list follows (a session was resumed and its tasks read), rather than the sign-in form
     */
    boolean read(Workspace workspace, Supplier<Optional<String>> token, StartupProbe probe) {
        Optional<UserSession> user;
        try {
            user = token.get().flatMap(workspace.accounts()::resume);
        } catch (RuntimeException | Error e) {
            session.completeExceptionally(e);
            tasks.completeExceptionally(e);
            return false;
        }
        session.complete(user);
        if (user.isEmpty()) {
            tasks.complete(List.of());
            return false;
        }
        try {
            long began = System.nanoTime();
            List<Task> read = workspace.tasks().list(user.get(), TaskQuery.of("")).tasks();
            LOG.info("Read {} tasks for the first screen in {} ms", read.size(), (System.nanoTime() - began) / 1_000_000);
            probe.reached("first tasks read");
            tasks.complete(read);
            return true;
        } catch (RuntimeException | Error e) {
            tasks.completeExceptionally(e);
            return true; // the window reads them again, and shows the list or what went wrong
        }
    }

    /** Waits for the remembered session (empty when there is none); throws what resuming it threw. */
    Optional<UserSession> session() {
        return Futures.join(session);
    }

    /**
     * {@code user}'s tasks as read at start-up, once; empty when they were read for someone else, were taken already
     * or could not be read (the caller then reads them itself and reports a failure as it would).
     */
    synchronized Optional<List<Task>> tasksOf(UserSession user) {
        if (tasksTaken || !session.isDone() || session.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Optional<UserSession> resumed = session.join();
        if (resumed.isEmpty() || !resumed.get().token().equals(user.token())) {
            return Optional.empty();
        }
        tasksTaken = true;
        try {
            List<Task> read = tasks.join();
            tasks.obtrudeValue(List.of()); // the window holds them now; not kept here after it let them go
            return Optional.of(read);
        } catch (CompletionException e) {
            LOG.debug("The first screen's tasks could not be read at start-up; reading them again", e);
            return Optional.empty();
        }
    }
}
