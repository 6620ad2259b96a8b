package org.taskdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of the tests' PostgreSQL that misbehaves on cue, as a black-holed network, a frozen
 * proxy or a dropped connection would. It forwards bytes untouched until a fault is set, at once or when the client
 * sends a given piece of SQL (so a test can freeze or cut a command after it has signed in, at a chosen statement).
 * A fault then holds for every connection, old and new, until {@link #heal()}.
 */
public final class FaultyProxy implements AutoCloseable {
    /** What the proxy does to the traffic. */
    public enum Fault {
        /** Forwards everything. */
        NONE,
        /** Accepts connections and reads what arrives, but forwards nothing and never answers. */
        SILENT,
        /** Closes every connection, both sides, and every new one at once. */
        CUT
    }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Fault fault = Fault.NONE;
    /** The pieces of SQL still to be seen, in order, before the triggered fault; empty when none is armed. */
    private final java.util.Deque<String> trigger = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile Fault triggeredFault;
    private volatile boolean forwardTrigger;
    /** Set when the last piece of a trigger goes through: the server's answer to it must not reach the client. */
    private volatile boolean answersLost;

    private FaultyProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the tests' PostgreSQL. */
    public static FaultyProxy toTestPostgres() {
        try {
            return new FaultyProxy(TestPostgres.server().port());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a loopback port for the proxy", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code databaseUrl} (a {@code postgresql://} URL of {@link TestPostgres}) going through this proxy. */
    public String url(String databaseUrl) {
        return databaseUrl.replaceFirst("@[^/@]+/", "@127.0.0.1:" + port() + "/");
    }

    /** From now on, {@code newFault} for every connection. */
    public void fail(Fault newFault) {
        fault = newFault;
        if (newFault == Fault.CUT) {
            cutAll();
        }
    }

    /**
     * {@code newFault} from the moment a client has sent each piece of {@code sql}, in this order (compared without
     * case): with {@code forwardItFirst} the server still receives the last piece (and acts on it) but its answer
     * is lost.
     */
    public void failWhenClientSends(Fault newFault, boolean forwardItFirst, String... sql) {
        this.forwardTrigger = forwardItFirst;
        this.triggeredFault = newFault;
        trigger.clear();
        for (String piece : sql) {
            trigger.add(piece.toLowerCase(Locale.ROOT));
        }
    }

    /** Back to forwarding everything, for new connections (those cut stay cut). */
    public void heal() {
        trigger.clear();
        answersLost = false;
        fault = Fault.NONE;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cutAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            if (fault == Fault.CUT) {
                closeQuietly(client);
            } else if (fault == Fault.SILENT) {
                start(() -> swallow(client));
            } else {
                try {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    sockets.add(server);
                    start(() -> pump(client, server, true));
                    start(() -> pump(server, client, false));
                } catch (IOException e) {
                    closeQuietly(client);
                }
            }
        }
    }

    /** Reads and drops everything, as a server that accepted the connection and then went silent. */
    private void swallow(Socket client) {
        byte[] buffer = new byte[8192];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // never answer
            }
        } catch (IOException ignored) {
            // the client gave up, or the proxy closed
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                boolean forward = fault == Fault.NONE && (fromClient || !answersLost);
                if (forward && fromClient && triggered(buffer, n)) {
                    if (forwardTrigger) {
                        answersLost = true;
                        out.write(buffer, 0, n);
                        out.flush();
                        // Give the server the time to act on it before its answer is lost.
                        Thread.sleep(300);
                    }
                    fail(triggeredFault);
                    forward = false;
                }
                if (forward) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // a side closed: the proxy's pumps end with it
        } finally {
            if (fault != Fault.SILENT) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }
    }

    /** Whether this chunk completes the armed trigger. */
    private synchronized boolean triggered(byte[] buffer, int n) {
        String watched = trigger.peek();
        if (watched == null) {
            return false;
        }
        if (!new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(watched)) {
            return false;
        }
        trigger.poll();
        return trigger.isEmpty();
    }

    private void cutAll() {
        sockets.forEach(FaultyProxy::closeQuietly);
        sockets.clear();
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "faulty-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
