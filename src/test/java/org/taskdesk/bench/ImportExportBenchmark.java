package org.taskdesk.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.transfer.ImportSummary;
import org.taskdesk.transfer.TransferFormat;
import org.taskdesk.workspace.Workspace;

/**
 * Export and import at scale (issue 12). On an H2 file opened as TaskDesk opens it (durable commits, ADR 0009), and
 * on PostgreSQL when one can be reached (the tests' embedded one, or {@code TASKDESK_TEST_DATABASE_URL}):
 * <ul>
 *   <li>two baselines, what the database itself costs: {@code n} rows inserted by plain JDBC in batches of 1,000 in
 *   one transaction, and the same rows read back by plain JDBC and written as text through a BufferedWriter;</li>
 *   <li>then, on the command line's path (plain SQL on a local file, ADR 0017) and on the app's (Hibernate), each
 *   format exported, imported into an empty account in one transaction (as {@code tasks import} does), and imported
 *   again into that account (which must add nothing).</li>
 * </ul>
 * Prints each time with its ratio to the baseline of the same run (imports to the insert, exports to the read), the
 * process's CPU time, and the peak heap of each step. Not a unit test: run it with {@code bench/import-export}.
 */
public final class ImportExportBenchmark {
    private static final TransferFormat[] FORMATS = {TransferFormat.CSV, TransferFormat.JSON, TransferFormat.ICS};
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ImportExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        boolean withPostgres = !List.of(args).contains("--no-postgresql");
        boolean withH2 = !List.of(args).contains("--only-postgresql");
        System.out.printf(Locale.ROOT, "%,d tasks; Java %s, %d processors, load average %.1f%n", count,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (withH2) {
            run(DatabaseKind.H2, count);
        }
        if (withPostgres) {
            try {
                run(DatabaseKind.POSTGRESQL, count);
            } catch (RuntimeException e) {
                System.out.println("PostgreSQL: not measured, none could be reached (" + e.getMessage() + ")");
            }
        }
    }

