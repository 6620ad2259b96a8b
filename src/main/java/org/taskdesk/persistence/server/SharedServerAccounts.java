package org.taskdesk.persistence.server;

import org.taskdesk.accounts.AccountServer;
import org.taskdesk.persistence.database.DatabaseConnections;

/** The one door into the shared server's accounts, for the composition root. */
public final class SharedServerAccounts {
    private SharedServerAccounts() {
    }

    /** The account functions of the shared server that {@code connections} reach. */
    public static AccountServer over(DatabaseConnections connections) {
        return new PostgresAccountServer(connections);
    }
}
