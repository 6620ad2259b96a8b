package org.taskdesk.sync;

/** How to reach a shared server for sync: sign in there (creating the account if asked) and connect with a session. */
public interface SyncServers {
    /**
     * Signs in as {@code email} on the server at {@code serverUrl}; when there is no such account there, creates it
     * first (named {@code name}) with {@code password}. Returns the session token.
     */
    String signInOrSignUp(String serverUrl, String email, String name, String password);

    /** The sync functions of the server at {@code serverUrl}, for the session of {@code token}. */
    SyncServer connect(String serverUrl, String token);

    /** Ends the session of {@code token} there; quietly does nothing when the server cannot be reached. */
    void signOut(String serverUrl, String token);
}
