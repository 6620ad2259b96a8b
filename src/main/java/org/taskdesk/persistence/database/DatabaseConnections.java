package org.taskdesk.persistence.database;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.taskdesk.persistence.files.PrivateFolder;

/**
 * Opens connections to one {@link DatabaseTarget}. Connection failures come out as {@link TaskDeskException}s with
 * a sentence for people; as a {@link DataSource} it hands Flyway and Hibernate the same connections. Every wait on
 * a server is bounded by its {@link ServerTimeouts}, except a schema change's statements (see
 * {@link #duringSchemaChange}).
 */
public final class DatabaseConnections implements DataSource {
    /** What became of a schema change on a server that stopped answering: the commit may have got through. */
    static final String SCHEMA_CHANGE_OUTCOME = "the change runs in one transaction, so the database is at its old "
            + "version, or at the new one if the commit got through: 'taskdesk db current' says which";

    private final DatabaseTarget target;
    private final ServerTimeouts timeouts;
    /** The URL actually opened: for a local H2 file, one whose commits are written at once (ADR 0009). */
    private final String jdbcUrl;
    private final boolean durableCommits;
    /** While a schema change runs: the watch on its server, which its connections are handed to. */
    private volatile ServerWatch schemaChange;
    /** How many connections were opened: a schema change that opened none cannot have changed anything. */
    private final AtomicLong opened = new AtomicLong();
    /** Whether a local file is opened in H2's mixed mode, so that other TaskDesk processes can reach it (ADR 0016). */
    private final boolean shared;
    /** The URL without mixed mode: the last resort when the process serving the file does not answer. */
    private final String unsharedUrl;

    static {
        // H2's automatic mixed mode serves an open file over TCP, and by default on every network interface; only
        // this computer's other TaskDesk processes are meant to reach it. Read once, when H2 first loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** With the default timeouts. */
    public DatabaseConnections(DatabaseTarget target) {
        this(target, ServerTimeouts.DEFAULT, true, true);
    }

    public DatabaseConnections(DatabaseTarget target, ServerTimeouts timeouts) {
        this(target, timeouts, true, true);
    }

    private DatabaseConnections(DatabaseTarget target, ServerTimeouts timeouts, boolean durableCommits,
                                boolean shared) {
        this.target = target;
        this.timeouts = timeouts;
        this.durableCommits = durableCommits && target.h2File().isPresent();
        this.shared = shared && SharedLocalFile.canShare(target);
        String url = this.durableCommits ? DurableCommits.withoutWriteDelay(target.jdbcUrl()) : target.jdbcUrl();
        this.jdbcUrl = this.shared ? SharedLocalFile.shared(url) : url;
        this.unsharedUrl = url;
    }

    /**
     * Connections as they were before ADR 0009: H2's delayed writes, no sync after a commit. Only for measuring
     * what durable commits cost ({@code bench/durable-writes}); a reported save made through these can be lost.
     */
    public static DatabaseConnections withDelayedWrites(DatabaseTarget target) {
        return new DatabaseConnections(target, ServerTimeouts.DEFAULT, false, true);
    }

    /**
     * Connections that need a local file to themselves (a schema change, a restore): they never reach a file another
     * process has open, nor serve it to others, so such a process gets "in use" while they run (ADR 0016).
     */
    public DatabaseConnections exclusive() {
        return new DatabaseConnections(target, timeouts, durableCommits, false);
    }

    public DatabaseTarget target() {
        return target;
    }

    public ServerTimeouts timeouts() {
        return timeouts;
    }

    /** The same timeouts for another target (the same database opened only if it exists, say). */
    public DatabaseConnections to(DatabaseTarget other) {
        return new DatabaseConnections(other, timeouts, true, shared);
    }

    /**
     * Runs a schema change. On a server, the connections opened here until it returns are bounded in connecting as
     * always, but their statements may run as long as they need, since a big migration rightly sends nothing back
     * for minutes; a {@link ServerWatch} aborts them instead if the server stops answering. A failure because the
     * server went silent or the connection broke comes out as one sentence that says what became of the change.
     */
    public void duringSchemaChange(Runnable change) {
        if (target.kind() != DatabaseKind.POSTGRESQL) {
            change.run();
            return;
        }
        try (ServerWatch watch = ServerWatch.start(new DatabaseConnections(target, timeouts))) {
            schemaChange = watch;
            try {
                change.run();
            } catch (RuntimeException failure) {
                if (watch.stoppedAnswering()) {
                    throw DatabaseErrors.stoppedAnswering(target, failure, SCHEMA_CHANGE_OUTCOME);
                }
                throw DatabaseErrors.notAnswering(target, failure, SCHEMA_CHANGE_OUTCOME)
                        .<RuntimeException>map(silent -> silent).orElse(failure);
            } finally {
                schemaChange = null;
            }
        }
    }

    /** How many connections these have opened so far (only ever grows). */
    public long connectionsOpened() {
        return opened.get();
    }

    /** A new connection; throws {@link TaskDeskException} with a clear message when it cannot be had. */
    public Connection open() {
        try {
            return getConnection();
        } catch (SQLException e) {
            throw DatabaseErrors.connectionFailed(target, e);
        }
    }

    /**
     * Makes the folder of a local database file, owner-only (the file holds password hashes), before H2 creates
     * the file in it. Nothing happens for server databases.
     */
    public void prepareLocalFolder() {
        target.h2File().ifPresent(file -> PrivateFolder.create(file.toAbsolutePath().getParent()));
    }

    /** Makes a freshly created local database file readable by its owner only. */
    public void restrictLocalFile() {
        target.h2File().filter(Files::exists).ifPresent(PrivateFolder::restrictFile);
    }

    @Override
    public Connection getConnection() throws SQLException {
        ServerWatch watch = schemaChange;
        Connection connection = shared ? SharedLocalFile.connect(target.h2File().orElseThrow(),
                () -> DriverManager.getConnection(jdbcUrl, properties(false)),
                () -> DriverManager.getConnection(unsharedUrl, properties(false)))
                : DriverManager.getConnection(jdbcUrl, properties(watch != null));
        opened.incrementAndGet();
        if (watch != null) {
            watch.watch(connection);
        }
        return durableCommits ? DurableCommits.syncingOnCommit(connection) : connection;
    }

    /** The driver's properties: the login, and for a server the timeouts (the URL's own parameters win). */
    Properties properties(boolean forSchemaChange) {
        Properties properties = new Properties();
        if (target.kind() == DatabaseKind.POSTGRESQL) {
            properties.putAll(forSchemaChange ? timeouts.schemaChanges() : timeouts.everyday());
        }
        properties.putAll(target.connectionProperties());
        return properties;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("TaskDesk connects with the configured login only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // No driver log: TaskDesk logs through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
