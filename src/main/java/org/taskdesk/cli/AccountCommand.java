package org.taskdesk.cli;

import org.taskdesk.accounts.Account;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taskdesk account}: create an account, change its password, delete it. */
@Command(name = "account", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create an account, change its password or delete it.", synopsisSubcommandLabel = "COMMAND")
final class AccountCommand {
    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account. The password comes from TASKDESK_PASSWORD or a prompt.")
    int create(@Mixin Credentials credentials,
               @Option(names = "--name", required = true, paramLabel = "NAME", description = "Your name, 1 to 100 characters.")
               String name) {
        try (Workspace workspace = root.services().openWorkspace()) {
            String password = Credentials.newPassword(root.services(), "TASKDESK_PASSWORD", "Choose a password (8 to 72 bytes)");
            Account account = workspace.accounts().signUp(credentials.email(root.services()), name, password);
            spec.commandLine().getOut().println("Created the account of " + TerminalText.escape(account.name())
                    + " <" + TerminalText.escape(account.email())
                    + "> in " + workspace.databaseName() + ".");
        }
        return 0;
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change your password (old one from TASKDESK_PASSWORD, new one from "
            + "TASKDESK_NEW_PASSWORD, or prompts).")
    int passwd(@Mixin Credentials credentials) {
        try (Workspace workspace = root.services().openWorkspace()) {
            AccountService accounts = workspace.accounts();
            String old = Credentials.password(root.services(), "TASKDESK_PASSWORD", "Current password");
            UserSession session = accounts.signIn(credentials.email(root.services()), old, false);
            try {
                String fresh = Credentials.newPassword(root.services(), "TASKDESK_NEW_PASSWORD", "New password");
                accounts.changePassword(session, old, fresh);
            } finally {
                accounts.signOut(session);
            }
            spec.commandLine().getOut().println("Changed the password of " + session.account().email()
                    + "; its other sessions were signed out.");
        }
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete your account and all its tasks.")
    int delete(@Mixin Credentials credentials,
               @Option(names = "--yes", description = "Confirm: this cannot be undone.") boolean yes) {
        if (!yes) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Deleting an account removes all its tasks for good: "
                    + "add --yes to confirm.");
        }
        try (Workspace workspace = root.services().openWorkspace()) {
            String password = Credentials.password(root.services(), "TASKDESK_PASSWORD", "Password");
            UserSession session = workspace.accounts().signIn(credentials.email(root.services()), password, false);
            workspace.accounts().deleteAccount(session, password);
            spec.commandLine().getOut().println("Deleted the account of " + session.account().email()
                    + " and all its tasks.");
        }
        return 0;
    }
}
