package org.taskdesk.bench;

import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.taskdesk.accounts.LocalAccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.persistence.accounts.AccountStorage;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.mapping.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;
import org.taskdesk.tasks.TaskService;

/**
 * What durable commits cost (ADR 0009): tasks added per second, one transaction per task as {@code tasks add} and
 * the app's quick add do, on a local H2 file, in three ways measured side by side in the same run:
 * <ul>
 *   <li>before: H2's default delayed writes (WRITE_DELAY 500 ms), what TaskDesk did until ADR 0009: the baseline;</li>
 *   <li>written: WRITE_DELAY=0 without forcing the file (survives a killed program, not a power cut);</li>
 *   <li>durable: WRITE_DELAY=0 and CHECKPOINT SYNC after each commit, what TaskDesk does now.</li>
 * </ul>
 * Rounds alternate the three on fresh files; prints medians and each one's ratio to the baseline. Not a unit test:
 * run it with {@code bench/durable-writes [tasks] [rounds]}.
 */
public final class DurableWritesBenchmark {
    private enum Mode { BEFORE, WRITTEN, DURABLE }

    private DurableWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("durable-writes");
        System.out.printf(Locale.ROOT, "Adding %d tasks, one transaction each, %d rounds, in %s%n", tasks, rounds,
                folder);
        measure(Mode.DURABLE, folder.resolve("warm-up.mv.db"), Math.min(tasks, 100)); // JIT and Hibernate warm-up
        List<List<double[]>> results = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            results.add(new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            for (Mode mode : Mode.values()) {
                results.get(mode.ordinal()).add(measure(mode, folder.resolve(mode + "-" + round + ".mv.db"), tasks));
            }
        }
        double baseline = median(results.get(Mode.BEFORE.ordinal()), 0);
        for (Mode mode : Mode.values()) {
            List<double[]> runs = results.get(mode.ordinal());
            double perSecond = median(runs, 0);
            System.out.printf(Locale.ROOT, "%-8s %8.0f tasks/s   per task: median %6.2f ms, p95 %6.2f ms   "
                    + "x%.2f of the baseline's rate%n", mode.name().toLowerCase(Locale.ROOT), perSecond,
                    median(runs, 1), median(runs, 2), perSecond / baseline);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Adds {@code count} tasks to a fresh database; returns tasks per second, median and p95 milliseconds. */
    private static double[] measure(Mode mode, Path file, int count) {
        DatabaseTarget plain = DatabaseUrl.localFile(file);
        DatabaseConnections connections = switch (mode) {
            case BEFORE -> DatabaseConnections.withDelayedWrites(plain);
            case WRITTEN -> DatabaseConnections.withDelayedWrites(new DatabaseTarget(DatabaseKind.H2,
                    plain.jdbcUrl() + ";WRITE_DELAY=0", plain.user(), plain.password(), plain.displayName(),
                    Optional.of(file)));
            case DURABLE -> new DatabaseConnections(plain);
        };
        Clock clock = Clock.systemUTC();
        new MigrationService(DatabaseSchemas.of(connections, clock)).upgradeToHead(step -> { });
        // Held open as the app holds it: H2 closes a database with its last connection.
        try (Connection keepOpen = connections.open();
             Transactions transactions = new Transactions(HibernateSetup.validated(connections), plain)) {
            LocalAccountService accounts = new LocalAccountService(AccountStorage.local(transactions), new Passwords(4),
                    clock);
            accounts.signUp("bench@example.com", "Bench", "bench password");
            UserSession user = accounts.signIn("bench@example.com", "bench password", false);
            TaskService service = new TaskService(new HibernateTaskStorage(transactions, clock.getZone()), clock);
            double[] millis = new double[count];
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long before = System.nanoTime();
                service.add(user, quickAdd("Task number " + i + " #bench !high", clock));
                millis[i] = (System.nanoTime() - before) / 1e6;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(millis);
            return new double[] {count / seconds, millis[count / 2], millis[(int) Math.ceil(count * 0.95) - 1]};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
