package org.taskdesk.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs a probe's {@code main} in a child JVM on a real X display (Xvfb) with a window manager (Openbox), on JavaFX's
 * GTK backend: what headless Monocle cannot show (window frames, a window manager's first answers to a new window).
 * Skipped where xvfb-run or openbox is missing (.ci/run installs both).
 */
public final class UnderWindowManager {
    private UnderWindowManager() {
    }

    /** Runs {@code probe.main(args)} under Xvfb and Openbox and returns everything it printed. */
    public static String run(Class<?> probe, Path folder, String... args) throws IOException, InterruptedException {
        assumeTrue(onPath("xvfb-run") && onPath("openbox"),
                "needs xvfb-run and openbox (apt-get install xvfb openbox libgtk-3-0)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = folder.resolve("probe-" + probe.getSimpleName() + ".out");
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                "sh", "-c", "openbox & exec \"$@\"", "sh",
                java, "-cp", System.getProperty("java.class.path"), probe.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** In the probe: runs {@code work} on the JavaFX thread after {@code millis}, leaving the FX thread free. */
    public static void later(long millis, Runnable work) {
        Thread waiter = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(work);
        });
        waiter.setDaemon(true);
        waiter.start();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
