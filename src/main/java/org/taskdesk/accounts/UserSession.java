package org.taskdesk.accounts;

/**
 * A signed-in person. The token is what "keep me signed in" remembers instead of the password; only its SHA-256
 * is stored in the database. {@link #toString()} leaves the token out, so it never reaches a log.
 */
public record UserSession(Account account, String token) {

    public int userId() {
        return account.id();
    }

    @Override
    public String toString() {
        return "UserSession[" + account.email() + "]";
    }
}
