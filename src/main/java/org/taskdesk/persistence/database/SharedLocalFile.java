package org.taskdesk.persistence.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local H2 file opened in H2's automatic mixed mode, so that the desktop app and the command line use it at once
 * (ADR 0016). The first process to open the file serves it on a loopback port named in the {@code .lock.db} file
 * beside it, whose random key only the owner can read (the folder is owner-only); later processes connect through
 * it, so a commit is still made, and synced, by the one process that has the file open.
 */
final class SharedLocalFile {
    private static final Logger LOG = LoggerFactory.getLogger(SharedLocalFile.class);
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int ATTEMPTS = 3;
    private static final long PAUSE_MILLIS = 100;
    /** Settings that mixed mode cannot be combined with: such a URL is opened as it asks. */
    private static final String[] INCOMPATIBLE = {"AUTO_SERVER", "FILE_LOCK", "ACCESS_MODE_DATA", "DB_CLOSE_ON_EXIT"};

    private SharedLocalFile() {
    }

    static boolean canShare(DatabaseTarget target) {
        if (target.h2File().isEmpty()) {
            return false;
        }
        String url = target.jdbcUrl().toUpperCase(Locale.ROOT);
        for (String setting : INCOMPATIBLE) {
            if (url.contains(";" + setting + "=")) {
                return false;
            }
        }
        return true;
    }

    static String shared(String jdbcUrl) {
        return jdbcUrl + ";AUTO_SERVER=TRUE";
    }

    /**
     * A connection from {@code open}, opened again when the process that served the file closed it just as this one
     * connected (its lock file still named its server): the next try opens the file itself, or finds the next server.
     */
    static Connection connect(Opening open, Opening alone) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return open.connection();
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_CONNECTION_BROKEN) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    // Its lock file still names a server that does not answer (a database closing after a full disk
                    // in this very process): open the file as a schema change would, which says what is wrong.
                    return alone.connection();
                }
                LOG.debug("The process serving the database went away as this one connected; opening again", e);
                pause(attempt);
            }
        }
    }

    /** Gives the closing process time to take its lock file away. */
    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while opening the database again", e);
        }
    }

    /** Opens one connection. */
    interface Opening {
        Connection connection() throws SQLException;
    }
}
