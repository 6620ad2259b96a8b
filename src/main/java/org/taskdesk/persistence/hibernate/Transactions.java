package org.taskdesk.persistence.hibernate;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * Runs work in one Hibernate transaction: committed when the work returns, rolled back when it throws. Database
 * failures come out as {@link TaskDeskException}s with a sentence for people; TaskDesk's own exceptions pass through.
 * When the server stops answering, the sentence says whether the change can have been saved: certainly not before
 * the commit was sent, perhaps once it was.
 */
public final class Transactions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final SessionFactory factory;
    private final DatabaseTarget target;
    private final DatabaseKind kind;

    public Transactions(SessionFactory factory, DatabaseTarget target) {
        this.factory = factory;
        this.target = target;
        this.kind = target.kind();
    }

    /**
     * Runs work for the person whose session token this is. On PostgreSQL the token goes to the connection for
     * this transaction only ({@code set_config(…, true)}), where row-level security reads it, and is gone when
     * the connection returns to a pool. On H2 the services' own scoping is the only one.
     */
    public <T> T asUser(String token, Function<Session, T> work) {
        return inTransaction(session -> {
            if (kind == DatabaseKind.POSTGRESQL) {
                session.createNativeQuery("select set_config('app.session_token', :token, true)", String.class)
                        .setParameter("token", token == null ? "" : token).getSingleResult();
            }
            return work.apply(session);
        });
    }

    public <T> T inTransaction(Function<Session, T> work) {
        boolean committing = false;
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.apply(session);
                // Everything but the commit itself goes to the server first, so that a failure up to here
                // certainly left nothing behind.
                session.flush();
                committing = true;
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                if (!committing) {
                    rollBack(transaction, e);
                }
                throw e;
            }
        } catch (TaskDeskException e) {
            throw e;
        } catch (PersistenceException e) {
            DatabaseErrors.diskFull(target, e).ifPresent(full -> {
                throw full;
            });
            String outcome = committing ? DatabaseErrors.MAYBE_SAVED : DatabaseErrors.NOTHING_CHANGED;
            TaskDeskException silent = DatabaseErrors.notAnswering(target, e, outcome).orElse(null);
            if (silent != null) {
                throw silent;
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (kind == DatabaseKind.POSTGRESQL && root instanceof SQLException sql
                    && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                // A server set up by an older TaskDesk lacks a right this one uses (undoing a completion deletes
                // its history row): only the owner can grant it, by running the set-up again.
                throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The server " + target.displayName()
                        + " does not allow this yet (" + DatabaseErrors.firstLine(root) + "): ask its owner to run "
                        + "'taskdesk server setup' again; nothing was changed.", e);
            }
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database refused the change: " + DatabaseErrors.firstLine(root) + ".", e);
        }
    }

    /** Rolls back after a failure; on a connection that is gone that fails too, which changes nothing. */
    private static void rollBack(Transaction transaction, RuntimeException failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            LOG.debug("Rolling back after a failure failed as well", e);
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
