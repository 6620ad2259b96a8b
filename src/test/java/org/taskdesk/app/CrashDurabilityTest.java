package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.workspace.Workspace;

/**
 * A process writing tasks through the real services is killed with SIGKILL at random moments; after each kill the
 * database must open, hold every change the process reported as saved, and hold nothing half-written.
 * Seeded: the seed is printed; replay with {@code -Dtaskdesk.crash.seed=N} (and {@code -Dtaskdesk.crash.runs=N}).
 */
class CrashDurabilityTest {
    private static final String EMAIL = "crash@example.com";
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path folder;

    @Test
    void everyReportedSaveSurvivesAKillAtARandomMoment() throws Exception {
        long seed = Long.getLong("taskdesk.crash.seed", System.nanoTime());
        int runs = Integer.getInteger("taskdesk.crash.runs", 20);
        System.out.println("CrashDurabilityTest seed " + seed + " (replay: -Dtaskdesk.crash.seed=" + seed + ")");
        // Two databases killed in turn, side by side: a writer spends most of its life starting its JVM.
        ExecutorService lanes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = lanes.submit(() -> lane("a", new Random(seed), (runs + 1) / 2, seed));
            Future<Integer> second = lanes.submit(() -> lane("b", new Random(seed + 1), runs / 2, seed));
            assertThat(first.get() + second.get()).as("the writers got to save something").isGreaterThan(runs);
        } finally {
            lanes.shutdownNow();
        }
    }

    /** {@code runs} writers on one database, each killed at a random moment; returns how many changes they saved. */
    private int lane(String name, Random random, int runs, long seed) throws Exception {
        Path file = folder.resolve(name).resolve("tasks.mv.db");
        try (Workspace workspace = TestWorkspaces.open(file.toString(), folder, Clock.systemUTC())) {
            workspace.accounts().signUp(EMAIL, "Crash", PASSWORD);
        }
        Map<Long, Task> savedSoFar = new HashMap<>();
        Set<Long> completedSoFar = new HashSet<>();
        for (int i = 1; i <= runs; i++) {
            String run = name + i;
            long killAfterMillis = random.nextInt(300);
            long started = System.nanoTime();
            List<String> reported = runAndKill(file, run, killAfterMillis);
            long checking = System.nanoTime();
            String context = "seed " + seed + ", run " + run + ", killed " + killAfterMillis + " ms after its first change";
            for (String line : reported) {
                String[] words = line.split(" ", 3);
                long id = Long.parseLong(words[1]);
                if (words[0].equals("added")) {
                    int number = Integer.parseInt(words[2].substring(words[2].lastIndexOf(' ') + 1));
                    savedSoFar.put(id, TaskWriterProcess.expected(run, number));
                } else {
                    completedSoFar.add(id);
                }
            }
            checkDatabase(file, run, savedSoFar, completedSoFar, context);
            System.out.printf("run %s: %d changes reported, writer %d ms, check %d ms%n", run, reported.size(),
                    (checking - started) / 1_000_000, (System.nanoTime() - checking) / 1_000_000);
        }
        return savedSoFar.size() + completedSoFar.size();
    }

    /** Starts a writer, kills it {@code millis} after its first saved change, and returns its complete output lines. */
    private List<String> runAndKill(Path file, String run, long millis) throws Exception {
        // Output to a file, not a pipe: a pipe's last lines can be lost to a reader racing the process's end.
        Path output = file.resolveSibling("writer-" + run + ".out");
        Process writer = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtaskdesk.log.dir=" + folder.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), TaskWriterProcess.class.getName(),
                file.toString(), EMAIL, PASSWORD, run))
                .redirectOutput(output.toFile()).redirectError(file.resolveSibling("writer-" + run + ".err").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // From its first saved change on, so that every kill lands among changes, however slow the machine.
            while (!Files.readString(output).contains("\nadded ")) {
                assertThat(writer.isAlive()).as("writer %s is running; its stderr is beside %s", run, file).isTrue();
                assertThat(System.nanoTime()).as("writer %s got ready in time", run).isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(millis);
        } finally {
            writer.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no close
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String text = Files.readString(output);
        // A line cut by the kill has no newline yet: it was never reported.
        List<String> lines = new ArrayList<>(List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n")));
        lines.removeIf(line -> line.isEmpty() || line.equals("ready"));
        return lines;
    }

    private void checkDatabase(Path file, String run, Map<Long, Task> saved, Set<Long> completed, String context) {
        // Opening is itself checked: a kill must never leave a file that cannot be opened.
        try (Workspace workspace = TestWorkspaces.open(file.toString(), folder, Clock.systemUTC())) {
            UserSession user = workspace.accounts().signIn(EMAIL, PASSWORD, false);
            Map<Long, Task> found = new HashMap<>();
            workspace.tasks().list(user, TaskQuery.of("is:open | is:done")).tasks().forEach(t -> found.put(t.id(), t));

            List<String> unreported = new ArrayList<>();
            for (Map.Entry<Long, Task> entry : saved.entrySet()) {
                Task task = found.get(entry.getKey());
                assertThat(task).as("%s: task #%d was reported as added", context, entry.getKey()).isNotNull();
                assertWhole(task, entry.getValue(), context);
                if (completed.contains(task.id())) {
                    assertThat(task.completed()).as("%s: task #%d was reported completed", context, task.id()).isTrue();
                } else if (task.completed()) {
                    unreported.add("completion of #" + task.id());
                    completed.add(task.id()); // from now on it must stay
                }
            }
            for (Task task : found.values()) {
                if (!saved.containsKey(task.id())) {
                    int number = Integer.parseInt(task.title().substring(task.title().lastIndexOf(' ') + 1));
                    assertWhole(task, TaskWriterProcess.expected(run, number), context);
                    unreported.add("task #" + task.id());
                    saved.put(task.id(), TaskWriterProcess.expected(run, number)); // from now on it must stay
                }
            }
            // The kill may land between a commit and its line: at most the one change in flight, and whole.
            assertThat(unreported).as("%s: changes present but never reported", context).hasSizeLessThanOrEqualTo(1);
        }
    }

    private static void assertWhole(Task task, Task expected, String context) {
        assertThat(task.title()).as("%s: title of #%d", context, task.id()).isEqualTo(expected.title());
        assertThat(task.description()).as("%s: description of #%d", context, task.id())
                .isEqualTo(expected.description());
        assertThat(task.tags()).as("%s: tags of #%d", context, task.id()).isEqualTo(expected.tags());
    }
}