    private static void run(DatabaseKind kind, int count) throws IOException {
        Path folder = Files.createTempDirectory("import-export");
        try {
            String url = TestWorkspaces.freshUrl(kind, folder);
            Clock clock = Clock.systemDefaultZone();
            UserSession owner;
            UserSession warmUp;
            try (Workspace workspace = TestWorkspaces.open(url, folder, clock)) {
                owner = account(workspace, "owner");
                warmUp = account(workspace, "warm-up");
            }
            DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
            System.out.printf(Locale.ROOT, "%n%s%n", kind == DatabaseKind.H2 ? "H2 file (durable commits, as TaskDesk "
                    + "opens it)" : "PostgreSQL (" + connections.target().displayName() + ")");
            // The same work once untimed first, so that the baselines are not charged the JIT's warm-up alone.
            insertWithJdbc(connections, warmUp, Math.max(1, count / 5));
            readWithJdbc(connections, warmUp);
            Step insert = Step.measure(() -> insertWithJdbc(connections, owner, count));
            System.out.printf(Locale.ROOT, "  baseline: plain JDBC batch insert, one transaction   %s   %,.0f rows/s%n",
                    insert, count / insert.seconds);
            Step[] read = new Step[1];
            int[] bytes = new int[1];
            read[0] = Step.measure(() -> bytes[0] = readWithJdbc(connections, owner));
            System.out.printf(Locale.ROOT, "  baseline: plain JDBC read + BufferedWriter            %s   %.1f MB%n",
                    read[0], bytes[0] / 1e6);
            System.out.printf(Locale.ROOT, "  %-13s %-5s %7s %-30s %-30s %-30s%n", "path", "", "MB",
                    "export (x JDBC read)", "import (x JDBC insert)", "again, adds nothing");
            // On a server, the command line uses Hibernate as the app does (ADR 0017): one path to measure there.
            if (kind == DatabaseKind.H2) {
                try (Workspace workspace = TestWorkspaces.openForCommand(url, folder, clock)) {
                    formats("command line", workspace, owner, insert, read[0]);
                }
            }
            try (Workspace workspace = TestWorkspaces.open(url, folder, clock)) {
                formats("app", workspace, owner, insert, read[0]);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void formats(String path, Workspace workspace, UserSession owner, Step insert, Step read) {
        for (TransferFormat format : FORMATS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Step export = Step.measure(() -> workspace.transfer().export(owner, "", format, out));
            String text = out.toString(StandardCharsets.UTF_8);
            UserSession into = account(workspace, path.replace(' ', '-') + "-" + format.name().toLowerCase(Locale.ROOT));
            ImportSummary[] first = new ImportSummary[1];
            Step importing = Step.measure(() -> first[0] = workspace.transfer().importText(into, text, format, false));
            ImportSummary[] second = new ImportSummary[1];
            Step again = Step.measure(() -> second[0] = workspace.transfer().importText(into, text, format, false));
            if (second[0].added() != 0 || first[0].added() == 0) {
                throw new IllegalStateException(format + ": " + first[0].describe() + " then " + second[0].describe());
            }
            System.out.printf(Locale.ROOT, "  %-13s %-5s %7.1f %-30s %-30s %-30s%n", path, format, out.size() / 1e6,
                    export.against(read), importing.against(insert), again.against(insert));
        }
    }

    private static UserSession account(Workspace workspace, String name) {
        workspace.accounts().signUp(name + "@example.com", name, "bench password");
        return workspace.accounts().signIn(name + "@example.com", "bench password", false);
    }

    /** The same rows an import writes: title, description, priority, tags, a due date and time, a repeat. */
    private static void insertWithJdbc(DatabaseConnections connections, UserSession user, int count) {
        int owner = user.userId();
        LocalDateTime now = LocalDateTime.now();
        try (Connection connection = connections.open(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tasks (user_id, title, description, completed, created_at, updated_at, priority, tags,"
                        + " due_date, recurrence_pattern, due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")) {
            connection.setAutoCommit(false);
            signIn(connection, user);
            // Bound as the repositories bind them (LocalDateTime, typed nulls): only the database's own work differs.
            for (int i = 0; i < count; i++) {
                LocalDateTime created = now.minusMinutes(i).withNano(0);
                insert.setInt(1, owner);
                insert.setString(2, "Task number " + i);
                Columns.text(insert, 3, i % 3 == 0 ? "Notes, with \"quotes\"; and a comma" : null);
                insert.setBoolean(4, i % 5 == 0);
                Columns.time(insert, 5, created);
                Columns.time(insert, 6, created);
                Columns.text(insert, 7, i % 4 == 0 ? null : new String[] {"low", "medium", "high"}[i % 3]);
                Columns.text(insert, 8, i % 2 == 0 ? "bench,home" : null);
                Columns.time(insert, 9, i % 3 == 2 ? null : created.plusDays(i % 30));
                Columns.text(insert, 10, i % 7 == 0 ? "FREQ=WEEKLY" : null);
                insert.setBoolean(11, i % 3 == 1);
                Columns.time(insert, 12, i % 5 == 0 ? created.plusHours(1) : null);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the owner's rows, read by plain JDBC and written as a line of text each; returns the bytes. */
    private static int readWithJdbc(DatabaseConnections connections, UserSession user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = connections.open(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, title, description, completed, created_at, updated_at, priority, tags, due_date,"
                        + " recurrence_pattern, due_has_time, completed_at FROM tasks WHERE user_id = ? ORDER BY id")) {
            connection.setAutoCommit(false);
            signIn(connection, user);
            select.setInt(1, user.userId());
            try (ResultSet rows = select.executeQuery();
                 Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                while (rows.next()) {
                    writer.write(Integer.toString(rows.getInt(1)));
                    for (int column = 2; column <= 12; column++) {
                        writer.write(',');
                        Object value = rows.getObject(column);
                        writer.write(value == null ? "" : value.toString());
                    }
                    writer.write('\n');
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** On PostgreSQL, row-level security lets a transaction see and write the rows of the session it names. */
    private static void signIn(Connection connection, UserSession user) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            try (PreparedStatement session = connection.prepareStatement(
                    "select set_config('app.session_token', ?, true)")) {
                session.setString(1, user.token());
                session.executeQuery().close();
            }
        }
    }

    /** One measured step: wall time, the process's CPU time (all threads), and the peak heap it used. */
    private record Step(double seconds, double cpuSeconds, long peakHeapBytes) {

        static Step measure(Runnable work) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu = CPU.getProcessCpuTime();
            long started = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (CPU.getProcessCpuTime() - cpu) / 1e9;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            return new Step(seconds, cpuSeconds, peak);
        }

        /** "12.34 s x 1.23 (cpu 15.2 s, 310 MB)". */
        String against(Step baseline) {
            return String.format(Locale.ROOT, "%6.2f s x%5.2f (cpu %5.1f s, %4d MB)", seconds,
                    seconds / baseline.seconds, cpuSeconds, peakHeapBytes >> 20);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6.2f s (cpu %5.1f s, peak heap %4d MB)", seconds, cpuSeconds,
                    peakHeapBytes >> 20);
        }
    }

}
