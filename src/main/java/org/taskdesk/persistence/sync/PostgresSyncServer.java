package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.ServerNotAnsweringException;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.sync.MutationResult;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PulledRows;
import org.taskdesk.sync.PushAnswer;
import org.taskdesk.sync.SyncServer;

/**
 * The shared server's sync functions ({@code taskdesk_sync_push}, {@code taskdesk_sync_pull}, PostgreSQL's V10, and
 * {@code taskdesk_sync_pull_rows}, V18, for a first pull into an empty replica: ADR 0038) on one
 * auto-commit connection of its own that carries the session token for its whole life, as the account functions'
 * connections do: each call is one server transaction, and closing lets the connection go.
 */
public final class PostgresSyncServer implements SyncServer {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSyncServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The server stopped the call for time (57014: its statement limit, TaskDesk's statement-age check) or a lock
     * (55P03), or chose it as a victim (40001, 40P01): the call was rolled back whole, and a push is idempotent by
     * seq, so it is tried once more. Most often it waited behind another device of the same person, whose push holds
     * the person's row; the second try finds the row free (seen on a loaded 2-core machine with four devices of one
     * person pushing at once).
     */
    private static final Set<String> TRY_AGAIN = Set.of("57014", "55P03", "40001", "40P01");
    /** The pause before the second try: a second, and up to another at random, so that devices queued together part. */
    private static final long PAUSE_MILLIS = 1000;
    /** The server's state for "no signed-in session" (PostgresAccounts.NOT_SIGNED_IN). */
    private static final String NOT_SIGNED_IN = "TD004";
    /**
     * No {@code taskdesk_sync_push_new} to call: a server before V17 (42883), or one whose {@code server setup} has not
     * granted it since (42501). The ordinary push takes everything, as it did before.
     */
    private static final Set<String> NO_ROWS_CALL = Set.of("42883", "42501");

    private static final String PULL_ROWS = "taskdesk_sync_pull_rows";
    private final DatabaseConnections connections;
    private final Connection connection;
    /** Set once the server could not take rows: this connection pushes the ordinary way from then on. */
    private boolean rowsRefused;

    private PostgresSyncServer(DatabaseConnections connections, Connection connection) {
        this.connections = connections;
        this.connection = connection;
    }

