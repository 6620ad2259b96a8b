package org.taskdesk.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.AccountChanges;
import org.taskdesk.accounts.AccountStore;
import org.taskdesk.tasks.SavedSearchRepository;
import org.taskdesk.tasks.SavedSearchStorage;
import org.taskdesk.tasks.TaskRepository;
import org.taskdesk.tasks.TaskStorage;

/**
 * The window's storages on a local file: plain SQL on a connection of its own from the moment the file is migrated,
 * then Hibernate's once Hibernate has started on a thread of its own (ADR 0027). The first screen (the remembered
 * session, the task list) is read in plain SQL while Hibernate starts, instead of after it.
 *
 * <p>Nothing is lost or refused meanwhile: tasks and accounts are stored in plain SQL until the hand-over, exactly as
 * Hibernate stores them (the command line's storage, ADR 0017), one call at a time; saved searches have no plain-SQL
 * storage and wait for Hibernate, on the window's one background thread, so whatever the window asks after them
 * queues behind them. The hand-over waits for a plain-SQL call in progress, then closes that connection.
 */
final class HibernateHandover implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HibernateHandover.class);

    /** What the services store through, before and after the hand-over. */
    record Storages(TaskStorage tasks, AccountStore accounts, SavedSearchStorage savedSearches, AutoCloseable held) {
    }

    private final Storages plainSql;
    private final CompletableFuture<Storages> hibernate = new CompletableFuture<>();
    /** Held by each plain-SQL call and by the hand-over: the plain-SQL connection serves one call at a time. */
    private final Object plainSqlInUse = new Object();
    private volatile Storages ready;
    private boolean closed;

    private HibernateHandover(Storages plainSql) {
        this.plainSql = plainSql;
    }

    /**
     * Works over {@code plainSql} (its saved searches are not used) until {@code startHibernate}, run by {@code thread},
     * returns; then over what it returned. {@code started} is told once the hand-over is made.
     */
    static HibernateHandover start(Storages plainSql, Supplier<Storages> startHibernate, Executor thread,
                                   Runnable started) {
        HibernateHandover handover = new HibernateHandover(plainSql);
        thread.execute(() -> handover.handOver(startHibernate, started));
        return handover;
    }

    /** A daemon thread of its own for Hibernate's start. */
    static Executor ownThread() {
        return work -> {
            Thread thread = new Thread(work, "taskdesk-hibernate");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private void handOver(Supplier<Storages> startHibernate, Runnable started) {
        Storages onHibernate;
        try {
            onHibernate = startHibernate.get();
        } catch (RuntimeException | Error e) {
            // Tasks and accounts stay on plain SQL, which stores the same; saved searches report this failure.
            LOG.error("Hibernate did not start; the window keeps working in plain SQL without saved searches", e);
            hibernate.completeExceptionally(e);
            return;
        }
        synchronized (plainSqlInUse) {
            if (!closed) {
                ready = onHibernate;
                closeQuietly(plainSql.held());
            }
        }
        hibernate.complete(onHibernate); // after 'ready': a saved search waiting for it then finds everything on Hibernate
        started.run();
    }

    TaskStorage tasks() {
        return new TaskStorage() {
            @Override
            public <T> T inOneTransaction(int ownerId, String sessionToken, Function<TaskRepository, T> changes) {
                return use(storages -> storages.tasks().inOneTransaction(ownerId, sessionToken, changes));
            }
        };
    }

    AccountStore accounts() {
        return new AccountStore() {
            @Override
            public <T> T inOneTransaction(Function<AccountChanges, T> work) {
                return use(storages -> storages.accounts().inOneTransaction(work));
            }
        };
    }

    /** Saved searches wait for Hibernate (outside the plain-SQL lock, which the hand-over needs). */
    SavedSearchStorage savedSearches() {
        return new SavedSearchStorage() {
            @Override
            public <T> T inOneTransaction(int ownerId, String sessionToken, Function<SavedSearchRepository, T> changes) {
                return hibernate().savedSearches().inOneTransaction(ownerId, sessionToken, changes);
            }
        };
    }

    /** True once the storages are Hibernate's. */
    boolean handedOver() {
        return ready != null;
    }

    private Storages hibernate() {
        return Futures.join(hibernate);
    }

    private <T> T use(Function<Storages, T> call) {
        Storages now = ready;
        if (now != null) {
            return call.apply(now);
        }
        synchronized (plainSqlInUse) {
            now = ready;
            return call.apply(now != null ? now : plainSql);
        }
    }

    /** Closes both sides; waits for Hibernate's start to end first, so that nothing holds the file afterwards. */
    @Override
    public void close() {
        synchronized (plainSqlInUse) {
            if (closed) {
                return;
            }
            closed = true;
            if (ready == null) {
                closeQuietly(plainSql.held());
            }
        }
        try {
            closeQuietly(hibernate.join().held());
        } catch (CompletionException e) {
            LOG.debug("Hibernate had not started; nothing of it to close", e);
        }
    }

    private static void closeQuietly(AutoCloseable held) {
        try {
            held.close();
        } catch (Exception e) {
            LOG.warn("Closing a connection of the window's storages did not finish cleanly", e);
        }
    }
}
