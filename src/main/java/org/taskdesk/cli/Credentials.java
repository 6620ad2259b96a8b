package org.taskdesk.cli;

import java.io.Console;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Who runs a task or account command: {@code --email} (or {@code TASKDESK_EMAIL}) and a password from
 * {@code TASKDESK_PASSWORD} or, in a terminal, a prompt that does not echo. Never a password option: it would
 * show in the process list and the shell's history.
 */
final class Credentials {
    // Inherited, so that it is accepted after the subcommand too ("tasks add --email … TEXT"), where people type it.
    @Option(names = "--email", paramLabel = "EMAIL", scope = ScopeType.INHERIT,
            description = "Your account's email (or TASKDESK_EMAIL).")
    String email;

    String email(Services services) {
        String value = email != null ? email : services.variable("TASKDESK_EMAIL");
        if (value == null || value.isBlank()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Say who you are with --email you@example.com "
                    + "(or set TASKDESK_EMAIL).");
        }
        return value;
    }

    static String password(Services services, String variable, String prompt) {
        String value = services.variable(variable);
        if (value != null) {
            return value;
        }
        Console console = System.console();
        if (console == null) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "No password: set " + variable
                    + " or run this in a terminal to be asked for it.");
        }
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "No password was typed; nothing was done.");
        }
        return new String(typed);
    }

    /** A new password: from the variable, or typed twice in a terminal. */
    static String newPassword(Services services, String variable, String prompt) {
        String first = password(services, variable, prompt);
        if (services.variable(variable) == null) {
            String again = password(services, variable, "Type it again");
            if (!first.equals(again)) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The two passwords differ; nothing was changed.");
            }
        }
        return first;
    }
}
