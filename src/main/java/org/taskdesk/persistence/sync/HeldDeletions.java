package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.taskdesk.sync.PulledPage;

/**
 * A pulled page's deletions of tasks here, held back for the pull guard (ADR 0028): which they are, the page without
 * them, and later those alone. The page is cut in its JSON, so that the merge itself stays the one of every page.
 */
final class HeldDeletions {
    private HeldDeletions() {
    }

    /** The tasks here that the deletions in {@code page} would remove. */
    static Set<UUID> ofTasksHere(Connection connection, int userId, PulledPage page) throws SQLException {
        Set<UUID> here = new HashSet<>();
        for (JsonNode tombstone : JdbcReplica.parse(page.json()).path("deleted")) {
            UUID uid = UUID.fromString(tombstone.path("uid").asText());
            try (PreparedStatement query = SyncJournal.prepare(connection, "SELECT COUNT(*) FROM tasks WHERE user_id = ?"
                    + " AND uid = ?", userId, uid); ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(1) > 0) {
                    here.add(uid);
                }
            }
        }
        return here;
    }

    /** {@code page} with only the deletions that {@code kept} accepts (tasks and completions untouched). */
    static PulledPage keepingDeletions(PulledPage page, Predicate<UUID> kept) {
        ObjectNode answer = (ObjectNode) JdbcReplica.parse(page.json());
        ArrayNode deletions = answer.putArray("deleted");
        for (JsonNode tombstone : JdbcReplica.parse(page.json()).path("deleted")) {
            if (kept.test(UUID.fromString(tombstone.path("uid").asText()))) {
                deletions.add(tombstone);
            }
        }
        return new PulledPage(page.serverClock(), page.resync(), page.version(), page.more(), answer.toString());
    }

    /** Only the deletions of {@code page} whose tasks are among {@code tasks}. */
    static PulledPage onlyDeletionsOf(PulledPage page, Set<UUID> tasks) {
        ObjectNode answer = (ObjectNode) JdbcReplica.parse(keepingDeletions(page, tasks::contains).json());
        answer.putArray("tasks");
        answer.putArray("completions");
        return new PulledPage(page.serverClock(), page.resync(), page.version(), page.more(), answer.toString());
    }
}
