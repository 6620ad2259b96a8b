package org.taskdesk.persistence.server;

import java.time.Duration;

/**
 * What {@code taskdesk server setup} writes on the server besides grants (ADR 25): the bcrypt cost the server accepts
 * beside TaskDesk's own 10 to 14 and gives its dummy hash, the longest statement of the client login and of every
 * TaskDesk function, and how many connections the client login may hold at once.
 *
 * @param bcryptCost        the cost the clients hash with (TASKDESK_BCRYPT_COST, 12 by default; tests use 4)
 * @param longestStatement  1 second to 1 hour
 * @param clientConnections null: {@value #SHARED_LOGIN_CONNECTIONS}, or all the server's connections but
 *                          {@value #KEPT_FOR_OTHERS} (and the superusers') when that is fewer, so that the owner can
 *                          always connect; else at most that many
 * @param personLogins      null: as many person logins as the server has connections for, after the superusers',
 *                          the owner's room and the shared login's, at {@value #PERSON_LOGIN_CONNECTIONS} each, so that
 *                          members together can never fill the server (ADR 30); else that many (tests)
 */
public record SharedServerLimits(int bcryptCost, Duration longestStatement, Integer clientConnections,
                                 Integer personLogins) {
    /** Connections the client login leaves free, for the owner (server setup, upgrades) and other logins. */
    public static final int KEPT_FOR_OTHERS = 5;
    /**
     * The shared login only signs up and signs in (ADR 30), which takes milliseconds: a member filling its connections
     * stops new sign-ins for a while, not the devices signed in, which connect as their own logins.
     */
    public static final int SHARED_LOGIN_CONNECTIONS = 20;
    public static final Duration LONGEST_STATEMENT = Duration.ofSeconds(30);
    /** Each person login's CONNECTION LIMIT (V14's taskdesk_restore_login). */
    public static final int PERSON_LOGIN_CONNECTIONS = 5;

    public SharedServerLimits {
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31, was " + bcryptCost);
        }
        if (longestStatement.compareTo(Duration.ofSeconds(1)) < 0 || longestStatement.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("longest statement must be 1 second to 1 hour, was " + longestStatement);
        }
        if (clientConnections != null && clientConnections < 1) {
            throw new IllegalArgumentException("client connections must be at least 1, was " + clientConnections);
        }
        if (personLogins != null && personLogins < 0) {
            throw new IllegalArgumentException("person logins must be 0 or more, was " + personLogins);
        }
    }

    /** With the person logins the server has room for. */
    public SharedServerLimits(int bcryptCost, Duration longestStatement, Integer clientConnections) {
        this(bcryptCost, longestStatement, clientConnections, null);
    }

    /** TaskDesk's defaults for clients that hash with {@code bcryptCost}. */
    public static SharedServerLimits forBcryptCost(int bcryptCost) {
        return new SharedServerLimits(bcryptCost, LONGEST_STATEMENT, null);
    }
}
