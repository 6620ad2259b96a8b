package org.taskdesk.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.taskdesk.cli.CommandRunner;
import org.taskdesk.cli.Failures;
import org.taskdesk.cli.Outcome;
import org.taskdesk.persistence.database.UserEnvironment;

/**
 * The program's entry point: with no arguments the desktop app, else the command line (which may still ask for the
 * window: {@code taskdesk --database-url …}). Deliberately not a JavaFX {@code Application}, so that
 * {@code java -jar} works from a plain classpath and commands load no JavaFX; and the window is opened without
 * picocli, whose command model would cost the window's start 60 ms.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(UserEnvironment.ofThisProcess(), args));
    }

    static int run(UserEnvironment environment, String... args) {
        Logs.configure(environment);
        Path logFile = Logs.file(environment);
        // UTF-8 whatever the locale says: a minimal system's default "C" locale would turn "café" into "caf?", and
        // every terminal and script TaskDesk meets reads UTF-8.
        Charset console = StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, console), true);
        Clock clock = new DefaultZoneClock();
        if (args.length == 0) {
            return openWindow(Configuration.configure(environment).load(), clock, logFile, false, err);
        }
        Outcome outcome = CommandRunner.run(AppServices.factory(environment, clock), logFile, out, err, args);
        if (!outcome.opensWindow()) {
            return outcome.exitCode();
        }
        Configuration chosen = Configuration.configure(environment).databaseUrl(outcome.databaseUrl()).load();
        return openWindow(chosen, clock, logFile, outcome.verbose(), err);
    }

    /** The desktop app on the database {@code configuration} chose; returns when its window closes. */
    private static int openWindow(Configuration configuration, Clock clock, Path logFile, boolean verbose,
                                  PrintWriter err) {
        try {
            return DesktopLauncher.run(configuration, clock, logFile, err);
        } catch (RuntimeException e) {
            return Failures.report(e, "taskdesk", err, verbose, logFile);
        } finally {
            err.flush();
        }
    }
}
