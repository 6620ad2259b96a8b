package org.taskdesk.persistence.tasks;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;
import org.taskdesk.persistence.jdbc.JdbcTransactions;
import org.taskdesk.persistence.sync.SyncJournal;
import org.taskdesk.tasks.TaskRepository;
import org.taskdesk.tasks.TaskStorage;

/**
 * The task services' {@link TaskStorage} in plain SQL on a local file: what the command line uses, so that a command
 * does not build Hibernate to read twenty rows (ADR 0017). The desktop app and shared servers keep
 * {@link HibernateTaskStorage}; both go through the same mapping of rows to tasks.
 */
public final class JdbcTaskStorage implements TaskStorage {
    private final JdbcTransactions transactions;
    private final TaskMapper mapper;
    private final SyncJournal journal;

    /** {@code zone} is the person's: due times are entered and shown in it, and stored in UTC. */
    public JdbcTaskStorage(JdbcTransactions transactions, ZoneId zone) {
        this(transactions, zone, SyncJournal.onReplica(Clock.system(zone)));
    }

    /** {@code journal} records each change for sync, in the transaction of the change. */
    public JdbcTaskStorage(JdbcTransactions transactions, ZoneId zone, SyncJournal journal) {
        this.transactions = transactions;
        this.mapper = new TaskMapper(zone);
        this.journal = journal;
    }

    /** On a local file the services' own scoping to {@code ownerId} is the only one: the token is not needed. */
    @Override
    public <T> T inOneTransaction(int ownerId, String sessionToken, Function<TaskRepository, T> changes) {
        return transactions.inTransaction(connection -> changes.apply(new JdbcTaskRepository(connection, ownerId, mapper, journal)));
    }
}
