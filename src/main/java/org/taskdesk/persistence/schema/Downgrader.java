package org.taskdesk.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.DroppedRows;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * Going down, which Flyway's community edition cannot: the downgrade scripts run newest first and the history rows
 * go with them, in one transaction under the history lock; the rows a downgrade would drop are counted first.
 */
final class Downgrader {
    private final DatabaseConnections connections;
    private final MigrationCatalog catalog;
    private final SchemaHistory history;
    private final ScriptText text;

    Downgrader(DatabaseConnections connections, MigrationCatalog catalog, SchemaHistory history, ScriptText text) {
        this.connections = connections;
        this.catalog = catalog;
        this.history = history;
        this.text = text;
    }

    /** The rows held by the tables that a downgrade from {@code from} to {@code to} would drop. Reads only. */
    DroppedRows rowsDroppedByDowngrade(int from, int to) {
        List<String> tables = text.tablesDroppedBy(from, to);
        DatabaseTarget target = connections.target();
        if (tables.isEmpty() || target.isMissingLocalFile()) {
            return new DroppedRows(Map.of());
        }
        try (Connection connection = new DatabaseConnections(target.ifExists()).open()) {
            connection.setAutoCommit(false);
            try {
                return countRows(connection, tables);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "count the rows the downgrade would remove", e);
        }
    }

    private DroppedRows countRows(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean postgres = connections.target().kind() == DatabaseKind.POSTGRESQL;
        for (String table : tables) {
            String stored = postgres ? table : table.toUpperCase(Locale.ROOT);
            try (ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    stored, new String[] {"TABLE"})) {
                if (!found.next()) {
                    continue;
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    // Forced row-level security hides every row from the owner too. Lifted inside this transaction
                    // only, which the caller rolls back: the count must see everyone's rows.
                    statement.execute("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY");
                }
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return new DroppedRows(counts);
    }

    void trimHistory(int targetVersion, StepListener listener, boolean runScripts, boolean mayDropRows) {
        DatabaseTarget target = connections.target();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                history.lock(connection);
                List<AppliedMigration> applied = new ArrayList<>(history.applied(connection));
                if (!mayDropRows && !applied.isEmpty()) {
                    refuseIfRowsWouldGo(connection, applied.get(applied.size() - 1).version(), targetVersion);
                }
                while (!applied.isEmpty() && applied.get(applied.size() - 1).version() > targetVersion) {
                    AppliedMigration newest = applied.remove(applied.size() - 1);
                    if (runScripts) {
                        MigrationScript script = catalog.find(newest.version()).orElseThrow(() -> unknownApplied(newest));
                        listener.starting(newest.version(), catalog.previous(newest.version()), script.description());
                        execute(connection, script, newest);
                    }
                    history.delete(connection, newest);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "downgrade the schema", e);
        }
    }

    /** Checked again under the history lock: rows may have been added since the user was asked. */
    private void refuseIfRowsWouldGo(Connection connection, int from, int to) throws SQLException {
        Savepoint beforeCount = connection.setSavepoint();
        DroppedRows rows = countRows(connection, text.tablesDroppedBy(from, to));
        connection.rollback(beforeCount);
        if (!rows.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Downgrading to " + SchemaMigrator.label(to) + " would now remove "
                    + rows.describe() + ", added since it was checked: nothing was changed. Add --yes to downgrade anyway.");
        }
    }

    private void execute(Connection connection, MigrationScript script, AppliedMigration row) {
        String sql = text.read(text.downgradeResource(script));
        try (Statement statement = connection.createStatement()) {
            // Both drivers split a script into its statements themselves, quotes and dollar-quoting included.
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, DatabaseErrors.redact("Downgrade of " + row.version()
                    + " (" + script.description() + ") failed: " + DatabaseErrors.firstLine(e) + ".", connections.target()), e);
        }
    }

    private String downgradeResource(MigrationScript script) {
        if (script.downgradeResource() == null) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Version " + script.version() + " ("
                    + script.description() + ") has no downgrade script, so it cannot be undone; nothing was changed.");
        }
        return script.downgradeResource();
    }

    private TaskDeskException unknownApplied(AppliedMigration row) {
        return new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database records version " + row.version()
                + " (" + row.description() + "), which this TaskDesk does not know, so it cannot undo it; nothing was "
                + "changed. Use the TaskDesk that applied it.");
    }
}
