package org.taskdesk.app;

import java.io.PrintStream;
import javafx.application.Platform;
import org.taskdesk.ui.StartupProbe;

/**
 * Prints how long after launch each start-up milestone came, then quits after the task list: what bench/startup
 * reads. Asked for with {@code TASKDESK_STARTUP_PROBE=<launch time in epoch milliseconds>}.
 */
final class BenchmarkProbe implements StartupProbe {
    static final String VARIABLE = "TASKDESK_STARTUP_PROBE";

    private final long launchedAtMillis;
    private final PrintStream out;
    private boolean firstFrameSeen;

    BenchmarkProbe(long launchedAtMillis, PrintStream out) {
        this.launchedAtMillis = launchedAtMillis;
        this.out = out;
    }

    /** The probe the environment asks for, or none. */
    static StartupProbe from(String variable, PrintStream out) {
        if (variable == null) {
            return StartupProbe.NONE;
        }
        try {
            return new BenchmarkProbe(Long.parseLong(variable.strip()), out);
        } catch (NumberFormatException e) {
            return StartupProbe.NONE;
        }
    }

    @Override
    public void firstFrame() {
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            out.println("first-frame " + (System.currentTimeMillis() - launchedAtMillis));
        }
    }

    /** "stage database-opened 1234": each stage on the way, for the benchmark's breakdown. */
    @Override
    public void reached(String stage) {
        out.println("stage " + stage.replace(' ', '-') + " " + (System.currentTimeMillis() - launchedAtMillis));
    }

    @Override
    public void taskListShown(int tasks) {
        out.println("task-list " + (System.currentTimeMillis() - launchedAtMillis) + " " + tasks);
        out.flush();
        // After this pulse, not inside it: exiting mid-pulse made the rest of the pulse fail its FX-thread check.
        Platform.runLater(Platform::exit);
    }
}
