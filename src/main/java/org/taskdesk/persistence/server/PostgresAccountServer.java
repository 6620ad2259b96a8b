package org.taskdesk.persistence.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.taskdesk.accounts.Account;
import org.taskdesk.accounts.AccountServer;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;

/**
 * The shared server's account functions ({@link PostgresAccounts}), each on a fresh auto-commit connection of its
 * own: the session token is set for the whole connection, so a pooled one would carry it to someone else. Sign-in
 * comes back with a {@link ServerCredential} in the token's place; the other calls use its login when it has one.
 */
final class PostgresAccountServer implements AccountServer {
    private final DatabaseConnections connections;
    private final PostgresAccounts server = new PostgresAccounts();

    PostgresAccountServer(DatabaseConnections connections) {
        this.connections = connections;
    }

    @Override
    public int signUp(String normalisedEmail, String name, String passwordHash) {
        return withConnection(null, DatabaseErrors.MAYBE_SAVED,
                connection -> server.signUp(connection, normalisedEmail, name, passwordHash));
    }

    @Override
    public UserSession signIn(String normalisedEmail, String password, Duration sessionLength) {
        return withConnection(null, DatabaseErrors.NOTHING_CHANGED, connection -> {
            ServerSignInResult outcome = server.signIn(connection, normalisedEmail, password, sessionLength);
            String token = outcome.orThrow();
            server.useSession(connection, token);
            // Before the login: once the session has one, only that login may use it.
            Account account = account(server.whoAmI(connection).orElseThrow());
            String loginPassword = ServerCredential.newPassword();
            ServerCredential credential = server.openLogin(connection, loginPassword)
                    .map(login -> new ServerCredential(token, login, loginPassword))
                    .orElseGet(() -> new ServerCredential(token, null, null));
            return new UserSession(account, credential.stored());
        });
    }

    @Override
    public Optional<Account> signedIn(String token) {
        return withConnection(token, DatabaseErrors.NOTHING_CHANGED,
                connection -> server.whoAmI(connection).map(PostgresAccountServer::account));
    }

    @Override
    public void signOut(String token) {
        withConnection(token, DatabaseErrors.MAYBE_SAVED, connection -> {
            server.signOut(connection);
            return null;
        });
    }

    @Override
    public void changePassword(String token, String oldPassword, String newPasswordHash) {
        withConnection(token, DatabaseErrors.MAYBE_SAVED, connection -> {
            server.changePassword(connection, oldPassword, newPasswordHash);
            return null;
        });
    }

    @Override
    public void deleteAccount(String token, String password) {
        withConnection(token, DatabaseErrors.MAYBE_SAVED, connection -> {
            server.deleteAccount(connection, password);
            return null;
        });
    }

    /**
     * Runs {@code work} on a fresh auto-commit connection carrying {@code token} (or none); {@code outcome} says what
     * became of the work if the server stops answering during it.
     */
    private <T> T withConnection(String token, String outcome, Function<Connection, T> work) {
        ServerCredential credential = token == null ? null : ServerCredential.read(token);
        Connection opened = credential == null ? connections.open() : credential.connections(connections).open();
        try (Connection connection = opened) {
            if (credential != null) {
                server.useSession(connection, credential.token());
            }
            return work.apply(connection);
        } catch (SQLException e) {
            // open() reports its own failures; only closing the connection can get here.
            throw DatabaseErrors.failed(connections.target(), "close the connection", e);
        } catch (TaskDeskException e) {
            // The server's functions report failures as "could not …"; a server gone silent deserves its own words.
            if (e.getCause() == null) {
                throw e;
            }
            throw DatabaseErrors.notAnswering(connections.target(), e.getCause(), outcome)
                    .<TaskDeskException>map(silent -> silent).orElse(e);
        }
    }

    private static Account account(Who who) {
        return new Account(who.id(), who.email(), who.name());
    }
}
