package org.taskdesk.accounts;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The accounts and sessions as one transaction of {@link AccountStore#inOneTransaction} sees and changes them.
 * Times are UTC wall-clock values; sessions are known only by the SHA-256 of their token.
 */
public interface AccountChanges {
    Optional<StoredAccount> findByEmail(String normalisedEmail);

    /** Whether there is at least one account. */
    boolean anyAccount();

    /** Adds an account created at {@code now}; the stored account has its new id. */
    StoredAccount add(String normalisedEmail, String name, String passwordHash, LocalDateTime now);

    /** The account of a session that has not expired at {@code now}. */
    Optional<StoredAccount> findSignedIn(String tokenSha256, LocalDateTime now);

    /** Keeps the count of failed sign-ins in a row and until when sign-ins wait (null: they do not). */
    void recordFailedSignIns(int accountId, int failedSignIns, LocalDateTime signInBlockedUntil);

    void addSession(int accountId, String tokenSha256, LocalDateTime createdAt, LocalDateTime expiresAt);

    void endSession(String tokenSha256);

    /** Ends every session of the account except the one with {@code keptSha256} (may be null). */
    void endOtherSessions(int accountId, String keptSha256);

    void changePasswordHash(int accountId, String passwordHash, LocalDateTime now);

    /** Deletes the account; its tasks, sessions and completions go with it. */
    void delete(int accountId);
}
