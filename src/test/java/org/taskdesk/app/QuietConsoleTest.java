package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.TaskDeskProcess;

/**
 * The desktop app started as a person starts it, {@code taskdesk} with no arguments, in a child JVM whose JavaFX
 * runs headless (Monocle): nothing reaches the terminal, JavaFX's start-up warning included, which goes to the log.
 */
class QuietConsoleTest {
    private static final String JAVAFX_WARNING = "Unsupported JavaFX configuration";

    @TempDir
    Path folder;

    @Test
    void theWindowOpensWithoutPrintingJavaFxsWarningToTheTerminal() throws Exception {
        Process app = TaskDeskProcess.start(folder, Map.of("HOME", folder.resolve("home").toString(),
                        "XDG_DATA_HOME", folder.resolve("data").toString(),
                        "XDG_CONFIG_HOME", folder.resolve("config").toString(),
                        // prints "first-frame <ms>" once the window is drawn
                        "TASKDESK_STARTUP_PROBE", Long.toString(System.currentTimeMillis())),
                List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Dprism.text=t2k", "-Djava.awt.headless=true"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!read("child.out").contains("first-frame") && app.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(read("child.out")).as("the window was drawn; stderr: %s", read("child.err"))
                    .contains("first-frame");
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        String err = read("child.err");
        assertThat(err).doesNotContain(JAVAFX_WARNING);
        assertThat(err.lines()).noneMatch(line -> line.startsWith("WARNING"));
        // The child reads this project's test logging set-up, which writes target/test.log in its working folder.
        assertThat(read("target/test.log")).as("kept in the log instead").contains(JAVAFX_WARNING);
    }

    private String read(String name) throws Exception {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
