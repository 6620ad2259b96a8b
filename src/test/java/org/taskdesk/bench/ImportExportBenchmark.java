package org.taskdesk.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.transfer.ImportSummary;
import org.taskdesk.transfer.TransferFormat;
import org.taskdesk.workspace.Workspace;

/**
 * Export and import at scale (issue 12): {@code n} tasks written by plain JDBC in batches of 1,000 in one transaction
 * (the baseline: what the database itself costs), then exported and imported in each format, each import into an
 * account of its own in one transaction, as {@code tasks import} does. Prints each time and its ratio to the
 * baseline, measured in the same run on the same H2 file. Not a unit test: run it with {@code bench/import-export}.
 */
public final class ImportExportBenchmark {
    private ImportExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Files.createTempDirectory("import-export");
        String url = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        Clock clock = Clock.systemDefaultZone();
        try (Workspace workspace = TestWorkspaces.open(url, folder, clock)) {
            UserSession owner = account(workspace, "owner");
            DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
            double jdbc = seconds(() -> insertWithJdbc(connections, owner.userId(), count));
            int stored = workspace.tasks().list(owner, TaskQuery.of("")).total();
            System.out.printf(Locale.ROOT, "%,d tasks on H2 (%s); plain JDBC batch insert: %.2f s (%,.0f rows/s), "
                    + "the baseline%n", stored, System.getProperty("java.version"), jdbc, count / jdbc);
            for (TransferFormat format : new TransferFormat[] {TransferFormat.CSV, TransferFormat.JSON, TransferFormat.ICS}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                double export = seconds(() -> workspace.transfer().export(owner, "", format, out));
                String text = out.toString(StandardCharsets.UTF_8);
                UserSession into = account(workspace, format.name().toLowerCase(Locale.ROOT));
                ImportSummary[] summary = new ImportSummary[1];
                double importing = seconds(() -> summary[0] = workspace.transfer().importText(into, text, format, false));
                System.out.printf(Locale.ROOT, "%-5s %6.1f MB   export %6.2f s (x%5.2f of JDBC)   import %6.2f s "
                        + "(x%5.2f of JDBC, %,.0f tasks/s; %,d added)%n", format, out.size() / 1e6, export,
                        export / jdbc, importing, importing / jdbc, count / importing, summary[0].added());
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static UserSession account(Workspace workspace, String name) {
        workspace.accounts().signUp(name + "@example.com", name, "bench password");
        return workspace.accounts().signIn(name + "@example.com", "bench password", false);
    }

    /** The same rows an import writes: title, description, priority, tags, a due date and time, a repeat. */
    private static void insertWithJdbc(DatabaseConnections connections, int owner, int count) {
        LocalDateTime now = LocalDateTime.now();
        try (Connection connection = connections.open(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tasks (user_id, title, description, completed, created_at, updated_at, priority, tags,"
                        + " due_date, recurrence_pattern, due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                LocalDateTime created = now.minusMinutes(i);
                insert.setInt(1, owner);
                insert.setString(2, "Task number " + i);
                insert.setString(3, i % 3 == 0 ? "Notes, with \"quotes\"; and a comma" : null);
                insert.setBoolean(4, i % 5 == 0);
                insert.setTimestamp(5, Timestamp.valueOf(created));
                insert.setTimestamp(6, Timestamp.valueOf(created));
                insert.setString(7, i % 4 == 0 ? null : new String[] {"low", "medium", "high"}[i % 3]);
                insert.setString(8, i % 2 == 0 ? "bench,home" : null);
                insert.setTimestamp(9, i % 3 == 2 ? null : Timestamp.valueOf(created.plusDays(i % 30)));
                insert.setString(10, i % 7 == 0 ? "FREQ=WEEKLY" : null);
                insert.setBoolean(11, i % 3 == 1);
                insert.setTimestamp(12, i % 5 == 0 ? Timestamp.valueOf(created.plusHours(1)) : null);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
