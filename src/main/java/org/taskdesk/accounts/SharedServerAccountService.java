package org.taskdesk.accounts;

import java.util.Optional;
import org.taskdesk.domain.accounts.AccountRules;

/**
 * Accounts on a shared PostgreSQL server, where the client login cannot read users or sessions: everything goes
 * through the server's SECURITY DEFINER functions. Passwords are hashed here (bcrypt, {@code $2a$}) for sign-up and
 * checked inside PostgreSQL for sign-in; throttling and session expiry run on the server's clock.
 */
public final class SharedServerAccountService implements AccountService {
    private final AccountServer server;
    private final Passwords passwords;

    public SharedServerAccountService(AccountServer server, Passwords passwords) {
        this.server = server;
        this.passwords = passwords;
    }

    @Override
    public Account signUp(String email, String name, String password) {
        String normalisedEmail = AccountRules.email(email);
        String cleanName = AccountRules.name(name);
        String hash = passwords.hash(password);
        int id = server.signUp(normalisedEmail, cleanName, hash);
        return new Account(id, normalisedEmail, cleanName);
    }

    @Override
    public boolean hasAccounts() {
        return true; // the client login cannot read users; a shared server is usually set up for people who have one
    }

    @Override
    public UserSession signIn(String email, String password, boolean keepSignedIn) {
        return server.signIn(AccountRules.normaliseEmail(email), password == null ? "" : password,
                keepSignedIn ? LocalAccountService.KEPT_SESSION : LocalAccountService.SHORT_SESSION);
    }

    @Override
    public Optional<UserSession> resume(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return server.signedIn(token).map(account -> new UserSession(account, token));
    }

    @Override
    public void signOut(UserSession session) {
        server.signOut(session.token());
    }

    @Override
    public void changePassword(UserSession session, String oldPassword, String newPassword) {
        String newHash = passwords.hash(newPassword);
        server.changePassword(session.token(), oldPassword, newHash);
    }

    @Override
    public void deleteAccount(UserSession session, String password) {
        server.deleteAccount(session.token(), password);
    }
}
