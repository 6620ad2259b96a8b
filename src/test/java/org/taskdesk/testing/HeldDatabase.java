package org.taskdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;

/**
 * Another program holding a local database open: a child JVM that opens the file and keeps it open until
 * {@link #close()}, either as the app and the task commands do (other TaskDesk processes reach it through this one,
 * ADR 0016) or as a schema change does (to itself). Its {@link #main} is that child.
 */
public final class HeldDatabase implements AutoCloseable {
    private final Process holder;

    private HeldDatabase(Process holder) {
        this.holder = holder;
    }

    /** Starts a holder that has the file open as the desktop app does; returns once it has. */
    public static HeldDatabase by(Path file) throws IOException {
        return start(file, "shared");
    }

    /** Starts a holder that has the file to itself, as a migration or a restore does; returns once it has. */
    public static HeldDatabase exclusivelyBy(Path file) throws IOException {
        return start(file, "exclusive");
    }

    private static HeldDatabase start(Path file, String how) throws IOException {
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HeldDatabase.class.getName(),
                file.toAbsolutePath().toString(), how)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"holding".equals(line)) {
            holder.destroyForcibly();
            throw new IllegalStateException("The holder process did not open " + file + " (it said: " + line + ")");
        }
        return new HeldDatabase(holder);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        holder.getOutputStream().close(); // end of its input: it closes the database and exits
        if (!holder.waitFor(30, TimeUnit.SECONDS)) {
            holder.destroyForcibly();
        }
    }

    /**
     * The child: opens {@code args[0]} ({@code args[1]} "exclusive" as a schema change does), says "holding", and
     * keeps it open until its input ends.
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(file.getParent(), file.getParent())
                .parse(file.toString()));
        try (Connection held = (args[1].equals("exclusive") ? connections.exclusive() : connections).open()) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        }
    }
}
