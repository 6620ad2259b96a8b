package org.taskdesk.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountRules;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.server.PostgresAccounts;
import org.taskdesk.persistence.server.ServerSignInResult;
import org.taskdesk.persistence.server.Who;

/**
 * Accounts on a shared PostgreSQL server, where the client login cannot read users or sessions: everything goes
 * through the server's SECURITY DEFINER functions. Passwords are hashed here (bcrypt, {@code $2a$}) for sign-up and
 * checked inside PostgreSQL for sign-in; throttling and session expiry run on the server's clock.
 */
public final class SharedServerAccountService implements AccountService {
    private final DatabaseConnections connections;
    private final PostgresAccounts server = new PostgresAccounts();
    private final Passwords passwords;

    public SharedServerAccountService(DatabaseConnections connections, Passwords passwords) {
        this.connections = connections;
        this.passwords = passwords;
    }

    @Override
    public Account signUp(String email, String name, String password) {
        String normalisedEmail = AccountRules.email(email);
        String cleanName = AccountRules.name(name);
        String hash = passwords.hash(password);
        int id = withConnection(null, DatabaseErrors.MAYBE_SAVED,
                connection -> server.signUp(connection, normalisedEmail, cleanName, hash));
        return new Account(id, normalisedEmail, cleanName);
    }

    @Override
    public UserSession signIn(String email, String password, boolean keepSignedIn) {
        return withConnection(null, DatabaseErrors.NOTHING_CHANGED, connection -> {
            ServerSignInResult outcome = server.signIn(connection, AccountRules.normaliseEmail(email),
                    password == null ? "" : password,
                    keepSignedIn ? LocalAccountService.KEPT_SESSION : LocalAccountService.SHORT_SESSION);
            String token = outcome.orThrow();
            server.useSession(connection, token);
            return new UserSession(account(server.whoAmI(connection).orElseThrow()), token);
        });
    }

    @Override
    public Optional<UserSession> resume(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return withConnection(token, DatabaseErrors.NOTHING_CHANGED,
                connection -> server.whoAmI(connection).map(who -> new UserSession(account(who), token)));
    }

    @Override
    public void signOut(UserSession session) {
        withConnection(session.token(), DatabaseErrors.MAYBE_SAVED, connection -> {
            server.signOut(connection);
            return null;
        });
    }

    @Override
    public void changePassword(UserSession session, String oldPassword, String newPassword) {
        String newHash = passwords.hash(newPassword);
        withConnection(session.token(), DatabaseErrors.MAYBE_SAVED, connection -> {
            server.changePassword(connection, oldPassword, newHash);
            return null;
        });
    }

    @Override
    public void deleteAccount(UserSession session, String password) {
        withConnection(session.token(), DatabaseErrors.MAYBE_SAVED, connection -> {
            server.deleteAccount(connection, password);
            return null;
        });
    }

    /**
     * Runs {@code work} on a fresh auto-commit connection carrying {@code token} (or none); {@code outcome} says what
     * became of the work if the server stops answering during it.
     */
    private <T> T withConnection(String token, String outcome, Function<Connection, T> work) {
        Connection opened = connections.open();
        try (Connection connection = opened) {
            if (token != null) {
                server.useSession(connection, token);
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
