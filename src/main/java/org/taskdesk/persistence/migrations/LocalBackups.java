package org.taskdesk.persistence.migrations;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;

/**
 * Copies of a local H2 file taken before its schema changes. H2 has no transactional DDL, so a failed
 * migration would leave half-applied changes behind: the copy is what makes "nothing is lost" true.
 * Copies go to a {@code backups} folder beside the file; the newest few are kept.
 */
public final class LocalBackups {
    static final int KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Clock clock;

    public LocalBackups(Clock clock) {
        this.clock = clock;
    }

    /** Copies {@code databaseFile} aside (the database must be closed) and returns the copy. */
    public Path backUp(Path databaseFile, String reason) {
        Path folder = databaseFile.toAbsolutePath().getParent().resolve("backups");
        String name = databaseFile.getFileName().toString().replace(".mv.db", "");
        // The time stamp comes first so that name order is age order when pruning.
        Path copy = folder.resolve(name + "-" + LocalDateTime.now(clock).format(STAMP) + "-" + reason + ".mv.db");
        Path partial = folder.resolve(copy.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            Files.copy(databaseFile, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            move(partial, copy);
            prune(folder, name);
            return copy;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial); // a half copy on a full disk would only keep it full
            } catch (IOException cleaning) {
                e.addSuppressed(cleaning);
            }
            DatabaseErrors.diskFull(databaseFile, e).ifPresent(full -> {
                throw full;
            });
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Cannot copy " + databaseFile + " to " + copy
                    + " before changing its schema (" + e.getMessage() + "); nothing was changed. Free some disk "
                    + "space or check the folder's permissions.", e);
        }
    }

    /** Puts {@code copy} back in place of {@code databaseFile} (the database must be closed). */
    public void restore(Path copy, Path databaseFile) throws IOException {
        Path partial = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
        Files.copy(copy, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        move(partial, databaseFile);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void prune(Path folder, String name) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, name + "-*.mv.db")) {
            stream.forEach(copies::add);
        }
        copies.sort(null);
        for (int i = 0; i < copies.size() - KEPT; i++) {
            Files.deleteIfExists(copies.get(i));
        }
    }
}
