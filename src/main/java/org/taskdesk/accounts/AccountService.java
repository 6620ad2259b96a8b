package org.taskdesk.accounts;

import java.util.Optional;

/**
 * Signing up, in and out, and looking after one's account. Unknown email and wrong password fail alike, with
 * {@code NOT_AUTHORIZED} and the same message; repeated failures make the account wait (kept in the database).
 */
public interface AccountService {
    Account signUp(String email, String name, String password);

    /**
     * Whether anyone has signed up here, so that a new user's first screen can be "Create your account". A shared
     * server's client login cannot read users: there it answers true, and sign-in comes first.
     */
    boolean hasAccounts();

    /** Signs in; {@code keepSignedIn} makes the session last 30 days instead of 12 hours. */
    UserSession signIn(String email, String password, boolean keepSignedIn);

    /** The session of a remembered token, if it is still valid. */
    Optional<UserSession> resume(String token);

    void signOut(UserSession session);

    /** Asks for the old password; ends the account's other sessions. */
    void changePassword(UserSession session, String oldPassword, String newPassword);

    /** Deletes the account and all its tasks, after checking the password. */
    void deleteAccount(UserSession session, String password);

    /**
     * Signs in to this device's copy of a server account (a replica, ADR 0029) with {@code password}, which the
     * server has just accepted for that email: when the account here still has another password (changed on another
     * device), it takes this one, so that the copy opens offline with it and no longer with the old one. Only where
     * accounts are kept on the device; the caller must have had the password accepted by the server first.
     */
    default UserSession signInWithServerPassword(String email, String password, boolean keepSignedIn) {
        throw new UnsupportedOperationException("Only a device's own accounts take a password from a server");
    }
}
