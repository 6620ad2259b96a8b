package org.taskdesk.app;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.LocalAccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.SharedServerAccountService;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.persistence.accounts.AccountStorage;
import org.taskdesk.persistence.database.ConnectionPool;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.mapping.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.jdbc.JdbcTransactions;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.server.SharedServerAccounts;
import org.taskdesk.persistence.sync.JdbcReplica;
import org.taskdesk.persistence.sync.SyncJournal;
import org.taskdesk.sync.Replica;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.tasks.HibernateSavedSearchStorage;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;
import org.taskdesk.persistence.tasks.JdbcTaskStorage;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskStorage;
import org.taskdesk.transfer.TransferService;
import org.taskdesk.workspace.Workspace;

/**
 * Opens a database for use: the one start-up path of the desktop app and the task commands. A local file is
 * migrated to head (with its backup copy); a server database must already be at head. Then Hibernate checks its
 * mapping against the schema, and the services are built over it.
 */
final class OpenedWorkspace implements Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(OpenedWorkspace.class);

    private final DatabaseConnections connections;
    private final AccountService accounts;
    private final TaskService tasks;
    private final StatisticsService statistics;
    /** Null on the command line's plain-SQL workspace: only the window shows saved searches. */
    private final SavedSearchService savedSearches;
    private final TransferService transfer;
    /** Null on a shared server, which is no replica. */
    private final Replica replica;
    /**
     * What keeps the database cheap to use while the workspace is open, closed with it (after Hibernate, if any). A
     * local file: one idle connection, since H2 closes a database with its last connection and may spend up to 200 ms
     * compacting the file each time (and it keeps the file locked against other programs throughout). A shared
     * server: a small pool for Hibernate, since each new connection there is a TLS and password exchange.
     */
    private final AutoCloseable held;

    private OpenedWorkspace(DatabaseConnections connections, AccountService accounts, TaskStorage storage,
                            SavedSearchService savedSearches, Clock clock, AutoCloseable held, Replica replica) {
        this.connections = connections;
        this.replica = replica;
        this.held = held;
        this.accounts = accounts;
        this.tasks = new TaskService(storage, clock);
        this.statistics = new StatisticsService(storage, clock);
        this.savedSearches = savedSearches;
        this.transfer = new TransferService(storage, clock);
    }

    /** Over Hibernate: on a shared server the accounts go through the server's functions. */
    private static OpenedWorkspace overHibernate(DatabaseConnections connections, SessionFactory factory,
                                                 Passwords passwords, Clock clock, AutoCloseable held,
                                                 Replica replica) {
        Transactions transactions = new Transactions(factory, connections.target());
        // On a shared server the client login cannot read users: accounts go through the server's functions, on
        // fresh connections of their own (they set the session token for the whole connection).
        AccountService accounts = connections.target().kind() == DatabaseKind.POSTGRESQL
                ? new SharedServerAccountService(SharedServerAccounts.over(connections), passwords)
                : new LocalAccountService(AccountStorage.local(transactions), passwords, clock);
        // A local file becomes a replica when its account is linked; a shared server's own triggers do that part.
        SyncJournal journal = connections.target().kind() == DatabaseKind.H2 ? SyncJournal.onReplica(clock) : SyncJournal.OFF;
        return new OpenedWorkspace(connections, accounts, new HibernateTaskStorage(transactions, clock.getZone(), journal),
                new SavedSearchService(new HibernateSavedSearchStorage(transactions), clock), clock, () -> {
                    try {
                        transactions.close();
                    } finally {
                        held.close();
                    }
                }, replica);
    }

    static Workspace open(DatabaseConnections connections, Passwords passwords, Clock clock, Consumer<MigrationStep> steps) {
        MigrationService migrations = new MigrationService(DatabaseSchemas.of(connections, clock));
        if (connections.target().kind() != DatabaseKind.H2) {
            migrations.requireAtHead();
            HikariDataSource pool = ConnectionPool.over(connections);
            return withHeld(pool, () -> overHibernate(connections, HibernateSetup.validated(connections, pool),
                    passwords, clock, pool, null));
        }
        long began = System.nanoTime();
        migrations.upgradeToHead(steps);
        long migrated = System.nanoTime();
        Connection keepOpen = connections.open();
        return withHeld(keepOpen, () -> {
            SessionFactory factory = HibernateSetup.validated(connections);
            // Where a start's time goes, in every log (ADR 0027).
            LOG.info("Opened {}: schema version checked in {} ms, Hibernate started in {} ms",
                    connections.target().displayName(), (migrated - began) / 1_000_000,
                    (System.nanoTime() - migrated) / 1_000_000);
            return overHibernate(connections, factory, passwords, clock, keepOpen,
                    replicaOn(keepOpen, connections, clock));
        });
    }

    /**
     * The same for the window, which on a local file does not wait for Hibernate (ADR 0027): once the file is
     * migrated, the services work in plain SQL on a connection of their own while Hibernate starts on
     * {@code hibernateThread}, and over Hibernate from when it has ({@link HibernateHandover}); {@code hibernateStarted}
     * is told then. A shared server opens as {@link #open} does (its accounts need Hibernate's pool from the start).
     */
    static Workspace openForWindow(DatabaseConnections connections, Passwords passwords, Clock clock,
                                   Consumer<MigrationStep> steps, Executor hibernateThread, Runnable hibernateStarted) {
        if (connections.target().kind() != DatabaseKind.H2) {
            Workspace workspace = open(connections, passwords, clock, steps);
            hibernateStarted.run();
            return workspace;
        }
        long began = System.nanoTime();
        new MigrationService(DatabaseSchemas.of(connections, clock)).upgradeToHead(steps);
        long migrated = System.nanoTime();
        LOG.info("Opened {}: schema version checked in {} ms; plain SQL until Hibernate has started",
                connections.target().displayName(), (migrated - began) / 1_000_000);
        Connection keepOpen = connections.open();
        return withHeld(keepOpen, () -> {
            SyncJournal journal = SyncJournal.onReplica(clock);
            Connection firstScreen = connections.open();
            JdbcTransactions plain = new JdbcTransactions(firstScreen, connections.target());
            HibernateHandover.Storages plainSql = new HibernateHandover.Storages(
                    new JdbcTaskStorage(plain, clock.getZone(), journal), AccountStorage.local(plain), null, firstScreen);
            HibernateHandover handover = HibernateHandover.start(plainSql, () -> {
                long starting = System.nanoTime();
                Transactions transactions = new Transactions(HibernateSetup.validated(connections), connections.target());
                LOG.info("Hibernate started in {} ms; the window's services use it from now on",
                        (System.nanoTime() - starting) / 1_000_000);
                return new HibernateHandover.Storages(new HibernateTaskStorage(transactions, clock.getZone(), journal),
                        AccountStorage.local(transactions), new HibernateSavedSearchStorage(transactions), transactions);
            }, hibernateThread, hibernateStarted);
            return new OpenedWorkspace(connections, new LocalAccountService(handover.accounts(), passwords, clock),
                    handover.tasks(), new SavedSearchService(handover.savedSearches(), clock), clock, () -> {
                        try {
                            handover.close();
                        } finally {
                            keepOpen.close();
                        }
                    }, replicaOn(keepOpen, connections, clock));
        });
    }

    /**
     * The same for one command line: on a local file plain SQL on the one connection kept open, without Hibernate,
     * whose start cost a command more than everything else it does (ADR 0017); a shared server as {@link #open}.
     */
    static Workspace openForCommand(DatabaseConnections connections, Passwords passwords, Clock clock) {
        if (connections.target().kind() != DatabaseKind.H2) {
            return open(connections, passwords, clock, step -> { });
        }
        new MigrationService(DatabaseSchemas.of(connections, clock)).upgradeToHead(step -> { });
        Connection keepOpen = connections.open();
        return withHeld(keepOpen, () -> {
            JdbcTransactions transactions = new JdbcTransactions(keepOpen, connections.target());
            return new OpenedWorkspace(connections,
                    new LocalAccountService(AccountStorage.local(transactions), passwords, clock),
                    new JdbcTaskStorage(transactions, clock.getZone(), SyncJournal.onReplica(clock)), null, clock, keepOpen,
                    new JdbcReplica(transactions, clock));
        });
    }

    /** The replica in the local file, in plain SQL on the connection kept open (Hibernate uses its own). */
    private static Replica replicaOn(Connection keepOpen, DatabaseConnections connections, Clock clock) {
        return new JdbcReplica(new JdbcTransactions(keepOpen, connections.target()), clock);
    }

    /** Builds the workspace; if that fails, closes what it would have held. */
    private static Workspace withHeld(AutoCloseable held, Supplier<Workspace> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            try {
                held.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public TaskService tasks() {
        return tasks;
    }

    @Override
    public StatisticsService statistics() {
        return statistics;
    }

    @Override
    public SavedSearchService savedSearches() {
        if (savedSearches == null) {
            throw new IllegalStateException("Saved searches are not opened for one command (no command uses them)");
        }
        return savedSearches;
    }

    @Override
    public TransferService transfer() {
        return transfer;
    }

    @Override
    public Replica replica() {
        if (replica == null) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Sync links a local database to a shared server; "
                    + connections.target().displayName() + " is the shared server itself. Leave out --database-url "
                    + "(or give a local file) to sync.");
        }
        return replica;
    }

    @Override
    public String databaseName() {
        return connections.target().displayName();
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (Exception e) {
            LOG.warn("Closing {} did not finish cleanly", connections.target().displayName(), e);
        }
    }
}
