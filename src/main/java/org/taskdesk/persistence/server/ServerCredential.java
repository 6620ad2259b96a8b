package org.taskdesk.persistence.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * What a device keeps of its sign-in on a shared server (ADR 30): the session token and, from a server at V14 on, the
 * PostgreSQL login that sign-in handed this device and its password. Kept as one string wherever the token alone was
 * kept (owner-only, never logged): {@code token}, or {@code token login password}. Neither part holds a space.
 * {@link #toString()} shows none of the secrets.
 *
 * @param token    the session token
 * @param login    the device's own login, or null on an older server (the device then uses the shared login)
 * @param password the login's password, null without a login
 */
public record ServerCredential(String token, String login, String password) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ServerCredential {
        if (token == null || token.isEmpty() || token.contains(" ")) {
            throw new IllegalArgumentException("a session token has no spaces and is not empty");
        }
        if ((login == null) != (password == null)) {
            throw new IllegalArgumentException("a login comes with, and only with, its password");
        }
    }

    /** Reads what {@link #stored()} wrote; a bare token (kept before V14) has no login. */
    public static ServerCredential read(String stored) {
        String[] parts = stored.split(" ", -1);
        return parts.length == 3 ? new ServerCredential(parts[0], parts[1], parts[2])
                : new ServerCredential(stored, null, null);
    }

    /** A new random password for a device's login: 32 bytes, hex. */
    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String stored() {
        return login == null ? token : token + " " + login + " " + password;
    }

    public Optional<String> ownLogin() {
        return Optional.ofNullable(login);
    }

    /** Connections to the same server as {@code shared}, as this device's own login when it has one. */
    public DatabaseConnections connections(DatabaseConnections shared) {
        if (login == null) {
            return shared;
        }
        DatabaseTarget target = shared.target();
        return shared.to(new DatabaseTarget(target.kind(), target.jdbcUrl(), login, password, target.displayName(),
                target.h2File()));
    }

    @Override
    public String toString() {
        return "ServerCredential[" + (login == null ? "shared login" : "own login") + "]";
    }
}
