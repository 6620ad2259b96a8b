package org.taskdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.workspace.Workspace;

/** Opens a workspace on a new database of either kind, as the app does, with a cheap bcrypt cost. */
public final class TestWorkspaces {
    /** Low, so that tests sign in quickly; the production default is 12. */
    public static final int TEST_BCRYPT_COST = 4;

    private TestWorkspaces() {
    }

    /** The URL of a new database migrated and opened once, so later opens find it at head. */
    public static String freshUrl(DatabaseKind kind, Path folder) {
        return FreshDatabase.url(kind, folder);
    }

    public static Workspace open(String url, Path folder, Clock clock) {
        return open(url, folder, clock, TEST_BCRYPT_COST);
    }

    public static Workspace open(String url, Path folder, Clock clock, int bcryptCost) {
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        if (connections.target().kind() == DatabaseKind.POSTGRESQL) {
            // A server database is migrated by its owner: do that first, as 'taskdesk db upgrade head' would.
            Configuration configuration = Configuration.configure(TestEnvironment.in(folder)).databaseUrl(url).load();
            new AppServices(configuration, clock).migrations().upgradeToHead(step -> { });
        }
        return OpenedWorkspace.open(connections, new Passwords(bcryptCost), clock, step -> { });
    }

    /**
     * Opens the workspace as a command line does (ADR 0017): plain SQL on a local file, the same as {@link #open} on a
     * server.
     */
    public static Workspace openForCommand(String url, Path folder, Clock clock) {
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        return OpenedWorkspace.openForCommand(connections, new Passwords(TEST_BCRYPT_COST), clock);
    }

    /** Opens a database that is already at head without migrating it: as a shared server's client login does. */
    public static Workspace openMigrated(String url, Path folder, Clock clock) {
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        return OpenedWorkspace.open(connections, new Passwords(TEST_BCRYPT_COST), clock, step -> { });
    }
}
