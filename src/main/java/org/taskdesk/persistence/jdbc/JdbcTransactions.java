package org.taskdesk.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * Runs work in one transaction on one plain JDBC connection: committed when the work returns, rolled back when it
 * throws. The command line's way to a local file: a command reads or changes a handful of rows, and building
 * Hibernate for that cost it more than the rest of the command together (ADR 0017). Database failures come out as
 * {@link TaskDeskException}s with a sentence for people, as {@code Transactions} does for Hibernate.
 */
public final class JdbcTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final Connection connection;
    private final DatabaseTarget target;

    /** Over {@code connection}, which the caller keeps open for as long as these are used and closes itself. */
    public JdbcTransactions(Connection connection, DatabaseTarget target) {
        this.connection = connection;
        this.target = target;
    }

    public <T> T inTransaction(Function<Connection, T> work) {
        boolean committing = false;
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                committing = true;
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                if (!committing) {
                    rollBack(e);
                }
                throw e;
            }
        } catch (TaskDeskException e) {
            throw e;
        } catch (SqlFailure e) {
            throw failed(e.getCause(), committing);
        } catch (SQLException e) {
            throw failed(e, committing);
        }
    }

    private TaskDeskException failed(SQLException e, boolean committing) {
        return DatabaseErrors.failed(target, "save the change", e,
                committing ? DatabaseErrors.MAYBE_SAVED : DatabaseErrors.NOTHING_CHANGED);
    }

    private void rollBack(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rolling back after a failure failed as well", e);
            failure.addSuppressed(e);
        }
    }

    /**
     * An {@link SQLException} carried out of a repository method, whose interface cannot declare it; the transaction
     * turns it back into a sentence for people.
     */
    public static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SqlFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
