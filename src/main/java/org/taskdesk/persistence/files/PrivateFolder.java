package org.taskdesk.persistence.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** Folders and files that only their owner may read: the data folder holds password hashes and tasks. */
public final class PrivateFolder {
    private PrivateFolder() {
    }

    /** Creates {@code folder} (and its parents) if missing; a folder TaskDesk creates is owner-only. */
    public static void create(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot create the folder " + folder + ": "
                    + e.getMessage() + ". Check the permissions of its parent or choose another place.", e);
        }
    }

    /**
     * Writes {@code properties} to {@code file}, owner-only from the first byte (settings may hold a server's
     * password, the token file holds sessions), and whole: into a partial file that is then moved into place, so
     * a crash never leaves half a file.
     */
    public static void writeProperties(Path file, Properties properties, String comment) throws IOException {
        create(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial);
        restrictFile(partial);
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, comment);
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes {@code file} readable and writable by its owner only, where the file system knows owners. */
    public static void restrictFile(Path file) {
        restrict(file, "rw-------");
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the per-user profile folder already keeps others out.
        }
    }
}
