package org.taskdesk.persistence.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
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
    /** How H2 2.4 names the threads of a file's lock and of the server it starts in mixed mode. */
    private static final String WATCHDOG = "H2 File Lock Watchdog ";
    private static final String SERVER = "H2 TCP Server (";
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
     * When this very process still holds the file's lock without serving it, {@code alone} at once (see
     * {@link #heldHereWithoutServer}).
     */
    static Connection connect(Path databaseFile, Opening open, Opening alone) throws SQLException {
        if (heldHereWithoutServer(databaseFile)) {
            LOG.debug("This process holds the lock of {} but serves it no more: opening it without mixed mode",
                    databaseFile);
            return alone.connection();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return open.connection();
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_CONNECTION_BROKEN) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    // Its lock file still names a server that does not answer (a process whose database failed to
                    // close, as below): open the file as a schema change would, which says what is wrong.
                    return alone.connection();
                }
                LOG.debug("The process serving the database went away as this one connected; opening again", e);
                pause(attempt);
            }
        }
    }

    /**
     * Whether H2 in this process still holds the file's {@code .lock.db} for a database it no longer has open. When
     * closing fails half-way (a full disk, while H2 writes its sequences back), H2 2.4 stops the database's server
     * but never lets go of its lock: the lock's watchdog thread keeps the lock file, naming the stopped server, for as
     * long as the process lives. Every later open in mixed mode here would then wait on that lock and on the dead
     * server for seconds, three times over, before opening the file alone; the desktop app, which outlives such a
     * failure, would pay it at every sign-in. Seen from here: a watchdog thread for the lock file, and no server
     * thread on the port the lock file names.
     */
    static boolean heldHereWithoutServer(Path databaseFile) {
        String name = databaseFile.toAbsolutePath().toString();
        if (!name.endsWith(".mv.db")) {
            return false;
        }
        Path lockFile = Path.of(name.substring(0, name.length() - ".mv.db".length()) + ".lock.db");
        boolean watched = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .anyMatch(thread -> thread.startsWith(WATCHDOG) && names(thread.substring(WATCHDOG.length()), lockFile));
        if (!watched) {
            return false;
        }
        String server = serverIn(lockFile);
        if (server == null) {
            return true;
        }
        String port = server.substring(server.lastIndexOf(':') + 1);
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(thread -> thread.startsWith(SERVER) && thread.endsWith(":" + port + ")"));
    }

    /** Whether H2's name for a file ({@code fulldisk:/x/y.lock.db}, a resolved path…) is {@code file}. */
    private static boolean names(String h2Name, Path file) {
        if (h2Name.endsWith(file.toString())) {
            return true;
        }
        try {
            return h2Name.endsWith(file.getParent().toRealPath().resolve(file.getFileName()).toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** The server address a lock file names, or null when it names none or cannot be read. */
    private static String serverIn(Path lockFile) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty("server");
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
