package org.taskdesk.persistence.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.sync.PulledRows;

/** Reads a page of {@code taskdesk_sync_pull_rows} (V18, ADR 0038) into {@link PulledRows}. */
final class PulledRowsReader {
    /** The columns of taskdesk_sync_pull_rows (V18), by place. */
    private static final int KIND = 1;
    private static final int VERSION = 2;
    private static final int UID = 3;
    private static final int TASK_UID = 4;
    private static final int CREATED = 5;
    /** Then description, priority, tags. */
    private static final int TITLE = 6;
    /** Then due_has_time, repeat, completed, completed_at. */
    private static final int DUE = 10;
    /** The seven stamps, in SyncField's order. */
    private static final int FIRST_STAMP = 15;
    private static final int STAMP = 22;
    private static final int MORE = 23;

    private PulledRowsReader() {
    }

    /**
     * A page of {@code taskdesk_sync_pull_rows} (V18): its first row says what the page is ('h': version, more and the
     * server's clock; 'r': start again from nothing), then tasks, deletions and completions.
     */
    static PulledRows page(ResultSet result) throws SQLException {
        if (!result.next()) {
            throw new SQLException("The first pull as rows answered nothing");
        }
        boolean resync = "r".equals(result.getString(KIND));
        long version = result.getLong(VERSION);
        String serverClock = result.getString(STAMP);
        boolean more = result.getBoolean(MORE);
        List<PulledRows.Task> tasks = new ArrayList<>();
        List<PulledRows.Deleted> deleted = new ArrayList<>();
        List<PulledRows.Completion> completions = new ArrayList<>();
        while (result.next()) {
            UUID uid = result.getObject(UID, UUID.class);
            long itemVersion = result.getLong(VERSION);
            switch (result.getString(KIND)) {
                case "t" -> tasks.add(new PulledRows.Task(uid, itemVersion, time(result, CREATED),
                        result.getString(TITLE), result.getString(TITLE + 1), result.getString(TITLE + 2),
                        result.getString(TITLE + 3), time(result, DUE), result.getBoolean(DUE + 1),
                        result.getString(DUE + 2), result.getBoolean(DUE + 3), time(result, DUE + 4), clocks(result)));
                case "d" -> deleted.add(new PulledRows.Deleted(uid, itemVersion, result.getString(STAMP)));
                case "c" -> completions.add(new PulledRows.Completion(uid, result.getObject(TASK_UID, UUID.class),
                        itemVersion, time(result, DUE + 4), time(result, DUE), result.getBoolean(DUE + 1)));
                default -> throw new SQLException("Unknown kind of pulled row " + result.getString(KIND));
            }
        }
        return new PulledRows(serverClock, resync, version, more, tasks, deleted, completions);
    }

    private static FieldClocks clocks(ResultSet result) throws SQLException {
        FieldClocks clocks = FieldClocks.NONE;
        SyncField[] fields = SyncField.values();
        for (int i = 0; i < fields.length; i++) {
            String stamp = result.getString(FIRST_STAMP + i);
            if (stamp != null) {
                clocks = clocks.with(fields[i], stamp);
            }
        }
        return clocks;
    }

    private static LocalDateTime time(ResultSet result, int column) throws SQLException {
        return result.getObject(column, LocalDateTime.class);
    }
}
