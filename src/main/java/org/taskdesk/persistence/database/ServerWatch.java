package org.taskdesk.persistence.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an eye on a PostgreSQL server while a schema change runs. A big migration may rightly run for minutes
 * without a byte on its connection, so that connection has no socket or statement timeout; instead, every few
 * seconds this asks the server a trivial question on a connection of its own, with the everyday timeouts. When the
 * server does not answer, it aborts the schema change's connections, whose blocked reads then fail at once, and the
 * server rolls the change back when it notices (ADR 0012).
 */
final class ServerWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWatch.class);

    private final DatabaseConnections everyday;
    private final Set<Connection> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile boolean stoppedAnswering;
    /** The watch's own connection, opened on the timer's thread at the first beat. */
    private volatile Connection probe;

    private ServerWatch(DatabaseConnections everyday) {
        this.everyday = everyday;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "taskdesk-server-watch");
            thread.setDaemon(true);
            return thread;
        });
        long beat = everyday.timeouts().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Starts watching the server of {@code everyday} (connections with the everyday timeouts). */
    static ServerWatch start(DatabaseConnections everyday) {
        return new ServerWatch(everyday);
    }

    /** Adds a connection of the schema change: aborted if the server stops answering. */
    void watch(Connection connection) {
        watched.add(connection);
    }

    /** Whether the server stopped answering, so that the change's connections were aborted. */
    boolean stoppedAnswering() {
        return stoppedAnswering;
    }

    private void beat() {
        try {
            if (probe == null) {
                probe = everyday.getConnection();
            }
            try (Statement statement = probe.createStatement()) {
                statement.execute("SELECT 1");
            }
        } catch (SQLException e) {
            if (DatabaseErrors.notAnswering(everyday.target(), e, DatabaseErrors.NOTHING_CHANGED).isPresent()) {
                LOG.warn("The server at {} stopped answering during a schema change; aborting it",
                        everyday.target().serverAddress(), e);
                stoppedAnswering = true;
                watched.forEach(ServerWatch::abort);
            } else {
                // The server answered, with an error (no connection slot left, say): it is alive, so the change
                // goes on, unwatched, rather than being killed for the watch's own trouble.
                LOG.warn("Cannot watch the server at {} during a schema change; it goes on unwatched",
                        everyday.target().serverAddress(), e);
            }
            timer.shutdown();
        }
    }

    private static void abort(Connection connection) {
        try {
            // Closes the socket: a read blocked on it fails at once.
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Aborting a schema change's connection failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        boolean idle;
        try {
            idle = timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        Connection last = probe;
        if (last == null) {
            return;
        }
        if (!idle) {
            // A beat still waits for the server: do not wait with it.
            abort(last);
            return;
        }
        try {
            last.close();
        } catch (SQLException e) {
            LOG.debug("Closing the watch's connection failed", e);
        }
    }
}
