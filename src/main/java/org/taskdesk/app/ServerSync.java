package org.taskdesk.app;

import java.sql.SQLException;
import java.util.function.Function;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.SharedServerAccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.ServerTimeouts;
import org.taskdesk.persistence.server.ServerCredential;
import org.taskdesk.persistence.server.SharedServerAccounts;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;

/**
 * Shared servers as sync sees them: the account functions for signing in (or up) there, and the sync functions on
 * a connection carrying the session. Each server URL is read as {@code --database-url} is.
 */
final class ServerSync implements SyncServers {
    private final Function<String, DatabaseTarget> parse;
    private final ServerTimeouts timeouts;
    private final Passwords passwords;

    ServerSync(Function<String, DatabaseTarget> parse, ServerTimeouts timeouts, Passwords passwords) {
        this.parse = parse;
        this.timeouts = timeouts;
        this.passwords = passwords;
    }

    @Override
    public String signInOrSignUp(String serverUrl, String email, String name, String password) {
        AccountService accounts = new SharedServerAccountService(SharedServerAccounts.over(connections(serverUrl)),
                passwords);
        try {
            return accounts.signIn(email, password, true).token();
        } catch (TaskDeskException wrong) {
            if (wrong.code() != ErrorCode.NOT_AUTHORIZED) {
                throw wrong;
            }
            try {
                accounts.signUp(email, name, password);
            } catch (TaskDeskException refused) {
                if (AccountMessages.EMAIL_TAKEN.equals(refused.getMessage())) {
                    throw wrong; // the account exists there: the password was wrong
                }
                throw refused; // the server would not make the account (say, a password cost it does not accept)
            }
            UserSession session = accounts.signIn(email, password, true);
            return session.token();
        }
    }

    /**
     * The sync functions as this device's own login when sign-in handed it one (ADR 30), else as the shared login.
     * A login the server no longer accepts (dropped, or its password changed by whoever held it) ends the session
     * as far as this device is concerned: signing in again hands it a new one.
     */
    @Override
    public SyncServer connect(String serverUrl, String token) {
        ServerCredential credential = ServerCredential.read(token);
        try {
            return PostgresSyncServer.connect(credential.connections(connections(serverUrl)), credential.token());
        } catch (TaskDeskException e) {
            if (credential.ownLogin().isPresent() && refusedLogin(e)) {
                throw new TaskDeskException(ErrorCode.NOT_AUTHORIZED, "The server no longer accepts this device's "
                        + "login: sign in again (nothing on this device is lost).", e);
            }
            throw e;
        }
    }

    private static boolean refusedLogin(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void signOut(String serverUrl, String token) {
        try {
            SharedServerAccounts.over(connections(serverUrl)).signOut(token);
        } catch (TaskDeskException e) {
            // Unreachable or already ended: the session runs out on the server by itself.
        }
    }

    private DatabaseConnections connections(String serverUrl) {
        DatabaseTarget target = parse.apply(serverUrl);
        if (target.kind() != DatabaseKind.POSTGRESQL) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "--server takes a shared PostgreSQL server's URL, "
                    + "e.g. postgresql://client@host:5432/tasks; " + target.displayName() + " is a local file.");
        }
        return new DatabaseConnections(target, timeouts);
    }
}
