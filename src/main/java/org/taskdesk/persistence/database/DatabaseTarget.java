package org.taskdesk.persistence.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * One database to work on, ready for JDBC. The password is kept apart from the URL so that the URL can be logged
 * and shown; {@link #toString()} and {@link #displayName()} never include it.
 *
 * @param kind        H2 or PostgreSQL
 * @param jdbcUrl     a JDBC URL without user or password in it
 * @param user        the login, may be empty (H2 default, or PostgreSQL's OS-user default)
 * @param password    the password, may be empty
 * @param displayName what people see: the file path, or {@code postgresql://user@host:port/db}
 * @param h2File      for a local H2 file database, its {@code .mv.db} file; empty otherwise
 */
public record DatabaseTarget(DatabaseKind kind, String jdbcUrl, String user, String password, String displayName,
                             Optional<Path> h2File) {

    public DatabaseTarget {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(jdbcUrl);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(h2File);
    }

    /** The connection properties for {@link java.sql.DriverManager}: user and password only when given. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The same database opened only if it already exists: read-only commands must not create an H2 file. */
    public DatabaseTarget ifExists() {
        if (kind != DatabaseKind.H2 || jdbcUrl.toUpperCase(Locale.ROOT).contains("IFEXISTS=")) {
            return this;
        }
        return new DatabaseTarget(kind, jdbcUrl + ";IFEXISTS=TRUE", user, password, displayName, h2File);
    }

    /** Whether this is a local H2 file that does not exist yet. */
    public boolean isMissingLocalFile() {
        return h2File.map(file -> !Files.exists(file)).orElse(false);
    }

    /** A server's {@code host:port} (its hosts, when several), to name it in messages; else the display name. */
    public String serverAddress() {
        String prefix = "jdbc:postgresql://";
        if (kind != DatabaseKind.POSTGRESQL || !jdbcUrl.startsWith(prefix)) {
            return displayName;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int end = rest.indexOf('/');
        String hosts = end < 0 ? rest : rest.substring(0, end);
        boolean hasPort = hosts.lastIndexOf(':') > hosts.lastIndexOf(']');
        return hosts.contains(",") || hasPort ? hosts : hosts + ":5432";
    }

    @Override
    public String toString() {
        return displayName;
    }
}
