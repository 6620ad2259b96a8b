package org.taskdesk.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One database's schema as the migration commands need it: what it records, the revisions this program ships for
 * it, and the changes. Persistence does the work (Flyway, the downgrades, the copies of a local file) so that a
 * change is done entirely or not at all; failures come out as {@code TaskDeskException}s with a sentence for people.
 */
public interface DatabaseSchema {
    /** The database as people should see it: a file path or {@code postgresql://user@host/db}, no password. */
    String databaseName();

    /** The database's file when it is a local one: only then does TaskDesk keep copies of it. */
    Optional<Path> localFile();

    /** Every revision this program ships for the database's kind, oldest first. */
    List<Revision> revisions();

    /** The applied versions, oldest first; creates nothing (a local file that does not exist yet has none). */
    List<AppliedRevision> applied();

    /** Applies the revisions after {@code from} up to {@code to}, telling {@code steps} as each starts. */
    void upgrade(int from, int to, Consumer<MigrationStep> steps);

    /** The rows held by the tables that a downgrade from {@code from} to {@code to} would drop. Reads only. */
    DroppedRows rowsDroppedByDowngrade(int from, int to);

    /**
     * Runs the downgrade scripts down to {@code to}, newest first; unless {@code mayDropRows}, refuses (changing
     * nothing) when a table it would drop holds rows by the time the history is locked.
     */
    void downgrade(int to, boolean mayDropRows, Consumer<MigrationStep> steps);

    /** Records the database as being at {@code to} without running any script. */
    void stamp(int from, int to);

    /** The SQL an upgrade from {@code from} to {@code to} would run, with a comment before each step. */
    String upgradeSql(int from, int to);

    /** The SQL a downgrade from {@code from} to {@code to} would run, with a comment before each step. */
    String downgradeSql(int from, int to);

    /** The copies of the local database file taken before its schema changed, newest first. */
    List<BackupCopy> backupCopies();

    /** Puts {@code copy} in place of the local database file, keeping the file that was there beside it. */
    RestoredBackup restore(Path copy);
}
