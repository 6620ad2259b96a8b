package org.taskdesk.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /** This process's resident memory (Linux: VmRSS in /proc/self/status), for the benchmark's memory row. */
    private static Optional<Long> residentKib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux: the row is left out
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
        residentKib().ifPresent(kib -> out.println("rss-kib " + kib));
        out.flush();
        // After this pulse, not inside it: exiting mid-pulse made the rest of the pulse fail its FX-thread check.
        Platform.runLater(Platform::exit);
    }
}
