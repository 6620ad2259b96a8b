package org.taskdesk.persistence.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A small pool of connections to a shared server, for Hibernate: there every new connection is a TCP, TLS and
 * password exchange, 100 to 300 ms against a hosted server, which one person's app should not pay per change.
 * Safe to share across people's sessions because the session token is set per transaction
 * ({@code set_config(…, true)}), never left on a connection.
 */
public final class ConnectionPool {
    private ConnectionPool() {
    }

    /** A pool over {@code connections}, which keeps opening them (and reporting their failures) as before. */
    public static HikariDataSource over(DatabaseConnections connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections);
        config.setPoolName("taskdesk");
        // One person's desktop app: the background thread works in order, the reminders poll now and then.
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        // The first connection is opened by Hibernate's start, which reports failures in words; not here.
        config.setInitializationFailTimeout(-1);
        // Hikari's own waits (30 s and 5 s by default) bounded like the driver's: a borrowed idle connection is
        // checked for at most the connect time; a new one takes at most the login time; nothing waits longer.
        ServerTimeouts timeouts = connections.timeouts();
        config.setValidationTimeout(Math.max(250, timeouts.connect().toMillis()));
        config.setConnectionTimeout(timeouts.login().plus(timeouts.connect()).toMillis());
        return new HikariDataSource(config);
    }
}
