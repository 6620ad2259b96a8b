package org.taskdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * How a failure reaches the terminal, for a command and for the window alike: one line on stderr that says what is
 * wrong and what to do, and the exit code of its kind; the stack trace goes to the log, and to stderr only with
 * {@code --verbose}.
 */
public final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** Reports {@code e}, which ended {@code command}, on {@code err}; returns the exit code for it. */
    public static int report(Exception e, String command, PrintWriter err, boolean verbose, Path logFile) {
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
                + logFile + "; please report them.");
        if (verbose) {
            e.printStackTrace(err);
        }
        return ErrorCode.INTERNAL.exitCode();
    }
}
