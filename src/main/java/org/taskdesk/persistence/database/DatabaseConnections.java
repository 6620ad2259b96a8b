package org.taskdesk.persistence.database;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.taskdesk.persistence.files.PrivateFolder;

/**
 * Opens connections to one {@link DatabaseTarget}. Connection failures come out as {@link TaskDeskException}s with
 * a sentence for people; as a {@link DataSource} it hands Flyway and Hibernate the same connections.
 */
public final class DatabaseConnections implements DataSource {
    private final DatabaseTarget target;
    /** The URL actually opened: for a local H2 file, one whose commits are written at once (ADR 0009). */
    private final String jdbcUrl;
    private final boolean durableCommits;

    public DatabaseConnections(DatabaseTarget target) {
        this(target, true);
    }

    private DatabaseConnections(DatabaseTarget target, boolean durableCommits) {
        this.target = target;
        this.durableCommits = durableCommits && target.h2File().isPresent();
        this.jdbcUrl = this.durableCommits ? DurableCommits.withoutWriteDelay(target.jdbcUrl()) : target.jdbcUrl();
    }

    /**
     * Connections as they were before ADR 0009: H2's delayed writes, no sync after a commit. Only for measuring
     * what durable commits cost ({@code bench/durable-writes}); a reported save made through these can be lost.
     */
    public static DatabaseConnections withDelayedWrites(DatabaseTarget target) {
        return new DatabaseConnections(target, false);
    }

    public DatabaseTarget target() {
        return target;
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
        Connection connection = DriverManager.getConnection(jdbcUrl, target.connectionProperties());
        return durableCommits ? DurableCommits.syncingOnCommit(connection) : connection;
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
