package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * A schema change that is done entirely or not at all: on PostgreSQL one transaction; on a local H2 file, whose DDL
 * commits at once, a copy taken first, a note that survives a kill, and the copy put back if the change fails.
 */
final class AllOrNothingChange {
    private static final Logger LOG = LoggerFactory.getLogger(AllOrNothingChange.class);

    private final DatabaseConnections connections;
    private final LocalBackups backups;
    private final DatabaseFileCopies copies;

    AllOrNothingChange(DatabaseConnections connections, LocalBackups backups, DatabaseFileCopies copies) {
        this.connections = connections;
        this.backups = backups;
        this.copies = copies;
    }

    /**
     * Runs a schema change; for a local H2 file, copies it aside first and puts it back if the change fails.
     * A file that did not exist before is removed again instead, so the next attempt starts clean.
     */
    void run(String reason, Runnable change) {
        DatabaseTarget target = connections.target();
        Optional<Path> file = target.h2File();
        if (file.isPresent()) {
            changeLocalFile(file.get(), reason, change);
            return;
        }
        try {
            connections.duringSchemaChange(change);
        } catch (RuntimeException failure) {
            if (target.kind() == DatabaseKind.POSTGRESQL && failure instanceof TaskDeskException taskDesk
                    && taskDesk.code() == ErrorCode.MIGRATION_FAILED) {
                // Only PostgreSQL ran it in one transaction; an H2 server or in-memory database has no copy to restore.
                throw new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                        + " Nothing was changed: the whole change ran in one transaction.", taskDesk.getCause());
            }
            throw failure;
        }
    }

    /**
     * A local file: copied first, the change noted (so that a kill mid-way is undone at the next start, see
     * {@link ChangeInProgress}), and the copy put back if the change fails.
     */
    private void changeLocalFile(Path file, String reason, Runnable change) {
        connections.prepareLocalFolder();
        try (ChangeInProgress note = ChangeInProgress.lock(file)) {
            note.recover(backups);
            copies.refuseIfDamaged(file);
            Path backup = Files.exists(file) ? backups.backUp(file, reason) : null;
            note.begin(backup);
            long connectionsBefore = connections.connectionsOpened();
            try {
                change.run();
            } catch (RuntimeException failure) {
                if (connections.connectionsOpened() == connectionsBefore) {
                    // It never got a connection (another program has the file open, say), so it changed nothing.
                    // Putting the copy back would rename it over a file that program is still writing to: its
                    // saves would go on into a file no longer in the folder.
                    note.clear();
                    throw neverConnected(failure);
                }
                RuntimeException reported = putBack(file, backup, failure);
                note.clear(); // only once the file is back as it was: else the next start tries again
                throw reported;
            }
            note.clear();
        }
        connections.restrictLocalFile();
    }

    /** The failure of a change that could not connect: as any failed connection reads ("in use", …). */
    private RuntimeException neverConnected(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return DatabaseErrors.connectionFailed(connections.target(), sql);
            }
        }
        return failure;
    }

    /** Puts the file back as it was; returns what to report. If that fails too, throws at once, keeping the note. */
    private RuntimeException putBack(Path file, Path backup, RuntimeException failure) {
        try {
            if (backup != null) {
                backups.restore(backup, file);
                LOG.warn("Restored {} from {} after a failed schema change", file, backup);
            } else {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.resolveSibling(file.getFileName().toString().replace(".mv.db", ".trace.db")));
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, failure.getMessage() + " Putting the database back "
                    + "also failed (" + e.getMessage() + "): copy " + backup + " over " + file + " by hand.", failure);
        }
        if (failure instanceof TaskDeskException taskDesk && backup != null) {
            return new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                    + " The database was put back as it was before, from the copy at " + backup + ".", failure.getCause());
        }
        return failure;
    }
}
