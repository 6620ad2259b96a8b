package org.taskdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Runs the command line and keeps its promises: every failure is one line on stderr that says what is wrong and
 * what to do, with an exit code per kind of failure; the stack trace goes to the log, and to stderr only with
 * {@code --verbose}.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private CommandRunner() {
    }

    /**
     * Runs {@code args}; with no command, {@code desktopApp} opens the window for the chosen database (the
     * {@code --database-url} value, may be null) and returns the exit code when it closes.
     */
    public static int run(Services services, ToIntFunction<String> desktopApp, PrintWriter out,
                          PrintWriter err, String... args) {
        if (args.length == 0) {
            return openWindow(services, desktopApp, err);
        }
        TaskDeskCommand root = new TaskDeskCommand(services, desktopApp);
        CommandLine commandLine = commandLine(root, Subcommands.neededFor(args));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CommandRunner::badArguments);
        commandLine.setExecutionExceptionHandler((e, line, parsed) ->
                failed(e, line.getCommandSpec().qualifiedName(), line.getErr(), root.verbose(), services));
        try {
            return commandLine.execute(args);
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

    /**
     * No arguments: the window, as picocli would run it, without picocli. Its classes are Java 5 bytecode, which
     * the class-data archive cannot hold, so modelling even the bare root command costs 60 ms before the window.
     */
    private static int openWindow(Services services, ToIntFunction<String> desktopApp,
                                  PrintWriter err) {
        try {
            return desktopApp.applyAsInt(null);
        } catch (Exception e) {
            return failed(e, "taskdesk", err, false, services);
        } finally {
            err.flush();
        }
    }

    private static int failed(Exception e, String command, PrintWriter err, boolean verbose, Services services) {
        if (e instanceof TaskDeskException known) {
            LOG.warn("{} failed: {}", command, known.getMessage(), known);
            err.println("Error: " + TerminalText.escape(known.getMessage())); // it may quote what was typed
            if (verbose) {
                known.printStackTrace(err);
            }
            return known.code().exitCode();
        }
        LOG.error("{} failed unexpectedly", command, e);
        err.println("Error: something unexpected went wrong (" + e.getClass().getSimpleName() + "). Details are in "
                + services.logFile() + "; please report them.");
        if (verbose) {
            e.printStackTrace(err);
        }
        return ErrorCode.INTERNAL.exitCode();
    }
}
