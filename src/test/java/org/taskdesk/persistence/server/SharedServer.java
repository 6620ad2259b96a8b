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
    /**
     * The tests' cost 4, room for the client connections a test class keeps open until its end across its
     * databases (the limit is the role's; setup's default gives the shared login 20, ADR 30), and for the person
     * logins of every test's devices.
     */
    static final SharedServerLimits LIMITS = new SharedServerLimits(4, SharedServerLimits.LONGEST_STATEMENT, 200, 500);

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
        // Room for the logins the test classes make (the server's real room is counted from max_connections less
        // the shared login's 200, which would leave none); a test of that room gives its own.
        limits = new SharedServerLimits(limits.bcryptCost(), limits.longestStatement(),
                limits.clientConnections() == null ? LIMITS.clientConnections() : limits.clientConnections(),
                limits.personLogins() == null ? LIMITS.personLogins() : limits.personLogins());
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

    /**
     * Signs in as {@code email} through the shared login and returns, as a device does since V14 (ADR 30), a
     * connection as the login the sign-in handed this session, carrying the session; closed by {@link #close()}.
     */
    Connection person(String url, String email, String password) throws SQLException {
        try (Connection shared = login(url, clientRole, CLIENT_PASSWORD)) {
            return person(url, new PostgresAccounts().signIn(shared, email, password, DAY).orThrow());
        }
    }

    /** A connection as a new login of the session of {@code token}, carrying the session. */
    Connection person(String url, String token) throws SQLException {
        return keep(personLogin(url, token).open());
    }

    /** Hands the session of {@code token} a login of its own (through the shared login); its name and password. */
    PersonLogin personLogin(String url, String token) throws SQLException {
        PostgresAccounts accounts = new PostgresAccounts();
        try (Connection shared = login(url, clientRole, CLIENT_PASSWORD)) {
            accounts.useSession(shared, token);
            String password = ServerCredential.newPassword();
            String login = accounts.openLogin(shared, password).orElseThrow();
            return new PersonLogin(url, login, password, token);
        }
    }

    /** A device's own login and its session. */
    record PersonLogin(String url, String login, String password, String token) {
        /** A new connection as this login, carrying the session. */
        Connection open() throws SQLException {
            Connection connection = SharedServer.login(url, login, password);
            new PostgresAccounts().useSession(connection, token);
            return connection;
        }
    }

    /** A connection as {@code login} (not kept: the caller closes it). */
    static Connection login(String url, String login, String password) throws SQLException {
        TestPostgres.Server server = TestPostgres.server();
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", password);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + name(url), properties);
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
            List<String> prefixes = new ArrayList<>();
            for (String database : databases) {
                column(admin, "SELECT 'td_' || oid || '_' FROM pg_database WHERE datname = '" + database + "'")
                        .forEach(prefixes::add);
                statement.execute("DROP DATABASE IF EXISTS " + database + "");
            }
            // The per-person logins and their group (V14): roles outlive the databases they were made for.
            for (String prefix : prefixes) {
                for (String role : column(admin, "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + prefix
                        + "') ORDER BY rolname LIKE '%\\_people' ")) {
                    statement.execute("DROP ROLE IF EXISTS " + role);
                }
            }
            statement.execute("DROP ROLE IF EXISTS " + clientRole);
        }
    }
}
