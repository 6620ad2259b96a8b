package org.taskdesk.persistence.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.tasks.RecordedCompletion;

/**
 * Many new rows in JDBC batches, for an import: both task repositories write them this way. One INSERT per row cost
 * an import of 100,000 tasks one round trip and, on Hibernate, one identity read per row (Hibernate cannot batch
 * inserts of IDENTITY ids); a batch sends a thousand rows at once and reads their ids back in one go.
 */
final class TaskBatches {
    static final String INSERT_TASK = "INSERT INTO tasks (user_id, title, description, completed, created_at,"
            + " updated_at, priority, tags, due_date, recurrence_pattern, due_has_time, completed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_COMPLETION = "INSERT INTO task_completions (task_id, user_id, completed_at,"
            + " due_date, due_has_time) VALUES (?, ?, ?, ?, ?)";
    /**
     * Task ids per history query: an export asks for the history of every task, and one statement takes at most
     * 65,535 parameters on PostgreSQL and arrays of at most 65,536 values on H2.
     */
    static final int IDS_PER_QUERY = 10_000;
    /** History in the order both repositories give it: by moment, then by id. */
    static final Comparator<RecordedCompletion> OLDEST_FIRST = Comparator.comparing(RecordedCompletion::completedAtUtc)
            .thenComparingLong(RecordedCompletion::id);
    /** Rows per batch: large enough that round trips no longer count, small enough to bound the driver's memory. */
    private static final int ROWS_PER_BATCH = 1_000;

    private TaskBatches() {
    }

    /**
     * Inserts {@code rows} (their ids are ignored) for {@code owner}, in order; returns the ids the database gave
     * them, in the same order.
     */
    static List<Integer> insertTasks(Connection connection, int owner, List<TaskEntity> rows) throws SQLException {
        return insertAll(connection, INSERT_TASK, rows, "new tasks", (insert, row) -> {
            insert.setInt(1, owner);
            insert.setString(2, row.getTitle());
            fields(insert, 3, row);
        });
    }

    /**
     * Inserts completion history rows for {@code owner}: each a task id, its moment and due date (UTC); returns the ids
     * the database gave them, in the same order (sync journals each one on a linked replica).
     */
    static List<Integer> insertCompletions(Connection connection, int owner, List<CompletionRow> rows)
            throws SQLException {
        return insertAll(connection, INSERT_COMPLETION, rows, "completions", (insert, row) -> {
            insert.setInt(1, row.taskId());
            insert.setInt(2, owner);
            Columns.time(insert, 3, row.completedAtUtc());
            Columns.time(insert, 4, row.storedDue());
            insert.setBoolean(5, row.dueHasTime());
        });
    }

    /** Sets one row's values on the insert. */
    private interface RowValues<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    /** {@code rows} through {@code sql}, {@value #ROWS_PER_BATCH} per batch; the new ids, in the rows' order. */
    private static <T> List<Integer> insertAll(Connection connection, String sql, List<T> rows, String what,
                                               RowValues<T> values) throws SQLException {
        List<Integer> ids = new ArrayList<>(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < rows.size(); i++) {
                values.bind(insert, rows.get(i));
                insert.addBatch();
                if ((i + 1) % ROWS_PER_BATCH == 0 || i == rows.size() - 1) {
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getInt(1));
                        }
                    }
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("The database gave " + ids.size() + " ids for " + rows.size() + " " + what);
        }
        return ids;
    }

    /** Every column after the title, from {@code first} on, in the order of {@link #INSERT_TASK}. */
    static void fields(PreparedStatement statement, int first, TaskEntity row) throws SQLException {
        Columns.text(statement, first, row.getDescription());
        statement.setBoolean(first + 1, row.isCompleted());
        Columns.time(statement, first + 2, row.getCreatedAt());
        Columns.time(statement, first + 3, row.getUpdatedAt());
        Columns.text(statement, first + 4, row.getPriority());
        Columns.text(statement, first + 5, row.getTags());
        Columns.time(statement, first + 6, row.getDueDate());
        Columns.text(statement, first + 7, row.getRecurrencePattern());
        statement.setBoolean(first + 8, row.isDueHasTime());
        Columns.time(statement, first + 9, row.getCompletedAt());
    }

    /** A completion history row to insert, in the stored form. */
    record CompletionRow(int taskId, java.time.LocalDateTime completedAtUtc, java.time.LocalDateTime storedDue,
                         boolean dueHasTime) {
    }
}
