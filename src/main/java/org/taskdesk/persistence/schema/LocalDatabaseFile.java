package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an existing local database file can be opened without risk. H2 turns an empty file into a new, empty
 * database and may write to a file it does not understand; so before H2 sees a file, its header (not the whole
 * file: this runs at every start) is read here. What is wrong comes back as words for the user.
 *
 * <p>Never run this on a file this process has open: reading the header opens and closes a descriptor of the file,
 * and POSIX drops every lock a process holds on a file when it closes any descriptor of it, H2's lock included.
 * Another process could then open the database beside ours and corrupt it. Check a file before opening it, never
 * while it is open (so not from a window whose workspace has it open).
 */
final class LocalDatabaseFile {
    /** H2's MVStore file starts with two copies of a text header, each in a 4 KiB block. */
    private static final int HEADER_BLOCK = 4096;

    private LocalDatabaseFile() {
    }

    /** What is wrong with {@code file}, or empty when it is fine or does not exist (a new database). */
    static Optional<String> problem(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder, not a database file");
        }
        Optional<String> access = accessProblem(file);
        if (access.isPresent()) {
            return access;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return Optional.of("is empty (0 bytes)");
            }
            Map<String, String> header = header(read(channel, 0, HEADER_BLOCK));
            if (header.isEmpty() && size > HEADER_BLOCK) {
                header = header(read(channel, HEADER_BLOCK, HEADER_BLOCK)); // H2 keeps a second copy
            }
            if (header.isEmpty()) {
                return encrypted(read(channel, 0, 16)) ? Optional.empty()
                        : Optional.of("is not a TaskDesk database (it does not start like an H2 database file)");
            }
            if (size < 2L * HEADER_BLOCK) {
                return Optional.of("is truncated (" + size + " bytes, less than an H2 file's two header blocks)");
            }
            return truncatedChunk(channel, header, size);
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Someone else's file, or one without read or write permission for its owner, is not touched. */
    private static Optional<String> accessProblem(Path file) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                String owner = Files.getOwner(file).getName();
                String me = System.getProperty("user.name");
                if (!owner.equals(me)) {
                    return Optional.of("belongs to another user (" + owner + "), not to " + me);
                }
                var permissions = Files.getPosixFilePermissions(file);
                // Checked by the bits, not by access(): root may read anything, and would then write to a file
                // its owner had locked away.
                if (!permissions.contains(PosixFilePermission.OWNER_READ)) {
                    return Optional.of("cannot be read (its permissions allow its owner no reading)");
                }
                if (!permissions.contains(PosixFilePermission.OWNER_WRITE)) {
                    return Optional.of("is read-only (its permissions allow its owner no writing)");
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.of("cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot be read (no permission)");
        }
        return Optional.empty();
    }

    /**
     * The header names the block of the newest chunk it knows; that chunk's own header gives its length. A file
     * that ends before that chunk ends was cut short (a copy that did not finish, a full disk). The file's tail is
     * not judged: after a crash or a full disk it may hold a chunk that was never finished, which H2 rightly
     * ignores (its commit never returned), and after a clean close it may hold free space. A cut that H2 finds
     * later comes out as its own "file corrupted", which is a damaged file too (DatabaseErrors).
     */
    private static Optional<String> truncatedChunk(FileChannel channel, Map<String, String> header, long size)
            throws IOException {
        long blockSize;
        long block;
        try {
            blockSize = Long.parseLong(header.getOrDefault("blockSize", "1000"), 16);
            block = Long.parseLong(header.getOrDefault("block", "0"), 16);
        } catch (NumberFormatException e) {
            return Optional.of("is not a TaskDesk database (its H2 header cannot be read)");
        }
        long chunkStart = block * blockSize;
        if (block == 0) {
            return Optional.empty(); // no chunk written yet
        }
        if (chunkStart >= size) {
            return Optional.of("is truncated (" + size + " bytes; its newest data starts at byte " + chunkStart + ")");
        }
        Map<String, String> chunk = header(read(channel, chunkStart, HEADER_BLOCK));
        String length = chunk.get("len");
        if (!chunk.containsKey("chunk") || length == null) {
            return Optional.empty(); // not where the header said: H2 finds its chunks itself, so let it
        }
        try {
            long end = (block + Long.parseLong(length, 16)) * blockSize;
            if (end > size) {
                return Optional.of("is truncated (" + size + " bytes; its newest data ends at byte " + end + ")");
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** The "key:value,…" text at the start of a block: H2's file header starts with "H:2", a chunk's with "chunk:". */
    private static Map<String, String> header(byte[] block) {
        String text = new String(block, StandardCharsets.ISO_8859_1);
        int end = 0;
        while (end < text.length() && text.charAt(end) >= ' ' && text.charAt(end) < 127) {
            end++;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : text.substring(0, end).split(",")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon), field.substring(colon + 1).strip());
            }
        }
        if (!fields.containsKey("H") && !fields.containsKey("chunk")) {
            return Map.of();
        }
        return fields;
    }

    /** An H2 file encrypted with CIPHER=AES starts with this instead: it cannot be checked without the key. */
    private static boolean encrypted(byte[] start) {
        return new String(start, StandardCharsets.ISO_8859_1).startsWith("H2encrypt");
    }
}
