package org.taskdesk.cli;

/**
 * What a command line comes to: the exit code of the command it ran or, when it names no command
 * ({@code taskdesk --database-url …}), the window to open on the database it chose. The program's {@code main}
 * opens that window: the command line knows nothing of the desktop app.
 *
 * @param exitCode    the command's exit code; 0 when the window is asked for
 * @param opensWindow whether the desktop app is to be opened
 * @param databaseUrl the {@code --database-url} given for the window, or null
 * @param verbose     whether {@code --verbose} was given, so that a window that cannot open shows its stack trace
 */
public record Outcome(int exitCode, boolean opensWindow, String databaseUrl, boolean verbose) {

    static Outcome exit(int exitCode) {
        return new Outcome(exitCode, false, null, false);
    }

    static Outcome window(String databaseUrl, boolean verbose) {
        return new Outcome(0, true, databaseUrl, verbose);
    }
}
