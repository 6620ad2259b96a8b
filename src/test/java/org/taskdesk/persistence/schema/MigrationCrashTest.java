package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;

/**
 * Upgrades and downgrades of a real H2 file, run through the real command line in a child JVM and killed with
 * SIGKILL at random moments. After each kill the next command finds the file at a version, with that version's
 * tables and columns and nothing else (no USERS_COPY_4_0 left by a half-done ALTER TABLE), and every account and
 * task that existed before. Seeded: the seed is printed; {@code -Dtaskdesk.crash.seed=N} replays a run.
 */
class MigrationCrashTest {
    /** Enough kills to land before, inside and after the steps, yet well under a minute on a busy machine. */
    private static final int RUNS = Integer.getInteger("taskdesk.crash.runs", 12);
    private static final long BUDGET_MILLIS = 40_000;
    /** However slow the machine: a command killed mid-way is expected long before this many. */
    private static final int MAX_RUNS = 2 * RUNS;
    private static final int TASKS = Integer.getInteger("taskdesk.crash.tasks", 12_000);

    @TempDir
    Path folder;

    @Test
    void killedUpgradesAndDowngradesLeaveTheFileAtAVersionWithEveryRow() throws Exception {
        long seed = Long.getLong("taskdesk.crash.seed", System.nanoTime());
        System.out.println("MigrationCrashTest seed " + seed + " (replay: -Dtaskdesk.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path file = folder.resolve("crash").resolve("tasks.mv.db");
        assertThat(cli("upgrade", "head").exitCode()).isZero();
        // Enough tasks that rewriting the table (H2's ALTER TABLE copies it) outlasts H2's write delay, so that a
        // kill can find some steps on disk and others not: with a handful of rows every kill was all-or-nothing.
        execute(file, "INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'hash-a')",
                "INSERT INTO users (email, name, password_hash) VALUES ('bob@example.com', 'Bob', 'hash-b')",
                "INSERT INTO tasks (user_id, title, description) SELECT (SELECT id FROM users WHERE name = 'Ann'), "
                        + "'Task ' || X, REPEAT('notes ', 20) FROM SYSTEM_RANGE(1, " + TASKS + ")",
                "INSERT INTO tasks (user_id, title) SELECT id, 'Fix bike' FROM users WHERE name = 'Bob'");
        List<String> rows = rows(file);
        Map<Integer, String> expectedColumns = referenceColumns();

        // One command runs to its end first: how long its steps take is where the kills should land.
        Timing timing = run(file, new String[] {"downgrade", "2"}, -1, -1);
        check(file, "the first, unkilled, downgrade", rows, expectedColumns);
        long started = System.nanoTime();
        int killed = 0;
        int runs = 0;
        // Within the budget, or on past it until one kill has landed mid-way: on a loaded machine the budget ran
        // out after two commands that had both finished before their kill (0 of 2), which proves nothing.
        for (int run = 0; run < MAX_RUNS && (killed == 0 || run < RUNS && elapsedMillis(started) < BUDGET_MILLIS);
                run++) {
            runs++;
            int version = currentVersion(file);
            String[] command = nextCommand(version, random);
            boolean beforeFirstStep = random.nextInt(5) == 0; // then the kill lands in the copy taken before it
            long delay = beforeFirstStep ? Math.max(0, timing.toFirstStep() - random.nextInt(400))
                    : random.nextInt((int) Math.max(1, timing.stepsToEnd()));
            String what = "run " + run + " (seed " + seed + "): db " + String.join(" ", command) + " at " + version
                    + ", killed " + delay + " ms after " + (beforeFirstStep ? "its start" : "its first step");
            if (run(file, command, beforeFirstStep ? delay : -1, beforeFirstStep ? -1 : delay).killed()) {
                killed++;
            }
            check(file, what, rows, expectedColumns);
        }
        System.out.println("MigrationCrashTest: " + killed + " of " + runs + " commands killed mid-way in "
                + elapsedMillis(started) + " ms; steps took " + timing.stepsToEnd() + " ms");
        assertThat(killed).as("some commands were really killed").isPositive();
    }

    private void check(Path file, String what, List<String> rows, Map<Integer, String> expectedColumns) throws Exception {
        CliResult current = cli("current");
        assertThat(current.exitCode()).as("%s: db current; stderr %s", what, current.err()).isZero();
        int after = Integer.parseInt(current.out().strip().split(" ")[0]);
        assertThat(after).as(what).isIn(2, 3, 5, 7, 8, 9, 10, 11, 12);
        assertThat(tables(file)).as("%s: no leftovers", what).noneMatch(name -> name.contains("_COPY_"));
        assertThat(columns(file)).as("%s: the schema of version %d", what, after).isEqualTo(expectedColumns.get(after));
        assertThat(rows(file)).as("%s: every account and task", what).isEqualTo(rows);
    }

    private record Timing(boolean killed, long toFirstStep, long stepsToEnd) {
    }

    /** Back and forth between head (12), 11, 10, 9, 8, 7, 5, 3 and 2: each keeps the users and tasks tables, so no row may go. */
    private static String[] nextCommand(int version, Random random) {
        return switch (version) {
            case 12 -> random.nextBoolean() ? new String[] {"downgrade", "2"} : new String[] {"downgrade", "-1"};
            case 11, 10 -> random.nextBoolean() ? new String[] {"upgrade", "head"} : new String[] {"downgrade", "-1"};
            case 9, 8, 7 -> random.nextBoolean() ? new String[] {"upgrade", "head"} : new String[] {"downgrade", "-1"};
            case 5 -> random.nextBoolean() ? new String[] {"upgrade", "head"} : new String[] {"downgrade", "-1"};
            case 3 -> random.nextBoolean() ? new String[] {"upgrade", "head"} : new String[] {"downgrade", "2"};
            default -> random.nextBoolean() ? new String[] {"upgrade", "head"} : new String[] {"upgrade", "+1"};
        };
    }

    /**
     * Runs {@code taskdesk db COMMAND} in a child JVM and kills it (SIGKILL) {@code afterStart} ms after its start
     * or {@code afterFirstStep} ms after it printed its first step; with both -1, lets it finish.
     */
    private Timing run(Path file, String[] command, long afterStart, long afterFirstStep) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtaskdesk.log.dir=" + folder.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "org.taskdesk.app.Main",
                "--database-url", file.toString(), "db"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        long start = System.nanoTime();
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            if (afterStart >= 0) {
                Thread.sleep(afterStart);
                return kill(child, 0, 0);
            }
            String first = out.readLine(); // "Running downgrade 5 -> 3, …", printed as the step starts
            long firstStep = elapsedMillis(start);
            if (afterFirstStep >= 0 && first != null) {
                Thread.sleep(afterFirstStep);
                return kill(child, firstStep, 0);
            }
            String rest;
            while ((rest = out.readLine()) != null) {
                assertThat(rest).startsWith("Running ");
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("exit of db %s", String.join(" ", command)).isZero();
            return new Timing(false, firstStep, elapsedMillis(start) - firstStep);
        }
    }

