package org.taskdesk.persistence.database;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.ServerNotAnsweringException;
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
    private static final String POSTGRES_DISK_FULL = "53100";
    /** What the operating system says when a write finds the disk full: Linux and macOS, Windows, a quota. */
    private static final String[] DISK_FULL_WORDS = {"no space left on device", "not enough space on the disk",
        "disk quota exceeded"};

    /** What became of the work: certainly nothing, as for a read or a change that never reached its commit. */
    public static final String NOTHING_CHANGED = "nothing was changed";
    /** What became of the work when the connection failed while a commit was on its way: nobody can know. */
    public static final String MAYBE_SAVED = "the change may or may not have been saved: look before you make it again";

    private static final String STATEMENT_TIMEOUT = "57014";

    private DatabaseErrors() {
    }

    /**
     * When {@code e} (or one of its causes) means that the server stopped answering, gave up on a statement that
     * took too long, or that the connection broke, rather than a server that answered "no": one sentence that names
     * the server and ends with {@code outcome}. Empty for anything else.
     */
    public static Optional<ServerNotAnsweringException> notAnswering(DatabaseTarget target, Throwable e,
                                                                     String outcome) {
        if (target.kind() != DatabaseKind.POSTGRESQL || hasCause(e, ConnectException.class)
                || hasCause(e, UnknownHostException.class)) {
            return Optional.empty();
        }
        String server = target.serverAddress();
        String message;
        if (isStatementTimeout(e)) {
            message = "The server at " + server + " took too long and stopped the request (it may be busy, or waiting "
                    + "for another program): try again later; " + outcome + ".";
        } else if (hasCause(e, SocketTimeoutException.class) || hasCause(e, SQLTransientConnectionException.class)
                || loginTimedOut(e)) {
            message = "The server at " + server + " is not answering: check your network or try again later; "
                    + outcome + ".";
        } else if (connectionBroke(e)) {
            message = "The connection to the server at " + server + " was lost: check your network or try again "
                    + "later; " + outcome + ".";
        } else {
            return Optional.empty();
        }
        return Optional.of(new ServerNotAnsweringException(message, e));
    }

    /** The server did not answer: {@link #notAnswering}'s sentence, whatever {@code e} says (a watch aborted it). */
    public static ServerNotAnsweringException stoppedAnswering(DatabaseTarget target, Throwable e, String outcome) {
        return new ServerNotAnsweringException("The server at " + target.serverAddress() + " is not answering: check "
                + "your network or try again later; " + outcome + ".", e);
    }

    /** The failure to connect to {@code target}, in words. */
    public static TaskDeskException connectionFailed(DatabaseTarget target, SQLException e) {
        Optional<TaskDeskException> full = diskFull(target, e);
        if (full.isPresent()) {
            return full.get();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.displayName();
        Optional<ServerNotAnsweringException> silent = notAnswering(target, e, NOTHING_CHANGED);
        if (silent.isPresent()) {
            return silent.get();
        }
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
        // "Unavailable" means unreachable (exit 4); a file held by another program or a damaged file is another
        // thing to fix, each with its own exit code.
        ErrorCode code = ErrorCode.DATABASE_UNAVAILABLE;
        if (target.kind() == DatabaseKind.H2 && e.getErrorCode() == H2_DATABASE_IN_USE) {
            code = ErrorCode.DATABASE_IN_USE;
        } else if (target.kind() == DatabaseKind.H2
                && (e.getErrorCode() == H2_FILE_CORRUPTED || e.getErrorCode() == H2_FILE_VERSION_ERROR)) {
            code = ErrorCode.DATABASE_DAMAGED;
        }
        return new TaskDeskException(code, redact(message, target), e);
    }

    /**
     * If {@code e} (or one of its causes) says the disk is full: the sentence for it, with
     * {@link ErrorCode#DISK_FULL}. Whatever failed was not committed, so "nothing was saved" is true: a commit
     * that cannot reach the disk fails (ADR 0009) and H2 then reopens at its last complete commit.
     */
    public static Optional<TaskDeskException> diskFull(DatabaseTarget target, Throwable e) {
        if (!isDiskFull(e)) {
            return Optional.empty();
        }
        String message = target.h2File().map(DatabaseErrors::diskFullMessage)
                .orElse("The disk of the database server " + target.displayName() + " is full: ask its "
                        + "administrator to free some space; nothing was saved.");
        return Optional.of(new TaskDeskException(ErrorCode.DISK_FULL, redact(message, target), e));
    }

    /** The same for a failure while writing a file beside the local database {@code databaseFile}. */
    public static Optional<TaskDeskException> diskFull(Path databaseFile, Throwable e) {
        return isDiskFull(e) ? Optional.of(new TaskDeskException(ErrorCode.DISK_FULL, diskFullMessage(databaseFile), e))
                : Optional.empty();
    }

    private static String diskFullMessage(Path databaseFile) {
        return "The disk holding " + databaseFile.toAbsolutePath().getParent() + " is full: free some space; "
                + "nothing was saved.";
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String text = t.getMessage().toLowerCase(Locale.ROOT);
                for (String words : DISK_FULL_WORDS) {
                    if (text.contains(words)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A failure while reading from an open database, in words. */
    public static TaskDeskException failed(DatabaseTarget target, String action, SQLException e) {
        return failed(target, action, e, NOTHING_CHANGED);
    }

    /** A failure while working on an open database, in words; {@code outcome} is what became of the work. */
    public static TaskDeskException failed(DatabaseTarget target, String action, SQLException e, String outcome) {
        Optional<TaskDeskException> full = diskFull(target, e);
        if (full.isPresent()) {
            return full.get();
        }
        Optional<ServerNotAnsweringException> silent = notAnswering(target, e, outcome);
        if (silent.isPresent()) {
            return silent.get();
        }
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

    private static boolean isStatementTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && STATEMENT_TIMEOUT.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("statement timeout")) {
                return true;
            }
        }
        return false;
    }

    /** pgjdbc's loginTimeout ends the attempt with a message of its own, no exception under it. */
    private static boolean loginTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "08001".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    /** A connection that was open and is gone: closed by the other side, reset, or aborted. */
    private static boolean connectionBroke(Throwable e) {
        if (hasCause(e, EOFException.class) || hasCause(e, SocketException.class)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("08006") || sql.getSQLState().equals("08003"))) {
                return true;
            }
        }
        return false;
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
