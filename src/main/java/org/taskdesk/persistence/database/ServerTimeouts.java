package org.taskdesk.persistence.database;

import java.time.Duration;
import java.util.Properties;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * How long TaskDesk waits for a PostgreSQL server before saying it is not answering. pgjdbc waits forever by
 * default (no login or socket timeout, no keep-alive), so a black-holed network or a frozen proxy hung a command
 * without a word. One number, the longest silence accepted from a server ({@code answer}, 15 s), sets them all;
 * {@value #VARIABLE} changes it (tests shorten it). Values and reasons: docs/decisions/0012-server-timeouts.md.
 *
 * @param connect   TCP connect (a black-holed address): a third of {@code answer}
 * @param login     the whole sign-in to the server, TCP, TLS and password exchange: two thirds of {@code answer}
 * @param answer    the longest wait for any reply on an open connection (pgjdbc's {@code socketTimeout})
 * @param statement the server's own limit on one statement ({@code statement_timeout}), shorter than
 *                  {@code answer} so that a busy or locked server ends the statement itself, cleanly, before the
 *                  client gives up on the connection
 */
public record ServerTimeouts(Duration connect, Duration login, Duration answer, Duration statement) {
    /** The environment variable that sets {@code answer} in whole seconds. */
    public static final String VARIABLE = "TASKDESK_SERVER_TIMEOUT";
    static final int DEFAULT_SECONDS = 15;
    static final int MAX_SECONDS = 3600;
    public static final ServerTimeouts DEFAULT = ofSeconds(DEFAULT_SECONDS);

    /** The timeouts derived from the longest accepted silence, {@code answer} seconds. */
    public static ServerTimeouts ofSeconds(int answer) {
        if (answer < 1 || answer > MAX_SECONDS) {
            throw new IllegalArgumentException("answer must be 1 to " + MAX_SECONDS + " seconds: " + answer);
        }
        return new ServerTimeouts(Duration.ofSeconds(ceilDiv(answer, 3)), Duration.ofSeconds(ceilDiv(2 * answer, 3)),
                Duration.ofSeconds(answer), Duration.ofMillis(answer * 2000L / 3));
    }

    /** {@value #VARIABLE} of {@code environment}, else the default. */
    public static ServerTimeouts from(UserEnvironment environment) {
        String value = environment.variable(VARIABLE);
        if (value == null) {
            return DEFAULT;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, VARIABLE + " is '" + value + "'; it must be a whole "
                + "number of seconds from 1 to " + MAX_SECONDS + " (default " + DEFAULT_SECONDS + ").");
    }

    /** How often a schema change checks that the server still answers: a third of {@code answer}, at least 1 s. */
    public Duration heartbeat() {
        return Duration.ofMillis(Math.max(1000, answer.toMillis() / 3));
    }

    /**
     * pgjdbc's properties for everyday work: every wait bounded. Parameters written in the URL win over these,
     * since pgjdbc reads the URL after the properties; so does an {@code options} parameter, which then replaces
     * the statement limit (the socket timeout still bounds the wait).
     */
    Properties everyday() {
        Properties properties = connecting();
        properties.setProperty("socketTimeout", String.valueOf(answer.toSeconds()));
        properties.setProperty("options", "-c statement_timeout=" + statement.toMillis());
        return properties;
    }

    /**
     * For schema changes: connecting is bounded, but a statement may run as long as it needs (a big migration sends
     * nothing back for minutes); a heartbeat on another connection notices a server that stopped answering.
     */
    Properties schemaChanges() {
        return connecting();
    }

    private Properties connecting() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(connect.toSeconds()));
        properties.setProperty("loginTimeout", String.valueOf(login.toSeconds()));
        // The kernel's keep-alive notices a peer that vanished from an idle connection (hours, by the OS default).
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
