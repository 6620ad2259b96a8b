package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * The copies of a local database file as people meet them: listed with the version each holds, put back in place
 * of the file, and named in the message about a damaged file, so that the way out is in the same sentence.
 */
final class DatabaseFileCopies {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFileCopies.class);

    private final DatabaseConnections connections;
    private final LocalBackups backups;
    private final SchemaHistory history;

    DatabaseFileCopies(DatabaseConnections connections, LocalBackups backups, SchemaHistory history) {
        this.connections = connections;
        this.backups = backups;
        this.history = history;
    }

    /** The copies of the local database file in its backups folder, newest first, each with its version. */
    List<StoredCopy> copies() {
        Path file = localFile("list the copies of");
        List<StoredCopy> copies = new ArrayList<>();
        for (LocalBackups.Copy copy : backups.copies(file)) {
            copies.add(describe(copy));
        }
        return copies;
    }

    /**
     * Puts {@code copy} in place of the local database file, atomically, keeping the file that was there beside it
     * under a new name; an interrupted schema change is forgotten (the copy supersedes it).
     */
    RestoredCopy restore(Path copy) {
        Path file = localFile("restore");
        if (!Files.isRegularFile(copy)) {
            throw new TaskDeskException(ErrorCode.NOT_FOUND, "There is no copy at " + copy + ": 'taskdesk db restore' "
                    + "without a name lists the copies of " + file + ".");
        }
        Optional<String> problem = LocalDatabaseFile.problem(copy);
        if (problem.isPresent()) {
            throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The copy " + copy + " " + problem.get()
                    + ": choose another one ('taskdesk db restore' lists them). Nothing was changed.");
        }
        connections.prepareLocalFolder();
        try (ChangeInProgress note = ChangeInProgress.lock(file)) {
            Path aside = backups.restoreKeepingCurrent(copy, file);
            note.clear();
            connections.restrictLocalFile();
            LOG.info("Restored {} from {}; the file that was there is now {}", file, copy, aside);
            return new RestoredCopy(file, copy, aside);
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Could not restore " + file + " from " + copy
                    + " (" + e.getMessage() + "); the database file was not replaced.", e);
        }
    }

    private Path localFile(String action) {
        return connections.target().h2File().orElseThrow(() -> new TaskDeskException(ErrorCode.INVALID_INPUT,
                "Cannot " + action + " " + connections.target().displayName() + ": TaskDesk keeps copies of local database files "
                        + "only; a server's owner restores it with the server's own tools."));
    }

    private StoredCopy describe(LocalBackups.Copy copy) {
        Optional<String> problem = LocalDatabaseFile.problem(copy.file());
        if (problem.isPresent()) {
            return new StoredCopy(copy.file(), copy.taken(), -1, problem.get());
        }
        String base = copy.file().toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        DatabaseTarget readOnly = new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:file:" + base
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", connections.target().user(), connections.target().password(),
                copy.file().toString(), Optional.empty());
        try (Connection connection = new DatabaseConnections(readOnly).getConnection()) {
            int version = history.applied(connection).stream().mapToInt(AppliedMigration::version).max().orElse(0);
            return new StoredCopy(copy.file(), copy.taken(), version, null);
        } catch (SQLException e) {
            LOG.info("Cannot read the copy {}", copy.file(), e);
            return new StoredCopy(copy.file(), copy.taken(), -1, "cannot be opened (" + DatabaseErrors.firstLine(e) + ")");
        }
    }

    /** Before H2 sees the file: one that is not a usable database is never written, let alone replaced. */
    void refuseIfDamaged(Path file) {
        Optional<String> problem = LocalDatabaseFile.problem(file);
        if (problem.isPresent()) {
            throw damaged(file, problem.get(), null);
        }
    }

    TaskDeskException damaged(Path file, String problem, Throwable cause) {
        String message = "The database file " + file + " " + problem + "; TaskDesk has not changed it. ";
        Optional<StoredCopy> newest = backups.copies(file).stream().map(this::describe)
                .filter(StoredCopy::usable).findFirst();
        if (newest.isPresent()) {
            StoredCopy copy = newest.get();
            message += "The newest copy is " + copy.file() + " (taken " + StoredCopy.format(copy.taken())
                    + ", version " + SchemaMigrator.label(copy.version()) + "): restore it with 'taskdesk db restore "
                    + copy.file().getFileName() + "'.";
        } else {
            message += "There is no copy of it in " + file.toAbsolutePath().getParent().resolve("backups")
                    + ": move it aside to start a new, empty database, or put back a copy of your own.";
        }
        return new TaskDeskException(ErrorCode.DATABASE_DAMAGED, message, cause);
    }
}
