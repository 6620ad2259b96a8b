package org.taskdesk.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.LocalAccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.SharedServerAccountService;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.persistence.accounts.UserRepository;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.hibernate.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.migrations.LocalBackups;
import org.taskdesk.persistence.migrations.SchemaMigrator;
import org.taskdesk.persistence.tasks.TaskRepository;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.workspace.Workspace;

/**
 * Opens a database for use: the one start-up path of the desktop app and the task commands. A local file is
 * migrated to head (with its backup copy); a server database must already be at head. Then Hibernate checks its
 * mapping against the schema, and the services are built over it.
 */
final class OpenedWorkspace implements Workspace {
    private final DatabaseConnections connections;
    private final Transactions transactions;
    private final AccountService accounts;
    private final TaskService tasks;
    private final StatisticsService statistics;
    /**
     * A local file's database stays open while the workspace is: H2 closes a database with its last connection and
     * reopens it with the next, and each close may spend up to 200 ms compacting the file. One idle connection held
     * here keeps Hibernate's short-lived ones cheap, and the file locked against other programs throughout.
     */
    private final Connection keepOpen;

    private OpenedWorkspace(DatabaseConnections connections, SessionFactory factory, Passwords passwords, Clock clock,
                            Connection keepOpen) {
        this.connections = connections;
        this.keepOpen = keepOpen;
        this.transactions = new Transactions(factory, connections.target().kind());
        // On a shared server the client login cannot read users: accounts go through the server's functions.
        this.accounts = connections.target().kind() == DatabaseKind.POSTGRESQL
                ? new SharedServerAccountService(connections, passwords)
                : new LocalAccountService(transactions, new UserRepository(), passwords, clock);
        this.tasks = new TaskService(transactions, new TaskRepository(), clock);
        this.statistics = new StatisticsService(transactions, new TaskRepository(), clock);
    }

    static Workspace open(DatabaseConnections connections, Passwords passwords, Clock clock, Consumer<MigrationStep> steps) {
        MigrationService migrations = new MigrationService(new SchemaMigrator(connections, new LocalBackups(clock)));
        if (connections.target().kind() != DatabaseKind.H2) {
            migrations.requireAtHead();
            return new OpenedWorkspace(connections, HibernateSetup.validated(connections), passwords, clock, null);
        }
        migrations.upgradeToHead(steps);
        Connection keepOpen = connections.open();
        try {
            return new OpenedWorkspace(connections, HibernateSetup.validated(connections), passwords, clock, keepOpen);
        } catch (RuntimeException e) {
            closeQuietly(keepOpen, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection, RuntimeException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
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
    public String databaseName() {
        return connections.target().displayName();
    }

    @Override
    public void close() {
        try {
            transactions.close();
        } finally {
            if (keepOpen != null) {
                try {
                    keepOpen.close();
                } catch (SQLException e) {
                    throw DatabaseErrors.failed(connections.target(), "close the database", e);
                }
            }
        }
    }
}
