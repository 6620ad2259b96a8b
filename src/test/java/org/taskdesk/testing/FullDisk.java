package org.taskdesk.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * A disk that fills up, for H2: a file system wrapper ({@code jdbc:h2:fulldisk:/path}) over the real disk whose
 * free space the test sets. A write that would grow a file past the free space writes what fits and then fails
 * with the operating system's own words, "No space left on device", as a real full disk does; writes inside a
 * file's current length always succeed. Used where the test cannot mount a small file system of its own.
 */
public final class FullDisk extends FilePathWrapper {
    private static final String SCHEME = "fulldisk";
    /** Shared by every file on this "disk": H2 makes a new wrapper object per path. */
    private static final AtomicLong FREE = new AtomicLong(Long.MAX_VALUE);

    static {
        FilePath.register(new FullDisk());
    }

    /** A local database target for {@code file} ({@code .mv.db}) on this disk. */
    public static DatabaseTarget database(Path file) {
        String base = file.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        return new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:" + SCHEME + ":" + base + ";TRACE_LEVEL_FILE=0", "sa", "",
                base + ".mv.db", Optional.of(Path.of(base + ".mv.db")));
    }

    /** From now on only {@code bytes} more may be added to files on this disk. */
    public static void freeSpace(long bytes) {
        FREE.set(bytes);
    }

    /** As much space as anyone wants. */
    public static void unlimited() {
        FREE.set(Long.MAX_VALUE);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            long growth = position + source.remaining() - file.size();
            if (growth <= 0) {
                return file.write(source, position);
            }
            long free = FREE.getAndUpdate(left -> Math.max(0, left - growth));
            if (free >= growth) {
                return file.write(source, position);
            }
            int fits = (int) Math.min(source.remaining(), Math.max(0, file.size() - position) + free);
            if (fits <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = source.duplicate();
            part.limit(part.position() + fits);
            int written = file.write(part, position);
            source.position(source.position() + written);
            return written;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int written = write(source, file.position());
            file.position(file.position() + written);
            return written;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return file.read(target);
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            return file.read(target, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
