package org.taskdesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.SchemaRevisions;
import org.taskdesk.migrations.WrittenRevision;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.workspace.Workspace;

/**
 * What the command line needs from the rest of the program, made by the composition root for one command line
 * ({@link ServicesFactory}), on the database it chose. Commands stay thin: they parse, call one of these, and print.
 */
public interface Services {
    /** Migrations for the database chosen by {@code --database-url} and the usual fallbacks. */
    MigrationService migrations();

    /** Writing and comparing migrations in the source tree. */
    SchemaRevisions revisions();


    /** Compares the entities with the migrations; PostgreSQL included when the chosen database is one. */
    List<SchemaDifference> compareSchema();

    /** Autogenerates a revision comparing against the chosen database where it can. */
    WrittenRevision autogenerate(String message, Path folder);

    /** The folder that holds {@code migration/} and {@code downgrade/} in the source tree, by default. */
    Path defaultMigrationsFolder();

    /** Opens the chosen database for the task and account commands (a local file is migrated first). */
    Workspace openWorkspace();

    /** An environment variable of the user's, or null: TASKDESK_PASSWORD and TASKDESK_EMAIL. */
    String variable(String name);

    /**
     * Sets up (or repairs) the shared server's client login on the chosen PostgreSQL database, connected as its
     * owner; {@code clientPassword} null keeps an existing login's password.
     */
    String setUpSharedServer(String clientRole, String clientPassword);

    /**
     * The token of the command line's remembered session on the chosen database ({@code taskdesk login}), kept in the
     * system keyring (else an owner-only file) apart from the desktop app's "keep me signed in", so that signing out
     * in one does not sign the other out.
     */
    Optional<String> rememberedSession();

    /** Remembers {@code token} as the command line's session on the chosen database. */
    void rememberSession(String token);

    /** Forgets the command line's session on the chosen database. */
    void forgetSession();

    /** How to reach shared servers for sync: sign in or up there, connect with a session, sign out. */
    default SyncServers syncServers() {
        throw new UnsupportedOperationException("These services reach no shared server");
    }

    /** Where links keep their server sessions: the system keyring, else an owner-only file in the data folder. */
    default SyncTokens syncTokens() {
        throw new UnsupportedOperationException("These services keep no sessions");
    }

    /** The clock and zone the user lives in: due dates are shown and read in it. */
    Clock clock();
}
