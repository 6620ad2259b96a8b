package org.taskdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.taskdesk.domain.ErrorCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Runs the command line and keeps its promises: every failure is one line on stderr that says what is wrong and
 * what to do, with an exit code per kind of failure ({@link Failures}).
 */
public final class CommandRunner {
    private CommandRunner() {
    }

    /**
     * Runs {@code args} with the services {@code services} makes for the database they choose; a failure's details
     * go to {@code logFile}. Options without a command ({@code --database-url …}, {@code -v}) ask for the window: the
     * outcome says so, and the caller opens it.
     */
    public static Outcome run(ServicesFactory services, Path logFile, PrintWriter out, PrintWriter err, String... args) {
        TaskDeskCommand root = new TaskDeskCommand(services);
        CommandLine commandLine = commandLine(root, Subcommands.neededFor(args));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CommandRunner::badArguments);
        commandLine.setExecutionExceptionHandler((e, line, parsed) ->
                Failures.report(e, line.getCommandSpec().qualifiedName(), line.getErr(), root.verbose(), logFile));
        try {
            int exitCode = commandLine.execute(args);
            return root.opensWindow() ? Outcome.window(root.databaseUrl(), root.verbose()) : Outcome.exit(exitCode);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree of {@code root} with {@code subcommands}, as every run parses it. */
    static CommandLine commandLine(TaskDeskCommand root, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(root);
        // Before the settings below, which picocli passes on to the subcommands present when they are made.
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("Error: " + TerminalText.escape(e.getMessage()));
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ErrorCode.INVALID_INPUT.exitCode();
    }
}
