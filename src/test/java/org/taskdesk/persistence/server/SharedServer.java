package org.taskdesk.persistence.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.TestPostgres;

/**
 * A shared server for one test class: a client role of its own (roles are cluster-wide, so its name is random) and
 * any number of fresh databases migrated to head and set up for that role. {@link #close()} drops what it made.
 */
final class SharedServer implements AutoCloseable {
    /** Quotes, a backslash, a semicolon and a dollar: setting it must not break, or break out of, any SQL. */
    static final String CLIENT_PASSWORD = "it's \"public\" anyway; $$ \\ --";
    static final Duration DAY = Duration.ofDays(1);

    final String clientRole = "td_client_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> databases = new ArrayList<>();
    private final List<Connection> opened = new ArrayList<>();

    /**
     * A new database at head, set up for {@link #clientRole} with the tests' bcrypt cost (4, as
     * {@code TASKDESK_BCRYPT_COST=4} gives {@code server setup}); its {@code postgresql://} URL.
     */
    String newDatabase() throws SQLException {
        return newDatabase(SharedServerLimits.forBcryptCost(4));
    }

    /** A new database at head, set up for {@link #clientRole} with {@code limits}. */
    String newDatabase(SharedServerLimits limits) throws SQLException {
        String url = TestPostgres.newDatabaseUrl();
        databases.add(name(url));
        DatabaseSchemas.of(new DatabaseConnections(new DatabaseUrl(Path.of("target"), Path.of("target")).parse(url)),
                Clock.systemUTC()).upgrade(0, MigrationCatalog.forKind(DatabaseKind.POSTGRESQL).head(), step -> { });
        try (Connection owner = TestPostgres.connect(url)) {
            new SharedServerSetup().setUp(owner, clientRole, CLIENT_PASSWORD, limits);
        }
        return url;
    }

    /** A connection as the owner; closed by {@link #close()}. */
    Connection owner(String url) throws SQLException {
        return keep(TestPostgres.connect(url));
    }

    /** A connection as the shared client role, as every desktop client has; closed by {@link #close()}. */
    Connection client(String url) throws SQLException {
        TestPostgres.Server server = TestPostgres.server();
        Properties properties = new Properties();
        properties.setProperty("user", clientRole);
        properties.setProperty("password", CLIENT_PASSWORD);
        return keep(DriverManager.getConnection(
                "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + name(url), properties));
    }

    private Connection keep(Connection connection) {
        opened.add(connection);
        return connection;
    }

    /** A {@code $2a$} hash as the program makes it; cost 4 keeps tests fast where timing does not matter. */
    static String hash(String password) {
        return hash(password, 4);
    }

    static String hash(String password, int cost) {
        return BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(cost, password.toCharArray());
    }

    static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
        try (Connection admin = TestPostgres.server().admin(); Statement statement = admin.createStatement()) {
            for (String database : databases) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
            statement.execute("DROP ROLE IF EXISTS " + clientRole);
        }
    }
}
