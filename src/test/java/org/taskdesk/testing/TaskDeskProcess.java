package org.taskdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real program in a child JVM, as a person's terminal starts it: {@code java … org.taskdesk.app.Main args}, with
 * only the environment given (and PATH), so a test can show what happens between two processes.
 */
public final class TaskDeskProcess {
    private TaskDeskProcess() {
    }

    /** A child JVM running TaskDesk with {@code args}, not yet waited for; its output goes to files in {@code folder}. */
    public static Process start(Path folder, Map<String, String> environment, String... args) throws IOException {
        return start(folder, environment, List.of(), args);
    }

    /** The same, with {@code javaOptions} (system properties, say) given to the child JVM as well. */
    public static Process start(Path folder, Map<String, String> environment, List<String> javaOptions,
                                String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtaskdesk.log.dir=" + folder.resolve("logs")));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.taskdesk.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("child.out").toFile()).redirectError(folder.resolve("child.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs TaskDesk with {@code args} in a child JVM and returns what it printed (read as UTF-8) and its exit code. */
    public static CliResult run(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Process child = start(folder, environment, args);
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("TaskDesk " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new CliResult(child.exitValue(), Files.readString(folder.resolve("child.out"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("child.err"), StandardCharsets.UTF_8));
    }
}
