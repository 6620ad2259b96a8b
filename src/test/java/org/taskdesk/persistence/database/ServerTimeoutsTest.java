package org.taskdesk.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;

/**
 * The production waits on a server are bounded (pgjdbc's own defaults wait forever), a schema change's statements
 * are not, a URL's own parameters win, and TASKDESK_SERVER_TIMEOUT scales them all. Checked on real connections to
 * the tests' PostgreSQL, where the driver and the server report what they actually use.
 */
class ServerTimeoutsTest {
    private static DatabaseTarget target(String url) {
        return new DatabaseUrl(Path.of("target"), Path.of("target")).parse(url);
    }

    @Test
    void productionDefaultsBoundEveryWaitOnAServer() throws SQLException {
        DatabaseConnections connections = new DatabaseConnections(target(TestPostgres.newDatabaseUrl()));

        assertThat(connections.properties(false)).containsEntry("connectTimeout", "5").containsEntry("loginTimeout", "10")
                .containsEntry("socketTimeout", "15").containsEntry("tcpKeepAlive", "true")
                .containsEntry("options", "-c statement_timeout=10000");
        try (Connection connection = connections.open()) {
            assertThat(connection.getNetworkTimeout()).as("socket timeout, ms").isEqualTo(15_000);
            assertThat(show(connection, "statement_timeout")).isEqualTo("10s");
        }
    }

    @Test
    void theUrlsOwnParametersWin() throws SQLException {
        String url = TestPostgres.newDatabaseUrl() + "?socketTimeout=42&options=-c%20statement_timeout%3D7s";

        try (Connection connection = new DatabaseConnections(target(url)).open()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(42_000);
            assertThat(show(connection, "statement_timeout")).isEqualTo("7s");
        }
    }

    @Test
    void aSchemaChangeConnectsWithinTheBoundButItsStatementsMayRunLong() {
        DatabaseConnections connections = new DatabaseConnections(target(TestPostgres.newDatabaseUrl()));
        List<String> seen = new ArrayList<>();

        assertThat(connections.properties(true)).containsEntry("connectTimeout", "5").containsEntry("loginTimeout", "10")
                .doesNotContainKey("socketTimeout").doesNotContainKey("options");
        connections.duringSchemaChange(() -> {
            try (Connection connection = connections.open()) {
                seen.add(connection.getNetworkTimeout() + " ms, statement_timeout " + show(connection, "statement_timeout"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection after = connections.open()) {
            seen.add(after.getNetworkTimeout() + " ms, statement_timeout " + show(after, "statement_timeout"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThat(seen).containsExactly("0 ms, statement_timeout 0", "15000 ms, statement_timeout 10s");
    }

    @Test
    void thePoolWaitsNoLongerThanTheDriver() {
        DatabaseConnections connections = new DatabaseConnections(target("postgresql://ann@127.0.0.1:1/tasks"));

        try (HikariDataSource pool = ConnectionPool.over(connections)) {
            // 30 s and 5 s are Hikari's own defaults: a new connection within the login time plus the connect time.
            assertThat(pool.getConnectionTimeout()).isEqualTo(15_000);
            assertThat(pool.getValidationTimeout()).isEqualTo(5_000);
        }
    }

    @Test
    void theVariableScalesEveryWaitAndTheHeartbeat() {
        ServerTimeouts timeouts = ServerTimeouts.from(TestEnvironment.in(Path.of("target"),
                Map.of(ServerTimeouts.VARIABLE, "3")));

        assertThat(timeouts).isEqualTo(new ServerTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(2)));
        assertThat(timeouts.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServerTimeouts.DEFAULT.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerTimeouts.from(TestEnvironment.in(Path.of("target")))).isEqualTo(ServerTimeouts.DEFAULT);
    }

    @Test
    void aBadValueIsOneClearLine() {
        assertThatThrownBy(() -> ServerTimeouts.from(TestEnvironment.in(Path.of("target"),
                Map.of(ServerTimeouts.VARIABLE, "soon"))))
                .isInstanceOf(TaskDeskException.class)
                .hasMessage("TASKDESK_SERVER_TIMEOUT is 'soon'; it must be a whole number of seconds from 1 to 3600 "
                        + "(default 15).")
                .extracting(e -> ((TaskDeskException) e).code()).isEqualTo(ErrorCode.BAD_CONFIGURATION);
    }

    @Test
    void localFilesGetNoServerTimeouts() {
        DatabaseConnections connections = new DatabaseConnections(target("target/no-such-folder/tasks.mv.db"));

        assertThat(connections.properties(false)).doesNotContainKeys("socketTimeout", "loginTimeout", "options");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
