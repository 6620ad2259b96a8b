package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/** Appends mutations to {@code sync_outbox}, in the transaction of the caller. */
final class Outbox {
    private Outbox() {
    }

    /** {@code body} is the mutation without its {@code seq}, which the row's position gives when it is pushed. */
    static void append(Connection connection, int owner, UUID task, ObjectNode body, LocalDateTime now)
            throws SQLException {
        SyncJournal.execute(connection, "INSERT INTO sync_outbox (user_id, mutation_id, task_uid, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", owner, UUID.fromString(body.get("id").asText()), task, body.toString(), now);
    }
}