    /** Connects to the server {@code connections} reach, as the session of {@code token}. */
    public static PostgresSyncServer connect(DatabaseConnections connections, String token) {
        Connection connection = connections.open();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.set_config('app.session_token', ?, false)")) {
            statement.setString(1, token);
            statement.execute();
            return new PostgresSyncServer(connections, connection);
        } catch (SQLException e) {
            close(connection);
            throw DatabaseErrors.failed(connections.target(), "start syncing", e, DatabaseErrors.NOTHING_CHANGED);
        }
    }

    /**
     * A batch that starts with at least {@link NewTaskRows#FEWEST} puts of new tasks (a first push) sends those as
     * rows through {@code taskdesk_sync_push_new} (V17, ADR 0037); the ones it leaves, then the rest of the batch, go
     * through {@code taskdesk_sync_push} in outbox order, whose answers they get. A server without the function, or
     * whose setup has not granted it yet, gets the whole batch through the ordinary push.
     */
    @Override
    public PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
        List<ObjectNode> bodies = new ArrayList<>();
        for (PendingMutation mutation : mutations) {
            bodies.add(((ObjectNode) JdbcReplica.parse(mutation.body())).put("seq", mutation.seq()));
        }
        List<String> rows = rowsRefused ? List.of() : NewTaskRows.leading(bodies);
        Optional<JsonNode> inserted = rows.size() < NewTaskRows.FEWEST ? Optional.empty()
                : pushNew(clientId, String.join("\n", rows));
        if (inserted.isEmpty()) {
            return pushAll(clientId, mutations, bodies);
        }
        Set<Integer> left = new HashSet<>();
        for (JsonNode line : inserted.get().path("left")) {
            left.add(line.path(0).asInt());
        }
        MutationResult[] results = new MutationResult[mutations.size()];
        List<PendingMutation> rest = new ArrayList<>();
        List<ObjectNode> restBodies = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i++) {
            if (i < rows.size() && !left.contains(i + 1)) {
                results[i] = new MutationResult(mutations.get(i).id(), MutationResult.APPLIED, null, null);
            } else {
                rest.add(mutations.get(i));
                restBodies.add(bodies.get(i));
            }
        }
        String clock = inserted.get().path("server_clock").asText();
        if (!rest.isEmpty()) {
            PushAnswer answer = pushAll(clientId, rest, restBodies);
            int next = 0;
            for (int i = 0; i < results.length; i++) {
                if (results[i] == null) {
                    results[i] = answer.results().get(next++);
                }
            }
            clock = answer.serverClock().compareTo(clock) > 0 ? answer.serverClock() : clock;
        }
        return new PushAnswer(clock, List.of(results));
    }

    /** The new tasks' rows: the server's answer (its clock, and the lines it left), or empty when it has no such call. */
    private Optional<JsonNode> pushNew(UUID clientId, String rows) {
        try {
            return Optional.of(callOnceMore("SELECT public.taskdesk_sync_push_new(?::uuid, ?)::text",
                    "push the new tasks", JSON_TEXT, clientId.toString(), rows));
        } catch (SQLException e) {
            if (NO_ROWS_CALL.contains(e.getSQLState())) {
                LOG.info("The server cannot take new tasks as rows ({}: {}); pushing them one by one",
                        e.getSQLState(), DatabaseErrors.firstLine(e));
                rowsRefused = true;
                return Optional.empty();
            }
            throw failed(e, "push the changes", DatabaseErrors.MAYBE_SAVED);
        }
    }

    private PushAnswer pushAll(UUID clientId, List<PendingMutation> mutations, List<ObjectNode> bodies) {
        ArrayNode array = JSON.createArrayNode();
        array.addAll(bodies);
        JsonNode answer = call("SELECT public.taskdesk_sync_push(?::uuid, ?::jsonb)::text", "push the changes",
                DatabaseErrors.MAYBE_SAVED, clientId.toString(), array.toString());
        List<MutationResult> results = new ArrayList<>();
        for (JsonNode result : answer.path("results")) {
            results.add(new MutationResult(UUID.fromString(result.path("id").asText()), result.path("status").asText(),
                    text(result.get("reason")), text(result.get("note"))));
        }
        if (results.size() != mutations.size()) {
            throw new IllegalStateException("The server answered " + results.size() + " of " + mutations.size()
                    + " mutations pushed");
        }
        return new PushAnswer(answer.path("server_clock").asText(), results);
    }

    @Override
    public PulledPage pull(UUID clientId, long after, int limit) {
        JsonNode answer = call("SELECT public.taskdesk_sync_pull(?::uuid, ?, ?)::text", "pull the changes",
                DatabaseErrors.NOTHING_CHANGED, clientId.toString(), after, limit);
        return new PulledPage(answer.path("server_clock").asText(), answer.path("resync").asBoolean(false),
                answer.path("version").asLong(after), answer.path("more").asBoolean(false), answer.toString());
    }

    @Override
    public Optional<PulledRows> pullRows(UUID clientId, long after, int limit) {
        try {
            return Optional.of(call("SELECT * FROM public.taskdesk_sync_pull_rows(?::uuid, ?, ?)", "pull the changes",
                    DatabaseErrors.NOTHING_CHANGED, PulledRowsReader::page, clientId.toString(), after, limit));
        } catch (RowsNotServed e) {
            LOG.info("The server has no first pull as rows ({}): pulling the ordinary way", e.getMessage());
            return Optional.empty();
        }
    }

    private JsonNode call(String sql, String what, String outcome, Object... values) {
        return call(sql, what, outcome, JSON_TEXT, values);
    }

    /** Reads what a call answered. */
    private interface Answer<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** The answer of a function that returns one JSON text. */
    private static final Answer<JsonNode> JSON_TEXT = result -> {
        result.next();
        return JdbcReplica.parse(result.getString(1));
    };

    /** The server has no {@code taskdesk_sync_pull_rows}, or this login may not call it. */
    private static final class RowsNotServed extends RuntimeException {
        RowsNotServed(SQLException cause) {
            super(cause.getSQLState() + ": " + DatabaseErrors.firstLine(cause), cause);
        }
    }

    private <T> T call(String sql, String what, String outcome, Answer<T> answer, Object... values) {
        try {
            return callOnceMore(sql, what, answer, values);
        } catch (SQLException e) {
            // 42883: a server before V18; 42501 on the new function alone: its setup has not granted it yet.
            if (sql.contains(PULL_ROWS) && NO_ROWS_CALL.contains(e.getSQLState())) {
                throw new RowsNotServed(e);
            }
            throw failed(e, what, outcome);
        }
    }

    /** The call, and once more when the server stopped it for time, a lock or as a victim ({@link #TRY_AGAIN}). */
    private <T> T callOnceMore(String sql, String what, Answer<T> answer, Object... values) throws SQLException {
        try {
            return execute(sql, answer, values);
        } catch (SQLException e) {
            if (!TRY_AGAIN.contains(e.getSQLState())) {
                throw e;
            }
            LOG.info("The server stopped the call to {} ({}: {}); trying once more", what, e.getSQLState(),
                    e.getMessage());
            pause();
            return execute(sql, answer, values);
        }
    }

    private TaskDeskException failed(SQLException e, String what, String outcome) {
        // 42501: a session kept from before V14, tried as the shared login, which may no longer sync (ADR 30).
        if (NOT_SIGNED_IN.equals(e.getSQLState()) || "42501".equals(e.getSQLState())) {
            return new TaskDeskException(ErrorCode.NOT_AUTHORIZED, "The server ended this device's session: run "
                    + "'taskdesk sync unlink' and 'taskdesk sync link' again (nothing local is lost).", e);
        }
        if (TRY_AGAIN.contains(e.getSQLState())) {
            // Stopped twice: rolled back whole each time, so nothing of this call was saved.
            return new ServerNotAnsweringException("The server at " + connections.target().serverAddress()
                    + " was too busy to " + what + " (" + DatabaseErrors.firstLine(e) + "): the next sync tries "
                    + "again by itself; nothing is lost, every change waits on this device.", e);
        }
        return DatabaseErrors.notAnswering(connections.target(), e, outcome)
                .<TaskDeskException>map(silent -> silent)
                .orElseGet(() -> DatabaseErrors.failed(connections.target(), what, e, outcome));
    }

    private <T> T execute(String sql, Answer<T> answer, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return answer.read(result);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS + ThreadLocalRandom.current().nextLong(PAUSE_MILLIS));
        } catch (InterruptedException e) {
            // Stopping (the app closing): the second try goes at once, and the round ends after it.
            Thread.currentThread().interrupt();
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing is waiting on it: the server ends the session's connection by itself.
        }
    }
}
