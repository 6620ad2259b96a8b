package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.domain.tasks.TaskRules;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/**
 * Version 12 keeps the outbox's bodies in their rows instead of as large objects (ADR 0036). Every mutation waiting
 * to be pushed must come through the change of type whole, both ways: a lost or cut body is an edit that never
 * reaches the server.
 */
class OutboxBodyMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private CliResult db(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url, "db"));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder)).run(all.toArray(String[]::new));
    }

    private Connection connect(String url) throws Exception {
        return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url)).open();
    }

    @Test
    void waitingMutationsKeepTheirBodiesWholeUpToTwelveAndBack() throws Exception {
        String url = FreshDatabase.url(DatabaseKind.H2, folder);
        assertThat(db(url, "upgrade", "11").exitCode()).isZero();
        Map<UUID, String> bodies = new LinkedHashMap<>();
        // The longest description the domain accepts, of characters outside ASCII and the BMP, and ones JSON escapes.
        String description = "Zürich ✓ \"quoted\" \\ tab\t😀 ".repeat(TaskRules.MAX_DESCRIPTION_LENGTH / 25)
                .substring(0, TaskRules.MAX_DESCRIPTION_LENGTH);
        bodies.put(UUID.randomUUID(), put("Ärger mit dem Übersetzer 😀".repeat(7), description).toString());
        bodies.put(UUID.randomUUID(), put("Short", null).toString());
        bodies.put(UUID.randomUUID(), "{\"id\":\"x\",\"op\":\"delete\",\"c\":\"0001\"}");
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_outbox (user_id,"
                    + " mutation_id, task_uid, body, created_at, pushed) SELECT id, ?, ?, ?, CURRENT_TIMESTAMP, ? FROM users")) {
                boolean pushed = false;
                for (Map.Entry<UUID, String> body : bodies.entrySet()) {
                    insert.setObject(1, body.getKey());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, body.getValue());
                    insert.setBoolean(4, pushed);
                    insert.executeUpdate();
                    pushed = !pushed;
                }
            }
        }
        assertThat(bodies(url)).isEqualTo(bodies);
        assertThat(bodyType(url)).isEqualTo("CHARACTER LARGE OBJECT");

        CliResult up = db(url, "upgrade", "12");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(bodyType(url)).as("in the row").isEqualTo("CHARACTER VARYING");
        assertThat(bodies(url)).isEqualTo(bodies);

        CliResult down = db(url, "downgrade", "11");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(bodyType(url)).isEqualTo("CHARACTER LARGE OBJECT");
        assertThat(bodies(url)).isEqualTo(bodies);

        assertThat(db(url, "upgrade", "head").exitCode()).isZero();
        assertThat(bodies(url)).isEqualTo(bodies);
    }

    private static ObjectNode put(String title, String description) {
        ObjectNode fields = JSON.createObjectNode();
        fields.set("title", JSON.createObjectNode().put("v", title).put("c", "0000000000001-0000-a"));
        fields.set("description", JSON.createObjectNode().put("v", description).put("c", "0000000000001-0001-a"));
        return JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("task", UUID.randomUUID().toString())
                .put("op", "put").set("fields", fields);
    }

    private Map<UUID, String> bodies(String url) throws Exception {
        Map<UUID, String> bodies = new LinkedHashMap<>();
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT mutation_id, body FROM sync_outbox ORDER BY seq")) {
            while (row.next()) {
                bodies.put(row.getObject(1, UUID.class), row.getString(2));
            }
        }
        return bodies;
    }

    private String bodyType(String url) throws Exception {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT data_type FROM information_schema.columns"
                     + " WHERE table_name = 'SYNC_OUTBOX' AND column_name = 'BODY'")) {
            row.next();
            return row.getString(1);
        }
    }
}
