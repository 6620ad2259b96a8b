package org.taskdesk.accounts;

import java.time.Duration;
import java.util.Optional;

/**
 * The account functions of a shared PostgreSQL server, where the client login cannot read users or sessions.
 * Passwords are checked inside the server; throttling and session expiry run on its clock. Each call acts for the
 * session of the token it is given. Failures come out as the same exceptions, with the same words, as locally.
 */
public interface AccountServer {
    /** Creates an account from a {@code $2a$} bcrypt hash; returns its id. */
    int signUp(String normalisedEmail, String name, String passwordHash);

    /** Signs in for {@code sessionLength}, or throws: wrong email or password, or sign-ins waiting. */
    UserSession signIn(String normalisedEmail, String password, Duration sessionLength);

    /** The account of the token's session; empty when it has expired or ended. */
    Optional<Account> signedIn(String token);

    void signOut(String token);

    /** Checks the old password, sets the new hash and ends every other session. */
    void changePassword(String token, String oldPassword, String newPasswordHash);

    /** Checks the password, then deletes the account and all its tasks. */
    void deleteAccount(String token, String password);
}
