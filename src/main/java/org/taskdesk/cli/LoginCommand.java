package org.taskdesk.cli;

import java.util.concurrent.Callable;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code taskdesk login}: signs in once and remembers the session (its token, never the password) for the commands
 * that follow on this database, so that a script does not pay a password check (bcrypt, a quarter of a second by
 * design) on every command.
 */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sign in once: later commands on this database need no password until 'taskdesk logout'.")
final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Credentials credentials;

    @Override
    public Integer call() {
        Services services = root.services();
        try (Workspace workspace = services.openWorkspace()) {
            String email = credentials.email(services);
            String password = Credentials.password(services, "TASKDESK_PASSWORD", "Password for " + email);
            UserSession session = workspace.accounts().signIn(email, password, true);
            // One remembered session per database: the one it replaces ends now rather than lingering for a month.
            services.rememberedSession().flatMap(workspace.accounts()::resume).ifPresent(workspace.accounts()::signOut);
            services.rememberSession(session.token());
            spec.commandLine().getOut().println("Signed in as " + TerminalText.escape(session.account().email()) + " on "
                    + workspace.databaseName() + ": commands there need no password until 'taskdesk logout'.");
        }
        return 0;
    }
}
