package org.taskdesk.persistence.database;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.taskdesk.persistence.files.PrivateFolder;

/**
 * Opens connections to one {@link DatabaseTarget}. Connection failures come out as {@link TaskDeskException}s with
 * a sentence for people; as a {@link DataSource} it hands Flyway and Hibernate the same connections. Every wait on
 * a server is bounded by its {@link ServerTimeouts}, except a schema change's statements (see
 * {@link #forSchemaChanges}).
 */
public final class DatabaseConnections implements DataSource {
    private final DatabaseTarget target;
    private final ServerTimeouts timeouts;
    private final boolean schemaChanges;
    private final Consumer<Connection> opened;

    /** With the default timeouts. */
    public DatabaseConnections(DatabaseTarget target) {
        this(target, ServerTimeouts.DEFAULT);
    }

    public DatabaseConnections(DatabaseTarget target, ServerTimeouts timeouts) {
        this(target, timeouts, false, connection -> { });
    }

    private DatabaseConnections(DatabaseTarget target, ServerTimeouts timeouts, boolean schemaChanges,
                                Consumer<Connection> opened) {
        this.target = target;
        this.timeouts = timeouts;
        this.schemaChanges = schemaChanges;
        this.opened = opened;
    }

    public DatabaseTarget target() {
        return target;
    }

    public ServerTimeouts timeouts() {
        return timeouts;
    }

    /** The same timeouts for another target (the same database opened only if it exists, say). */
    public DatabaseConnections to(DatabaseTarget other) {
        return new DatabaseConnections(other, timeouts, schemaChanges, opened);
    }

    /**
     * Connections for a schema change: connecting is bounded as always, but a statement may run as long as it needs,
     * since a big migration legitimately sends nothing back for minutes. Each connection is handed to
     * {@code opened}, so that a watch on the server can abort it when the server stops answering.
     */
    public DatabaseConnections forSchemaChanges(Consumer<Connection> opened) {
        return new DatabaseConnections(target, timeouts, true, opened);
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
        Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties());
        opened.accept(connection);
        return connection;
    }

    /** The driver's properties: the login, and for a server the timeouts (the URL's own parameters win). */
    Properties properties() {
        Properties properties = new Properties();
        if (target.kind() == DatabaseKind.POSTGRESQL) {
            properties.putAll(schemaChanges ? timeouts.schemaChanges() : timeouts.everyday());
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
