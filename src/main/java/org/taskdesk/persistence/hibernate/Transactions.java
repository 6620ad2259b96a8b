package org.taskdesk.persistence.hibernate;

import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * Runs work in one Hibernate transaction: committed when the work returns, rolled back when it throws. Database
 * failures come out as {@link TaskDeskException}s with a sentence for people; TaskDesk's own exceptions pass through.
 */
public final class Transactions implements AutoCloseable {
    private final SessionFactory factory;
    private final DatabaseKind kind;
    /** The database, to name it when its disk is full; null where it is not known. */
    private final DatabaseTarget target;

    public Transactions(SessionFactory factory, DatabaseTarget target) {
        this.factory = factory;
        this.kind = target.kind();
        this.target = target;
    }

    /** Without the target: a full disk is then reported without naming its folder. */
    public Transactions(SessionFactory factory, DatabaseKind kind) {
        this.factory = factory;
        this.kind = kind;
        this.target = null;
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
        try {
            return factory.fromTransaction(work);
        } catch (TaskDeskException e) {
            throw e;
        } catch (PersistenceException e) {
            if (target != null) {
                DatabaseErrors.diskFull(target, e).ifPresent(full -> {
                    throw full;
                });
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database refused the change: " + DatabaseErrors.firstLine(root) + ".", e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
