package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * The note that a schema change of a local H2 file is under way, and which copy holds the file as it was before.
 * H2 commits each DDL statement at once, so a process killed mid-migration leaves a file between two versions
 * (once with a USERS_COPY_4_0 table holding emails and password hashes). The note is written, and synced, after
 * the copy is taken and before the first change; it is emptied after the last. Whoever finds it non-empty and can
 * lock it (the process that wrote it holds the lock until it is done, so a live migration is never mistaken for
 * an interrupted one) puts the copy back: the file is then exactly at the version it had before.
 *
 * <p>The note lives in {@code backups/<name>.change-in-progress} and is emptied, never deleted: deleting a locked
 * file lets a second process lock the deleted file while a third creates a new one.
 */
final class ChangeInProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeInProgress.class);
    private static final String NEW_FILE = "(new file)";

    private final Path databaseFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ChangeInProgress(Path databaseFile, FileChannel channel, FileLock lock) {
        this.databaseFile = databaseFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path noteOf(Path databaseFile) {
        Path absolute = databaseFile.toAbsolutePath();
        return absolute.getParent().resolve("backups")
                .resolve(absolute.getFileName().toString().replace(".mv.db", "") + ".change-in-progress");
    }

    /**
     * Puts back the copy of a change that was interrupted, if any; returns whether it did. Costs one look at the
     * file system when no change was ever made to the file.
     */
    static boolean recoverIfInterrupted(Path databaseFile, LocalBackups backups) {
        if (!Files.exists(noteOf(databaseFile))) {
            return false;
        }
        try (ChangeInProgress note = lock(databaseFile)) {
            return note.recover(backups);
        }
    }

    /**
     * Locks the note for a change of {@code databaseFile}, after recovering an interrupted earlier change. The
     * change is recorded by {@link #begin}; {@link #close} empties the note and releases it.
     */
    static ChangeInProgress lock(Path databaseFile) {
        Path note = noteOf(databaseFile);
        FileChannel channel = null;
        try {
            Files.createDirectories(note.getParent());
            channel = FileChannel.open(note, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process is changing it, on another thread
            }
            if (lock == null) {
                channel.close();
                throw new TaskDeskException(ErrorCode.DATABASE_IN_USE, "The database " + databaseFile + " is being "
                        + "upgraded or downgraded by another program (probably another TaskDesk): wait for it to "
                        + "finish and try again.");
            }
            return new ChangeInProgress(databaseFile, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Cannot write " + note + " (" + e.getMessage()
                    + "), which guards the database's schema changes; nothing was changed. Check the folder's "
                    + "permissions and free disk space.", e);
        }
    }

    /** Records that a change starts now, with {@code copy} (null for a file that does not exist yet) to go back to. */
    void begin(Path copy) {
        write(copy == null ? NEW_FILE : copy.toAbsolutePath().toString());
    }

    /** Puts back the copy the note names, if it names one; empties the note. */
    boolean recover(LocalBackups backups) {
        String recorded = read();
        if (recorded.isEmpty()) {
            return false;
        }
        try {
            if (recorded.equals(NEW_FILE)) {
                Files.deleteIfExists(databaseFile);
                LOG.warn("A schema change creating {} was interrupted; removed the half-made file", databaseFile);
            } else {
                Path copy = Path.of(recorded);
                if (!Files.isRegularFile(copy)) {
                    throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The last upgrade or downgrade of "
                            + databaseFile + " was interrupted, and the copy taken before it (" + copy + ") is gone: "
                            + "restore another copy with 'taskdesk db restore', or move the file aside.");
                }
                // After a power cut the copy may be empty or short: never put such a copy over the database.
                Optional<String> problem = LocalDatabaseFile.problem(copy);
                if (problem.isPresent()) {
                    throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The last upgrade or downgrade of "
                            + databaseFile + " was interrupted, and the copy taken before it (" + copy + ") "
                            + problem.get() + ", so TaskDesk has not put it back and has not changed " + databaseFile
                            + ": restore another copy with 'taskdesk db restore'.");
                }
                // The current file is kept beside it, not replaced: it may still be the only whole copy of the data.
                Path aside = backups.restoreKeepingCurrent(copy, databaseFile);
                LOG.warn("A schema change of {} was interrupted; put back the copy {} taken before it, keeping the "
                        + "file that was there as {}", databaseFile, copy, aside);
            }
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The last upgrade or downgrade of " + databaseFile
                    + " was interrupted, and putting back the copy " + recorded + " failed (" + e.getMessage()
                    + "): copy it over " + databaseFile + " by hand.", e);
        }
        write("");
        return true;
    }

    /** Forgets the change: done, or superseded by a restored copy. */
    void clear() {
        write("");
    }

    private String read() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            // Synced: after a power cut the note must not be missing while the file is half-changed.
            channel.force(true);
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Cannot write " + noteOf(databaseFile) + " ("
                    + e.getMessage() + "), which guards the database's schema changes. Free some disk space.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing {} failed; closing the channel releases it", noteOf(databaseFile), e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a change note failed", e);
            }
        }
    }
}
