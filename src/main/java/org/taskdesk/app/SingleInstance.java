package org.taskdesk.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.persistence.files.PrivateFolder;

/**
 * One desktop app per person: the first to start holds a lock file in the (owner-only) data folder and listens on a
 * Unix domain socket beside it; a second start finds the socket, asks the first to show its window, and ends. A
 * socket file in an owner-only folder can be reached by its owner only, unlike a TCP port on localhost.
 */
final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final String SHOW = "show\n";
    private static final String DONE = "shown\n";
    /** How long a second start waits for a first one that holds the lock but is not listening yet. */
    private static final int WAITS = 50;
    private static final long WAIT_MILLIS = 100;

    private final FileChannel lockFile;
    private final ServerSocketChannel server;
    private final Path socket;
    private volatile Runnable show = () -> { };
    private volatile boolean closed;

    private SingleInstance(FileChannel lockFile, ServerSocketChannel server, Path socket) {
        this.lockFile = lockFile;
        this.server = server;
        this.socket = socket;
    }

    /**
     * This process as the one desktop app of the person whose data is in {@code dataFolder}; empty when another one
     * runs, which was asked to show its window. When the lock or the socket cannot be had at all (a path too long
     * for a socket, say), the app starts anyway, alone in this process, and the reason is logged.
     */
    static Optional<SingleInstance> claim(Path dataFolder) {
        Path socket = dataFolder.resolve("taskdesk.socket");
        try {
            PrivateFolder.create(dataFolder);
            for (int wait = 0; wait < WAITS; wait++) {
                if (askToShow(socket)) {
                    return Optional.empty();
                }
                FileChannel channel = FileChannel.open(dataFolder.resolve("taskdesk.instance.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return Optional.of(listen(channel, socket));
                }
                channel.close(); // another start holds it and is about to listen: ask it in a moment
                Thread.sleep(WAIT_MILLIS);
            }
            LOG.warn("Another TaskDesk holds {} but does not answer: starting anyway", dataFolder);
        } catch (IOException e) {
            LOG.warn("Cannot make sure only one TaskDesk window runs: starting anyway", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(new SingleInstance(null, null, null));
    }

    /** Runs {@code action} (on a thread of its own) whenever another start asks for the window. */
    void onShowRequest(Runnable action) {
        show = action;
    }

    private static SingleInstance listen(FileChannel lockFile, Path socket) throws IOException {
        try {
            Files.deleteIfExists(socket); // left by an app that was killed: the lock says nobody listens on it
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            SingleInstance instance = new SingleInstance(lockFile, server, socket);
            Thread listener = new Thread(instance::answer, "TaskDesk single instance");
            listener.setDaemon(true);
            listener.start();
            return instance;
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    private void answer() {
        while (!closed && server.isOpen()) {
            try (SocketChannel other = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(SHOW.length());
                while (request.hasRemaining() && other.read(request) >= 0) {
                    // read the whole request
                }
                boolean asked = SHOW.equals(new String(request.array(), 0, request.position(), StandardCharsets.UTF_8));
                if (asked && !closed) {
                    show.run();
                    other.write(ByteBuffer.wrap(DONE.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("A second start's request was not answered", e);
                }
            }
        }
    }

    /** Whether a running app answered the request to show its window. */
    private static boolean askToShow(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel first = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            first.write(ByteBuffer.wrap(SHOW.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer reply = ByteBuffer.allocate(DONE.length());
            while (reply.hasRemaining() && first.read(reply) >= 0) {
                // read the whole reply
            }
            return DONE.equals(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false; // nobody listens: a killed app's socket file
        }
    }

    /** Stops listening and lets go of the lock: the next start is the one app. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        closed = true;
        try (lockFile) {
            // The socket file goes first: closing a Unix socket that a thread waits on in accept() does not stop it
            // at once (that thread still holds it open), so a start right after this one closed would be answered
            // by it, and would end believing an app is running. Without the file, nobody can connect any more.
            Files.deleteIfExists(socket);
            server.close();
        } catch (IOException e) {
            LOG.debug("Could not let go of the single-instance lock", e);
        }
    }
}
