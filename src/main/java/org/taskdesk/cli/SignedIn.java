package org.taskdesk.cli;

import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ServerNotAnsweringException;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.workspace.Workspace;

/**
 * How a command acts as someone: opens the database, and runs its work as the person of the session
 * {@code taskdesk login} remembered, or else signs in with the password for this one command and signs out after it.
 * The task commands and the sync commands alike.
 */
final class SignedIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignedIn.class);

    private SignedIn() {
    }

    static int run(Services services, Credentials credentials, String command,
                   BiFunction<Workspace, UserSession, Integer> work) {
        try (Workspace workspace = services.openWorkspace()) {
            Optional<UserSession> remembered = remembered(services, credentials, workspace);
            if (remembered.isPresent()) {
                return work.apply(workspace, remembered.get());
            }
            String email = credentials.email(services);
            String password = Credentials.password(services, "TASKDESK_PASSWORD", "Password for " + email);
            UserSession user = workspace.accounts().signIn(email, password, false);
            int result;
            try {
                result = work.apply(workspace, user);
            } catch (ServerNotAnsweringException e) {
                // Signing out would wait for the same silent server; the short session ends by itself.
                throw e;
            } catch (RuntimeException e) {
                signOutAfter(workspace, user, e);
                throw e;
            }
            try {
                workspace.accounts().signOut(user);
            } catch (TaskDeskException e) {
                // The command's change is saved and was reported: failing now (on a disk that just filled up, say)
                // would claim otherwise. The unused session row left behind opens nothing: only its hash is kept.
                LOG.warn("Signing out after '{}' failed: {}", command, e.getMessage(), e);
            }
            return result;
        }
    }

    /**
     * The session of {@code taskdesk login} on this database, unless --email or TASKDESK_EMAIL names someone else (who
     * then signs in with a password as usual). An expired one is forgotten.
     */
    private static Optional<UserSession> remembered(Services services, Credentials credentials, Workspace workspace) {
        Optional<String> token = services.rememberedSession();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserSession> session = workspace.accounts().resume(token.get());
        if (session.isEmpty()) {
            LOG.info("The remembered command-line session on {} has ended; forgetting it", workspace.databaseName());
            services.forgetSession();
            return Optional.empty();
        }
        String named = credentials.email != null ? credentials.email : services.variable("TASKDESK_EMAIL");
        boolean someoneElse = named != null && !named.isBlank()
                && !named.strip().equalsIgnoreCase(session.get().account().email());
        return someoneElse ? Optional.empty() : session;
    }

    /** Signs out after {@code failure}, which stays the one reported: a failing sign-out must not replace it. */
    private static void signOutAfter(Workspace workspace, UserSession user, RuntimeException failure) {
        try {
            workspace.accounts().signOut(user);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
