package org.taskdesk.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.persistence.database.DatabaseKind;

/**
 * Reads and trims Flyway's {@code flyway_schema_history} table directly. Flyway community has no undo, so
 * downgrades remove history rows themselves: strictly newest first, under a lock that Flyway's own migrate
 * has to wait for.
 */
final class SchemaHistory {
    static final String TABLE = "flyway_schema_history";
    /** Quoted, as its columns: Flyway creates them in lower case on H2 too, where unquoted names are upper-cased. */
    private static final String QUOTED = "\"" + TABLE + "\"";

    private final DatabaseKind kind;

    SchemaHistory(DatabaseKind kind) {
        this.kind = kind;
    }

    boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), TABLE, null)) {
            return tables.next();
        }
    }

    /** Versioned rows, oldest first; empty when the table does not exist. */
    List<AppliedMigration> applied(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        if (!exists(connection)) {
            return rows;
        }
        String sql = "SELECT \"installed_rank\", \"version\", \"description\", \"installed_by\", \"installed_on\", "
                + "\"success\" FROM " + QUOTED + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                Integer version = parseVersion(result.getString(2));
                if (version == null) {
                    continue;
                }
                Timestamp installedOn = result.getTimestamp(5);
                rows.add(new AppliedMigration(result.getInt(1), version, result.getString(3), result.getString(4),
                        installedOn == null ? null : installedOn.toInstant(), result.getBoolean(6)));
            }
        }
        return rows;
    }

    /**
     * Locks the history table for the rest of the connection's transaction, so that no migrate or downgrade of
     * another process interleaves. PostgreSQL: an exclusive table lock (Flyway's migrate reads the table and so
     * waits). H2: a row lock on every row, as Flyway itself locks on H2.
     */
    void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                statement.execute("LOCK TABLE " + QUOTED + " IN ACCESS EXCLUSIVE MODE");
            } else {
                try (ResultSet ignored = statement.executeQuery("SELECT \"installed_rank\" FROM " + QUOTED + " FOR UPDATE")) {
                    // the lock is what matters
                }
            }
        }
    }

    void delete(Connection connection, AppliedMigration row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + QUOTED + " WHERE \"installed_rank\" = ?")) {
            statement.setInt(1, row.installedRank());
            if (statement.executeUpdate() != 1) {
                throw new SQLException("History row " + row.installedRank() + " for version " + row.version()
                        + " vanished while downgrading");
            }
        }
    }

    private static Integer parseVersion(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
