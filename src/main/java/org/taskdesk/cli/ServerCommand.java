package org.taskdesk.cli;

import java.io.Console;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taskdesk server setup}: run once by a shared PostgreSQL database's owner. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Look after a shared PostgreSQL server (for its owner).", synopsisSubcommandLabel = "COMMAND")
final class ServerCommand {
    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "setup", mixinStandardHelpOptions = true, description = {
        "Create or repair the login every TaskDesk uses on this server, with only the rights clients need.",
        "Run as the database's owner, after 'db upgrade head'. The login's password comes from",
        "TASKDESK_CLIENT_PASSWORD or a prompt; leave it empty to keep an existing login's password."})
    int setup(@Option(names = "--client-role", required = true, paramLabel = "NAME",
            description = "The shared client login, e.g. taskdesk_client.") String clientRole) {
        String password = clientPassword();
        String database = root.services().setUpSharedServer(clientRole, password);
        spec.commandLine().getOut().println("The client login " + clientRole + " is ready on " + database
                + ". People connect with: " + database.replaceFirst("postgresql://[^@/]*@", "postgresql://" + clientRole
                + ":PASSWORD@"));
        return 0;
    }

    private String clientPassword() {
        String fromEnvironment = root.services().variable("TASKDESK_CLIENT_PASSWORD");
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            return null; // keep the existing password; a new login without one is refused with a clear message
        }
        char[] first = console.readPassword("Password for %s (empty keeps the current one): ", "the client login");
        if (first == null || first.length == 0) {
            return null;
        }
        char[] again = console.readPassword("Type it again: ");
        if (again == null || !new String(first).equals(new String(again))) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The two passwords differ; nothing was changed.");
        }
        return new String(first);
    }
}
