package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.FreshDatabase;

/** Migration 8 on a database that is in use: people and tasks stay, saved searches are per person, and it goes back. */
class SavedSearchesMigrationTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradingKeepsWhatIsThereAndAddsSavedSearchesPerPersonThatDowngradingRemoves(DatabaseKind kind)
            throws SQLException {
        DatabaseTarget target = new DatabaseUrl(folder, folder).parse(FreshDatabase.url(kind, folder));
        DatabaseConnections connections = new DatabaseConnections(target);
        SchemaMigrator migrator = new SchemaMigrator(connections, new LocalBackups(Clock.systemUTC()));
        int before = kind == DatabaseKind.H2 ? 7 : 6; // the head before this migration, on each kind
        migrator.upgrade(0, before, StepListener.NONE);
        try (Connection c = connections.open()) {
            update(c, "INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
            update(c, "INSERT INTO users (email, name, password_hash) VALUES ('bob@example.com', 'Bob', 'x')");
            actAs(c, kind, id(c, "Ann"));
            update(c, "INSERT INTO tasks (user_id, title) VALUES (?, 'Pay rent')", id(c, "Ann"));
        }

        migrator.upgrade(before, 8, StepListener.NONE);

        try (Connection c = connections.open()) {
            int ann = id(c, "Ann");
            int bob = id(c, "Bob");
            actAs(c, kind, ann);
            assertThat(one(c, "SELECT count(*) FROM tasks WHERE title = 'Pay rent'")).isEqualTo("1");
            String insert = "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                    + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)";
            // A hundred emoji are a hundred characters on both databases (H2 counts them twice, V7 explains why).
            update(c, insert, ann, "😀".repeat(100), "#fun");
            update(c, insert, ann, "Work", "is:open & (#work due:7d)");
            assertThrows(SQLException.class, () -> update(c, insert, ann, "Work", "#other"), "one name per person");
            assertThat(one(c, "SELECT filter_text FROM saved_searches WHERE user_id = " + ann + " AND name = 'Work'"))
                    .isEqualTo("is:open & (#work due:7d)");
            actAs(c, kind, bob);
            update(c, insert, bob, "Work", "#work");
            assertThat(one(c, "SELECT count(*) FROM saved_searches WHERE user_id = " + bob)).isEqualTo("1");

            update(c, "DELETE FROM users WHERE id = ?", bob);
            actAs(c, kind, ann);
            assertThat(one(c, "SELECT count(*) FROM saved_searches")).as("Bob's went with him").isEqualTo("2");
        }

        migrator.downgrade(before, StepListener.NONE);

        try (Connection c = connections.open()) {
            actAs(c, kind, id(c, "Ann"));
            assertThrows(SQLException.class, () -> one(c, "SELECT count(*) FROM saved_searches"));
            assertThat(one(c, "SELECT count(*) FROM tasks")).isEqualTo("1");
        }
    }

    private static int id(Connection c, String name) throws SQLException {
        return Integer.parseInt(one(c, "SELECT id FROM users WHERE name = '" + name + "'"));
    }

    /**
     * On PostgreSQL, row-level security (forced, so the owner too) shows a connection only the rows of the person
     * whose session token it carries: a session is made for {@code userId} and the connection carries it, as the
     * app's connections do. H2 has no row-level security.
     */
    private static void actAs(Connection c, DatabaseKind kind, int userId) throws SQLException {
        if (kind != DatabaseKind.POSTGRESQL) {
            return;
        }
        String token = "test-session-" + userId;
        update(c, "INSERT INTO sessions (token_sha256, user_id, created_at, expires_at) VALUES (?, ?, "
                + "now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + interval '1 hour') ON CONFLICT DO NOTHING",
                sha256(token), userId);
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.session_token', ?, false)")) {
            set.setString(1, token);
            set.execute();
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
