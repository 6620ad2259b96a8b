package org.taskdesk.persistence.tasks;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.sync.SyncJournal;
import org.taskdesk.tasks.TaskRepository;
import org.taskdesk.tasks.TaskStorage;

/**
 * The task services' {@link TaskStorage} on Hibernate: the one public class of this package, for the composition root.
 * The entities, the mapping and the queries stay package-private behind it.
 */
public final class HibernateTaskStorage implements TaskStorage {
    /** The entity classes of tasks and saved searches, for Hibernate's list of mapped classes. */
    public static final List<Class<?>> ENTITIES = List.of(TaskEntity.class, TaskCompletionEntity.class,
            SavedSearchEntity.class);

    private final Transactions transactions;
    private final TaskMapper mapper;
    private final SyncJournal journal;

    /** {@code zone} is the person's: due times are entered and shown in it, and stored in UTC. */
    public HibernateTaskStorage(Transactions transactions, ZoneId zone) {
        this(transactions, zone, SyncJournal.onReplica(Clock.system(zone)));
    }

    /** {@code journal} records each change for sync: {@link SyncJournal#OFF} on a shared server. */
    public HibernateTaskStorage(Transactions transactions, ZoneId zone, SyncJournal journal) {
        this.transactions = transactions;
        this.mapper = new TaskMapper(zone);
        this.journal = journal;
    }

    @Override
    public <T> T inOneTransaction(int ownerId, String sessionToken, Function<TaskRepository, T> changes) {
        return transactions.asUser(sessionToken,
                session -> changes.apply(new HibernateTaskRepository(session, ownerId, mapper, journal)));
    }
}
