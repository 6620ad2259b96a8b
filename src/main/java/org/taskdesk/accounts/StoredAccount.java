package org.taskdesk.accounts;

import java.time.LocalDateTime;

/**
 * An account as the local database keeps it, with what signing in checks: the password's bcrypt hash, the failed
 * sign-ins in a row and until when sign-ins wait. Stays inside the account service: others get an {@link Account}.
 */
public record StoredAccount(int id, String email, String name, String passwordHash, int failedSignIns,
                            LocalDateTime signInBlockedUntil) {

    Account account() {
        return new Account(id, email, name);
    }

    /** Whether sign-ins still wait at {@code now}. */
    boolean isBlockedAt(LocalDateTime now) {
        return signInBlockedUntil != null && signInBlockedUntil.isAfter(now);
    }

    /** Leaves the hash out, so that it never reaches a log. */
    @Override
    public String toString() {
        return "StoredAccount[" + id + ", " + email + "]";
    }
}
