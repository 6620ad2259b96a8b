package org.taskdesk.domain.accounts;

/**
 * The sentences people see about their account, the same whether the account lives in the local file or on a
 * shared server. One place, so the two paths cannot drift apart (they had: "wait 1 seconds").
 */
public final class AccountMessages {
    /** For an unknown email and for a wrong password alike: saying which would tell who has an account. */
    public static final String WRONG_CREDENTIALS = "Wrong email or password.";
    public static final String WRONG_PASSWORD = "The password is wrong; nothing was changed.";
    public static final String SESSION_ENDED = "Your session has ended: sign in again.";
    public static final String EMAIL_TAKEN = "An account with that email already exists: sign in instead, or use "
            + "another email.";

    private AccountMessages() {
    }
}
