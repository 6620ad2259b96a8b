package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;

/**
 * Copies of a local H2 file taken before its schema changes. H2 has no transactional DDL, so a failed
 * migration would leave half-applied changes behind: the copy is what makes "nothing is lost" true.
 * Copies go to a {@code backups} folder beside the file; the newest few are kept.
 *
 * <p>Never run this on a file this process has open (through H2 or anything else): H2 locks its file with a POSIX
 * lock, and POSIX drops every lock a process holds on a file as soon as that process closes ANY descriptor of it.
 * Copying, checking or restoring opens and closes such descriptors, so another process could then open the same
 * file beside us and corrupt it. Only files no connection of this JVM has open are copied or replaced here.
 *
 * <p>Every copy and every replacement is forced to disk, file and folder, before anyone relies on it: a copy is
 * named in the {@link ChangeInProgress} note, which is itself forced, and after a power cut the note must never
 * name a copy that is still empty or short.
 */
final class LocalBackups {
    static final int KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Clock clock;

    LocalBackups(Clock clock) {
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
            forceToDisk(partial);
            move(partial, copy);
            forceFolder(folder); // the rename too: else the copy's name may be lost while the note names it
            prune(databaseFile, copy);
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

    /** A copy in the backups folder and when it was taken (from its name). */
    public record Copy(Path file, LocalDateTime taken) {
    }

    /** The copies of {@code databaseFile} in its backups folder, newest first. */
    public List<Copy> copies(Path databaseFile) {
        Path folder = databaseFile.toAbsolutePath().getParent().resolve("backups");
        String name = databaseFile.getFileName().toString().replace(".mv.db", "");
        List<Copy> copies = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return copies;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, name + "-*.mv.db")) {
            for (Path file : stream) {
                taken(name, file.getFileName().toString()).ifPresent(taken -> copies.add(new Copy(file, taken)));
            }
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot list " + folder + ": " + e.getMessage()
                    + ". Check the folder's permissions.", e);
        }
        copies.sort(Comparator.comparing(Copy::taken).reversed());
        return copies;
    }

    /**
     * When a copy of the database {@code name} whose file is called {@code fileName} was taken; empty when it is
     * another database's copy whose name starts like this one's ("taskdesk-work-…" beside "taskdesk").
     */
    private static Optional<LocalDateTime> taken(String name, String fileName) {
        try {
            return Optional.of(LocalDateTime.parse(fileName.substring(name.length() + 1, name.length() + 20),
                    STAMP));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts {@code copy} in place of {@code databaseFile} in one atomic step, after keeping whatever was there
     * (a damaged file, a folder, the current database) beside it under a new name, which is returned (null when
     * there was nothing). Nothing is deleted. Refuses while another program has the database open.
     */
    public Path restoreKeepingCurrent(Path copy, Path databaseFile) throws IOException {
        Path partial = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
        Files.copy(copy, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        forceToDisk(partial);
        try {
            Path aside = null;
            if (Files.exists(databaseFile, LinkOption.NOFOLLOW_LINKS)) {
                String name = databaseFile.getFileName().toString().replace(".mv.db", "");
                aside = databaseFile.resolveSibling(name + "-before-restore-" + LocalDateTime.now(clock).format(STAMP)
                        + ".mv.db");
                if (Files.isRegularFile(databaseFile)) {
                    refuseIfOpen(databaseFile);
                    keepBeside(databaseFile, aside);
                } else {
                    Files.move(databaseFile, aside); // a folder cannot be replaced by a file in one step
                }
            }
            move(partial, databaseFile);
            forceFolder(databaseFile.toAbsolutePath().getParent());
            return aside;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A hard link keeps the old file under a second name at no cost; where there are none, a copy. */
    private static void keepBeside(Path file, Path aside) throws IOException {
        try {
            Files.createLink(aside, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, aside, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** H2 holds an OS lock on its file while it has the database open. */
    private static void refuseIfOpen(Path databaseFile) throws IOException {
        try (FileChannel channel = FileChannel.open(databaseFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new TaskDeskException(ErrorCode.DATABASE_IN_USE, "The database " + databaseFile + " is in use "
                        + "by another program (probably another TaskDesk window or command): close it and restore "
                        + "again. Nothing was changed.");
            }
            lock.release();
        } catch (AccessDeniedException e) {
            // Not ours to lock (someone else's file): H2 could not have it open for us either; it is kept aside.
        }
    }

    /** Puts {@code copy} back in place of {@code databaseFile} (the database must be closed). */
    public void restore(Path copy, Path databaseFile) throws IOException {
        Path partial = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
        Files.copy(copy, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        forceToDisk(partial);
        move(partial, databaseFile);
        forceFolder(databaseFile.toAbsolutePath().getParent());
    }

    /** Writes the file's bytes to the disk: a rename is often on disk before the data it names (ext4, xfs). */
    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Writes the folder's entries (new names, renames) to the disk. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a file; its NTFS journals renames itself.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Keeps the newest {@link #KEPT} copies of {@code databaseFile}, never {@code justTaken}: only this database's
     * copies count ({@link #copies} skips other databases' names, which may start like this one's).
     */
    private void prune(Path databaseFile, Path justTaken) throws IOException {
        Path folder = justTaken.getParent();
        String name = databaseFile.getFileName().toString().replace(".mv.db", "");
        // A copy interrupted by a kill or a full disk never became a copy: its partial file is only in the way.
        // Another database's partial file may be a copy being taken right now: it is not ours to delete.
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, name + "-*.mv.db.partial")) {
            for (Path partial : stream) {
                if (taken(name, partial.getFileName().toString()).isPresent()) {
                    Files.deleteIfExists(partial);
                }
            }
        }
        List<Copy> newestFirst = copies(databaseFile);
        for (int i = KEPT; i < newestFirst.size(); i++) {
            if (!newestFirst.get(i).file().equals(justTaken)) {
                Files.deleteIfExists(newestFirst.get(i).file());
            }
        }
    }
}
