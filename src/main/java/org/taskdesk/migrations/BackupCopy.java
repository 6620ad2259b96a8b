package org.taskdesk.migrations;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A copy of the local database taken before a schema change: when, at which version ({@code -1} when it cannot be
 * read), and what is wrong with it if it cannot be used ({@code null} when it can).
 */
public record BackupCopy(Path file, LocalDateTime taken, int version, String problem) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public boolean usable() {
        return problem == null;
    }

    /** The name to give {@code taskdesk db restore}. */
    public String name() {
        return file.getFileName().toString();
    }

    /** "2026-11-28 05:10:00". */
    public String takenText() {
        return taken.format(SHOWN);
    }
}