    private static Timing kill(Process child, long firstStep, long steps) throws InterruptedException {
        boolean running = child.isAlive();
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Timing(running, firstStep, steps);
    }

    private CliResult cli(String... args) {
        Path file = folder.resolve("crash").resolve("tasks.mv.db");
        List<String> all = new ArrayList<>(List.of("--database-url", file.toString(), "db"));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder)).run(all.toArray(String[]::new));
    }

    private int currentVersion(Path file) {
        CliResult current = cli("current");
        assertThat(current.exitCode()).as(current.err()).isZero();
        return Integer.parseInt(current.out().strip().split(" ")[0]);
    }

    /** The tables and columns of versions 2, 3, 5, 7, 8, 9, 10, 11 and 12, from new files migrated straight there. */
    private Map<Integer, String> referenceColumns() throws Exception {
        Map<Integer, String> columns = new HashMap<>();
        for (int version : new int[] {2, 3, 5, 7, 8, 9, 10, 11, 12}) {
            Path reference = folder.resolve("reference-" + version).resolve("tasks.mv.db");
            CliResult upgrade = new TaskDeskCli(TestEnvironment.in(folder))
                    .run("--database-url", reference.toString(), "db", "upgrade", String.valueOf(version));
            assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
            columns.put(version, columns(reference));
        }
        return columns;
    }

    private DatabaseTarget target(Path file) {
        return new DatabaseUrl(folder, folder).parse(file.toString());
    }

    private void execute(Path file, String... statements) throws Exception {
        try (Connection connection = new DatabaseConnections(target(file)).open();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Every account, and the tasks as a count and checksums per person (thousands of rows, compared whole). */
    private List<String> rows(Path file) throws Exception {
        return query(file, "SELECT 'account ' || email || ' ' || name || ' ' || password_hash FROM users "
                + "UNION ALL SELECT 'tasks of ' || u.email || ': ' || COUNT(*) || ' ' || SUM(t.id) || ' '"
                + " || SUM(LENGTH(t.title) * t.id) || ' ' || SUM(COALESCE(LENGTH(t.description), 0))"
                + " FROM tasks t JOIN users u ON u.id = t.user_id GROUP BY u.email ORDER BY 1");
    }

    private List<String> tables(Path file) throws Exception {
        return query(file, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1");
    }

    /** Each table's columns with type and nullability: what a half-applied step changes. */
    private String columns(Path file) throws Exception {
        return String.join("\n", query(file, "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' '"
                + " || IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME <> 'flyway_schema_history' ORDER BY 1")).toLowerCase(Locale.ROOT);
    }

    private List<String> query(Path file, String sql) throws Exception {
        assertThat(Files.exists(file)).as("%s exists", file).isTrue();
        List<String> result = new ArrayList<>();
        try (Connection connection = new DatabaseConnections(target(file).ifExists()).open();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
