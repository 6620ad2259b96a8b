package org.taskdesk.persistence.schema;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A copy of a local database in its backups folder: when it was taken, the schema version it holds (-1 when it
 * cannot be read) and, for a copy that cannot be used, what is wrong with it.
 */
record StoredCopy(Path file, LocalDateTime taken, int version, String problem) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public boolean usable() {
        return problem == null;
    }

    static String format(LocalDateTime time) {
        return time.format(SHOWN);
    }
}
