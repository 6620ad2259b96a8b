package org.taskdesk.persistence.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * Turns a driver's {@link SQLException} into a sentence a person can act on. The exception stays as the cause for
 * the log; the password never appears in the message, even if a driver echoed it.
 */
public final class DatabaseErrors {
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;

    private DatabaseErrors() {
    }

    /** The failure to connect to {@code target}, in words. */
    public static TaskDeskException connectionFailed(DatabaseTarget target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.displayName();
        String message;
        if (target.kind() == DatabaseKind.H2) {
            message = switch (e.getErrorCode()) {
                case H2_DATABASE_IN_USE -> "The database " + where + " is in use by another program (probably another "
                        + "TaskDesk window or command): close it and try again.";
                case H2_WRONG_USER_OR_PASSWORD -> "Wrong user name or password for the database " + where + ".";
                case H2_FILE_CORRUPTED, H2_FILE_VERSION_ERROR -> "The database file " + where
                        + " is damaged or was written by an incompatible program: restore a copy from its backups folder.";
                default -> "Cannot open the database " + where + ": " + firstLine(e) + ".";
            };
        } else if (hasCause(e, UnknownHostException.class)) {
            message = "Cannot find the database server of " + where + " (unknown host): check the host name in the URL.";
        } else if (hasCause(e, ConnectException.class) || state.equals("08001")) {
            message = "Cannot reach the database server of " + where + " (" + firstLine(e)
                    + "): check the host and port, and that the server is running.";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "The database server refused the login for " + where
                    + ": check the user name and password.";
        } else if (state.equals("3D000")) {
            message = "The database of " + where + " does not exist on that server: create it or fix the name in the URL.";
        } else {
            message = "Cannot connect to " + where + ": " + firstLine(e) + ".";
        }
        ErrorCode code = target.kind() == DatabaseKind.H2
                && (e.getErrorCode() == H2_FILE_CORRUPTED || e.getErrorCode() == H2_FILE_VERSION_ERROR)
                ? ErrorCode.DATABASE_DAMAGED : ErrorCode.DATABASE_UNAVAILABLE;
        return new TaskDeskException(code, redact(message, target), e);
    }

    /** A failure while working on an open database, in words. */
    public static TaskDeskException failed(DatabaseTarget target, String action, SQLException e) {
        return new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE,
                redact("Could not " + action + " on " + target.displayName() + ": " + firstLine(e) + ".", target), e);
    }

    /** The first line of the driver's message, without H2's trailing error-code bracket or doubled full stops. */
    public static String firstLine(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = text.indexOf('\n');
        text = (newline < 0 ? text : text.substring(0, newline)).strip();
        text = text.replaceAll("\\s*\\[\\d{5}-\\d+]$", "").replaceAll(";\\s*SQL statement:$", "");
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** {@code text} with the target's password replaced, in case a driver or script echoed it. */
    public static String redact(String text, DatabaseTarget target) {
        if (target.password().length() < 2) {
            return text;
        }
        return text.replace(target.password(), "***");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
