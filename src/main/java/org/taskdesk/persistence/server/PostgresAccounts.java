package org.taskdesk.persistence.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PasswordUtil;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.domain.accounts.SignInThrottledException;
import org.taskdesk.persistence.database.DatabaseErrors;

/**
 * Accounts on the shared PostgreSQL server, through the SECURITY DEFINER functions of migration 4: a thin JDBC
 * layer that turns their outcomes and SQLSTATEs into records and {@link TaskDeskException}s.
 *
 * <p>Passwords and tokens travel only as bind parameters: every client logs in with the same role, and a role can
 * read the query text of its own other sessions in {@code pg_stat_activity}.
 */
final class PostgresAccounts {
    /** The migration's own SQLSTATEs (class TD) and the one standard state it raises for bad arguments. */
    static final String WRONG_CREDENTIALS = "TD001";
    static final String THROTTLED = "TD002";
    static final String EMAIL_TAKEN = "TD003";
    static final String NOT_SIGNED_IN = "TD004";
    /** Every person-login slot 'server setup' made is taken (V14): the server keeps its connections for those. */
    static final String SERVER_FULL = "TD006";
    static final String SERVER_FULL_MESSAGE = "The shared server has no room for another signed-in device (it keeps "
            + "its connections for the devices signed in and for its owner): sign out on a device you no longer use, "
            + "or ask the server's owner to raise max_connections and run 'taskdesk server setup' again.";
    static final String INVALID_PARAMETER = "22023";
    private static final String UNDEFINED_FUNCTION = "42883";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** Creates an account; {@code bcryptHash} is a {@code $2a$} hash made by the program. Returns the new id. */
    int signUp(Connection connection, String email, String name, String bcryptHash) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT public.taskdesk_sign_up(?, ?, ?)")) {
            statement.setString(1, email);
            statement.setString(2, name);
            statement.setString(3, bcryptHash);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw translate(e, "sign up");
        }
    }

    /**
     * Checks the email and password in the database and, when they are right, opens a session of length
     * {@code ttl} (1 minute to 366 days). Does not attach the session to the connection: {@link #useSession} does.
     *
     * <p>Two statements, each its own transaction: the first records the attempt (and the failure count) and
     * commits before the second may read the outcome, so the count cannot be rolled back by whoever asks. The
     * connection must therefore be in auto-commit mode.
     */
    ServerSignInResult signIn(Connection connection, String email, String password, Duration ttl) {
        try {
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("Sign-in needs a connection in auto-commit mode: the attempt must "
                        + "commit before its outcome can be read");
            }
            String attempt;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT public.taskdesk_sign_in(?, ?, ?)")) {
                statement.setString(1, email);
                statement.setString(2, password);
                statement.setInt(3, (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds()));
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    attempt = result.getString(1);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT token, outcome, retry_after_seconds FROM public.taskdesk_sign_in_result(?)")) {
                statement.setString(1, attempt);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return switch (result.getString(2)) {
                        case "ok" -> new ServerSignInResult(ServerSignInResult.Status.SIGNED_IN, result.getString(1), 0);
                        case "wrong" -> new ServerSignInResult(ServerSignInResult.Status.WRONG_CREDENTIALS, null, 0);
                        case "throttled" -> new ServerSignInResult(ServerSignInResult.Status.THROTTLED, null, result.getInt(3));
                        default -> throw new IllegalStateException("Unknown sign-in outcome " + result.getString(2));
                    };
                }
            }
        } catch (SQLException e) {
            throw translate(e, "sign in");
        }
    }

    /**
     * Makes the connection act for the session of {@code token}; null or empty detaches it. Call it with null
     * before a pooled connection goes to someone else.
     */
    void useSession(Connection connection, String token) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.set_config('app.session_token', ?, false)")) {
            statement.setString(1, token == null ? "" : token);
            statement.execute();
        } catch (SQLException e) {
            throw translate(e, "use the session");
        }
    }

    /**
     * Hands the connection's session a PostgreSQL login of its own (V14, ADR 30) whose password is {@code password};
     * its name. The server gets only the password's SCRAM-SHA-256 verifier, computed here. Empty on a server without
     * per-person logins: before V14, before 'server setup' made their group, or when the owner may not create roles.
     */
    Optional<String> openLogin(Connection connection, String password) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT public.taskdesk_session_login(?)")) {
            statement.setString(1, PasswordUtil.encodeScramSha256(password.toCharArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return Optional.ofNullable(result.getString(1));
            }
        } catch (SQLException e) {
            if (UNDEFINED_FUNCTION.equals(e.getSQLState()) || INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                // An older server, or one set up before V14: the shared login serves this device, as before.
                return Optional.empty();
            }
            throw translate(e, "sign in");
        }
    }

    /** The user of the connection's session; empty without a session or when it has expired or ended. */
    Optional<Who> whoAmI(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, email, name FROM public.taskdesk_whoami()");
             ResultSet result = statement.executeQuery()) {
            return result.next()
                    ? Optional.of(new Who(result.getInt(1), result.getString(2), result.getString(3)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw translate(e, "find out who is signed in");
        }
    }

    /** Ends the connection's session, in the database and on the connection. Signing out twice is no error. */
    void signOut(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT public.taskdesk_sign_out()")) {
            statement.execute();
        } catch (SQLException e) {
            throw translate(e, "sign out");
        }
        useSession(connection, null);
    }

    /** Sets a new password (its {@code $2a$} hash) after checking the old one; ends every other session. */
    void changePassword(Connection connection, String oldPassword, String newHash) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT public.taskdesk_change_password(?, ?)")) {
            statement.setString(1, oldPassword);
            statement.setString(2, newHash);
            statement.execute();
        } catch (SQLException e) {
            throw translate(e, "change the password");
        }
    }

    /** Deletes the signed-in user and all their tasks after checking the password. */
    void deleteAccount(Connection connection, String password) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT public.taskdesk_delete_account(?)")) {
            statement.setString(1, password);
            statement.execute();
        } catch (SQLException e) {
            throw translate(e, "delete the account");
        }
        useSession(connection, null);
    }

    private static TaskDeskException translate(SQLException e, String action) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            // TD001 comes only from the functions that check one's own password (change password, delete account).
            case WRONG_CREDENTIALS -> new TaskDeskException(ErrorCode.NOT_AUTHORIZED, AccountMessages.WRONG_PASSWORD, e);
            case THROTTLED -> new SignInThrottledException(secondsToWait(e));
            case EMAIL_TAKEN -> new TaskDeskException(ErrorCode.INVALID_INPUT, AccountMessages.EMAIL_TAKEN, e);
            case NOT_SIGNED_IN -> new TaskDeskException(ErrorCode.NOT_AUTHORIZED, AccountMessages.SESSION_ENDED, e);
            case SERVER_FULL -> new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, SERVER_FULL_MESSAGE, e);
            case INVALID_PARAMETER -> new TaskDeskException(ErrorCode.INVALID_INPUT, sentence(serverMessage(e)), e);
            default -> new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE,
                    "Could not " + action + " on the shared server: " + DatabaseErrors.firstLine(e) + ".", e);
        };
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return DatabaseErrors.firstLine(e);
    }

    /** TD002's DETAIL: the whole seconds to wait; a minute when the server did not say. */
    private static long secondsToWait(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            try {
                return Long.parseLong(String.valueOf(psql.getServerErrorMessage().getDetail()).strip());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return 60;
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "Invalid input.";
        }
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1) + (trimmed.endsWith(".") ? "" : ".");
    }
}
