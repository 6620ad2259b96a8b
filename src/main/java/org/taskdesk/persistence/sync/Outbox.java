package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** Appends mutations to {@code sync_outbox}, in the transaction of the caller. */
final class Outbox {
    private static final String INSERT = "INSERT INTO sync_outbox (user_id, mutation_id, task_uid, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";

    /**
     * The body column's bound, H2's largest (V12). No real mutation comes near it; one that did is refused whole, with
     * its edit, rather than cut.
     */
    static final int MAX_BODY = 1_000_000_000;

    private Outbox() {
    }

    private static String body(ObjectNode body) {
        String json = body.toString();
        if (json.length() > MAX_BODY) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, String.format("This change is %,d characters long to"
                    + " sync, more than the %,d a change can hold; make the task shorter.", json.length(), MAX_BODY));
        }
        return json;
    }

    /** {@code body} is the mutation without its {@code seq}, which the row's position gives when it is pushed. */
    static void append(Connection connection, int owner, UUID task, ObjectNode body, LocalDateTime now)
            throws SQLException {
        SyncJournal.execute(connection, INSERT, owner, UUID.fromString(body.get("id").asText()), task, body(body),
                now);
    }

    /**
     * Linking's writes for a whole account: each task's new stamps and its put, sent in JDBC batches of
     * {@link #SIZE} (one statement each, prepared once) instead of three statements per task. In the order added,
     * so the outbox keeps the tasks' order.
     */
    static final class Batch implements AutoCloseable {
        static final int SIZE = 1000;
        private final int owner;
        private final LocalDateTime now;
        private final PreparedStatement stamps;
        private final PreparedStatement outbox;
        private int pending;

        Batch(Connection connection, int owner, LocalDateTime now) throws SQLException {
            this.owner = owner;
            this.now = now;
            this.stamps = connection.prepareStatement("UPDATE tasks SET field_clocks = ? WHERE id = ?");
            try {
                this.outbox = connection.prepareStatement(INSERT);
            } catch (SQLException e) {
                stamps.close();
                throw e;
            }
        }

        void add(int taskId, UUID task, SyncJournal.FullPut put) throws SQLException {
            stamps.setString(1, put.clocks());
            stamps.setInt(2, taskId);
            stamps.addBatch();
            outbox.setInt(1, owner);
            outbox.setObject(2, UUID.fromString(put.body().get("id").asText()));
            outbox.setObject(3, task);
            outbox.setString(4, body(put.body()));
            org.taskdesk.persistence.jdbc.Columns.time(outbox, 5, now);
            outbox.addBatch();
            if (++pending == SIZE) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                stamps.executeBatch();
                outbox.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                stamps.close();
                outbox.close();
            }
        }
    }
}
