package org.taskdesk.persistence.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a commit to a local H2 file survive a crash or a power cut from the moment it returns (ADR 0009).
 *
 * <p>H2's MVStore keeps committed changes in memory for up to {@code WRITE_DELAY} (500 ms by default) before
 * writing them, so a killed process lost tasks it had reported as added. With {@code WRITE_DELAY=0} every commit
 * writes its chunk to the file before it returns, but only to the operating system's cache: a power cut can
 * still lose it. MVStore never forces the file on commit; {@code CHECKPOINT SYNC} does (FileChannel.force).
 * So a connection from here runs {@code CHECKPOINT SYNC} after each commit that changed something, and a commit
 * whose data cannot reach the disk fails instead of returning.
 */
final class DurableCommits {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private DurableCommits() {
    }

    /** {@code jdbcUrl} with H2's write delay set to 0, replacing any delay the URL asked for. */
    static String withoutWriteDelay(String jdbcUrl) {
        StringBuilder url = new StringBuilder();
        for (String part : jdbcUrl.split(";")) {
            if (url.length() > 0 && part.strip().toUpperCase(Locale.ROOT).startsWith("WRITE_DELAY")) {
                continue;
            }
            url.append(url.length() == 0 ? "" : ";").append(part);
        }
        return url.append(";WRITE_DELAY=0").toString();
    }

    /** {@code connection}, whose {@code commit()} returns only once the change is on the disk. */
    static Connection syncingOnCommit(Connection connection) {
        return (Connection) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new SyncOnCommit(connection));
    }

    private static final class SyncOnCommit implements InvocationHandler {
        private final Connection connection;

        SyncOnCommit(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("commit") && method.getParameterCount() == 0) {
                commitAndSync();
                return null;
            }
            if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void commitAndSync() throws SQLException {
            boolean changed = !connection.getAutoCommit() && hasUncommittedChanges();
            connection.commit();
            if (changed) {
                sync();
            }
        }

        /** H2's TRANSACTION_ID() is null until the transaction has changed something: reads need no sync. */
        private boolean hasUncommittedChanges() throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT TRANSACTION_ID()")) {
                return row.next() && row.getString(1) != null;
            }
        }

        private void sync() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_ADMIN_RIGHTS_REQUIRED) {
                    throw e;
                }
                // A login that did not create the file may not force it; its commits are still written at once
                // (WRITE_DELAY=0), so they survive a crashed program, though not a power cut.
                LOG.warn("Cannot force commits to the disk with this login (not an admin of the database): {}",
                        e.getMessage());
            }
        }
    }
}
