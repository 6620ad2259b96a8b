package org.taskdesk.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.taskdesk.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code taskdesk logout}: ends the session {@code taskdesk login} remembered, in the database and on this computer. */
@Command(name = "logout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "End the session 'taskdesk login' started: commands ask for a password again.")
final class LogoutCommand implements Callable<Integer> {
    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services services = root.services();
        Optional<String> token = services.rememberedSession();
        try (Workspace workspace = services.openWorkspace()) {
            if (token.isEmpty()) {
                spec.commandLine().getOut().println("Not signed in on " + workspace.databaseName() + "; nothing to do.");
                return 0;
            }
            // Ended in the database first: a token that stayed valid there would still open the account.
            token.flatMap(workspace.accounts()::resume).ifPresent(workspace.accounts()::signOut);
            services.forgetSession();
            spec.commandLine().getOut().println("Signed out on " + workspace.databaseName() + ".");
        }
        return 0;
    }
}
