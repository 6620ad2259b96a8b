package org.taskdesk.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToIntFunction;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * A file written whole or not at all: the content goes to a temporary file beside it, which then takes its place in
 * one move. A failure half-way leaves the old file (or none) and no temporary file behind.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code target} with what {@code content} writes to the stream; returns what {@code content} returns. */
    static int write(Path target, ToIntFunction<OutputStream> content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot write " + target + ": the folder "
                    + folder + " does not exist.");
        }
        if (Files.isDirectory(absolute)) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot write " + target + ": it is a folder; "
                    + "name a file.");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
            int result;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                result = content.applyAsInt(out);
            }
            move(temporary, absolute);
            temporary = null;
            return result;
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot write " + target + " (" + e.getMessage()
                    + "); nothing was written.", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the failure that brought us here is the one to report
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
