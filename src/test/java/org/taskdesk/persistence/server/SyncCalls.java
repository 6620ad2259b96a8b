package org.taskdesk.persistence.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Calls the sync functions as a desktop client does (bind parameters only), and builds mutations in the protocol's
 * JSON. Stamps are written here by hand in the protocol's form, {@code %013x-%04x-node}.
 */
final class SyncCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] FIELDS = {"title", "description", "priority", "tags", "due", "repeat", "completed"};

    private SyncCalls() {
    }

    /** A stamp {@code offsetMillis} from now on the wall clock, with a counter and a node. */
    static String stamp(long offsetMillis, int counter, String node) {
        return String.format("%013x-%04x-%s", System.currentTimeMillis() + offsetMillis, counter, node);
    }

    static JsonNode push(Connection client, UUID clientId, JsonNode... mutations) throws SQLException {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode mutation : mutations) {
            array.add(mutation);
        }
        return pushArray(client, clientId, array);
    }

    static JsonNode pushArray(Connection client, UUID clientId, ArrayNode mutations) throws SQLException {
        try (PreparedStatement statement = client.prepareStatement("SELECT public.taskdesk_sync_push(?, ?::jsonb)")) {
            statement.setObject(1, clientId);
            statement.setString(2, mutations.toString());
            return single(statement);
        }
    }

    /** The new tasks' rows (V17) as the device sends them: tab-separated lines. */
    static JsonNode pushNew(Connection client, UUID clientId, String rows) throws SQLException {
        try (PreparedStatement statement = client.prepareStatement("SELECT public.taskdesk_sync_push_new(?, ?)")) {
            statement.setObject(1, clientId);
            statement.setString(2, rows);
            return single(statement);
        }
    }

    static JsonNode pull(Connection client, UUID clientId, long after, int limit) throws SQLException {
        try (PreparedStatement statement = client.prepareStatement("SELECT public.taskdesk_sync_pull(?, ?, ?)")) {
            statement.setObject(1, clientId);
            statement.setLong(2, after);
            statement.setInt(3, limit);
            return single(statement);
        }
    }

    /** A page of the first pull as rows (V18): every row's columns, tab-separated, a line each. */
    static String pullRows(Connection client, UUID clientId, long after, int limit) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (PreparedStatement statement = client.prepareStatement(
                "SELECT * FROM public.taskdesk_sync_pull_rows(?, ?, ?)")) {
            statement.setObject(1, clientId);
            statement.setLong(2, after);
            statement.setInt(3, limit);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rows.append(result.getString(i)).append(i < columns ? '\t' : '\n');
                    }
                }
            }
        }
        return rows.toString();
    }

    /** Everything after {@code after}, page by page: the pages' answers, oldest first. */
    static List<JsonNode> pullAll(Connection client, UUID clientId, long after, int limit) throws SQLException {
        List<JsonNode> pages = new ArrayList<>();
        long cursor = after;
        JsonNode page;
        do {
            page = pull(client, clientId, cursor, limit);
            pages.add(page);
            cursor = page.path("version").asLong(cursor);
        } while (page.path("more").asBoolean(false));
        return pages;
    }

    private static JsonNode single(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return JSON.readTree(result.getString(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A put of {@code fields}: name, value (a String, null, or a JsonNode), stamp; repeated. */
    static ObjectNode put(long seq, UUID task, Object... fields) {
        ObjectNode mutation = mutation(seq, task, "put");
        mutation.set("fields", fields(fields));
        return mutation;
    }

    static ObjectNode delete(long seq, UUID task, String stamp) {
        return mutation(seq, task, "delete").put("c", stamp);
    }

    static ObjectNode restore(long seq, UUID task, String stamp, Object... fields) {
        ObjectNode mutation = mutation(seq, task, "restore").put("c", stamp);
        mutation.set("fields", fields(fields));
        return mutation;
    }

    static ObjectNode mutation(long seq, UUID task, String op) {
        return JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("seq", seq)
                .put("task", task.toString()).put("op", op);
    }

    static ObjectNode completion(UUID uid, String at, String dueDate) {
        ObjectNode completion = JSON.createObjectNode().put("uid", uid.toString()).put("at", at);
        if (dueDate == null) {
            completion.putNull("due");
        } else {
            completion.set("due", JSON.createObjectNode().put("date", dueDate));
        }
        return completion;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode fields(Object... fields) {
        ObjectNode all = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 3) {
            ObjectNode field = JSON.createObjectNode();
            Object value = fields[i + 1];
            if (value == null) {
                field.putNull("v");
            } else if (value instanceof JsonNode node) {
                field.set("v", node);
            } else {
                field.put("v", value.toString());
            }
            field.put("c", (String) fields[i + 2]);
            all.set((String) fields[i], field);
        }
        return all;
    }

    /** The task with {@code uid} among the pages' tasks, or null. */
    static JsonNode task(List<JsonNode> pages, UUID uid) {
        JsonNode found = null;
        for (JsonNode page : pages) {
            for (JsonNode task : page.path("tasks")) {
                if (task.path("uid").asText().equals(uid.toString())) {
                    found = task;
                }
            }
        }
        return found;
    }

    /** The uids listed under {@code kind} ("tasks", "deleted", "completions") in the pages, in order. */
    static List<String> uids(List<JsonNode> pages, String kind) {
        List<String> uids = new ArrayList<>();
        for (JsonNode page : pages) {
            for (JsonNode item : page.path(kind)) {
                uids.add(item.path("uid").asText());
            }
        }
        return uids;
    }

    /**
     * The titles of the signed-in person's tasks on the server, sorted, as a device pulling from version 0 gets them:
     * what a client login sees of its tasks now that it has no table rights (ADR 29).
     */
    static List<String> titles(Connection client) throws SQLException {
        List<String> titles = new ArrayList<>();
        for (JsonNode page : pullAll(client, UUID.randomUUID(), 0, 1000)) {
            for (JsonNode task : page.path("tasks")) {
                titles.add(task.at("/fields/title/v").asText());
            }
        }
        java.util.Collections.sort(titles);
        return titles;
    }

    /** The statuses of a push's results, in order. */
    static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode result : answer.path("results")) {
            statuses.add(result.path("status").asText());
        }
        return statuses;
    }
}
