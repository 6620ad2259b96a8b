package org.taskdesk.persistence.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;

/**
 * Which kind of login a PostgreSQL URL carries: the schema's owner, who works on the server directly (it migrates,
 * ADR 0004), or a member's client login, which reaches the server only through this device's replica (ADR 0029).
 */
public final class ServerLogins {
    /**
     * The catalogue only, which every login may read. No tasks table yet counts as the owner's: the direct path then
     * says what is missing ('db upgrade').
     */
    private static final String OWNS_SCHEMA = "SELECT t IS NULL OR pg_catalog.pg_has_role(current_user, "
            + "(SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = t), 'USAGE') "
            + "FROM pg_catalog.to_regclass('public.tasks') AS t";

    private ServerLogins() {
    }

    /** Whether the login of {@code connections} owns TaskDesk's schema (or is a member of its owner, or a superuser). */
    public static boolean ownsTheSchema(DatabaseConnections connections) {
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(OWNS_SCHEMA);
             ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(connections.target(), "read which login this is", e,
                    DatabaseErrors.NOTHING_CHANGED);
        }
    }
}
