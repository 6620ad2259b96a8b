package org.taskdesk.persistence.server;

import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.hash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PulledRows;
import org.taskdesk.sync.PushAnswer;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.workspace.Workspace;

/**
 * Sync at scale (issue 10), on the tests' PostgreSQL (embedded, or {@code TASKDESK_TEST_DATABASE_URL}) set up as a
 * shared server, with devices on H2 files opened as the command line opens them (durable commits), through the real
 * {@link SyncService} and {@link PostgresSyncServer}:
 * <ol>
 *   <li>the first push of {@code n} tasks (a device's first round after linking) and the first pull of the same
 *   {@code n} into an empty replica (a second device's first round), beside PostgreSQL's own COPY of the same rows
 *   into a plain table and out of it, in rows per second and as a ratio;</li>
 *   <li>one changed task when {@code n} are in sync, one round in milliseconds, beside the same with 1,000 in sync;</li>
 *   <li>50 devices of 10 people syncing at once (edit one task, one round, again) for 20 s: rounds per second and
 *   the 95th percentile of a round.</li>
 * </ol>
 * Each round connects anew, as {@code taskdesk sync} does. Not a unit test: {@code bench/sync/speed [tasks]
 * [--no-concurrent] [--profile]}; {@code --profile} prints, after each step of (a), where the server's
 * time went (pg_stat_user_functions; and pg_stat_statements where the cluster preloads it).
 */
public final class SyncBenchmark {
    private static final int SMALL = 1_000;
    private static final int CLIENTS = 50;
    private static final int PEOPLE = 10;
    private static final int CONCURRENT_SECONDS = 20;
    private static final int ONE_CHANGE_ROUNDS = 15;

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private final Path folder;
    private final String template;
    private String ownerUrl;
    private boolean profile;
    private DatabaseConnections clientConnections;
    private int people;

    private SyncBenchmark(Path folder) {
        this.folder = folder;
        this.template = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        TestWorkspaces.openForCommand(template, folder, Clock.systemUTC()).close();
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        System.out.printf(Locale.ROOT, "Sync benchmark: %,d tasks; Java %s, %d processors, load average %.1f%n", count,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path folder = Files.createTempDirectory("sync-bench");
        SyncBenchmark bench = new SyncBenchmark(folder);
        bench.profile = List.of(args).contains("--profile");
        try {
            bench.start();
            bench.firstPushAndPull(Math.max(1, count / 20), true);
            bench.firstPushAndPull(count, false);
            if (!List.of(args).contains("--no-concurrent")) {
                bench.concurrent();
            }
        } finally {
            if (bench.profile) {
                // Kept for EXPLAIN ANALYZE of the functions' statements by hand; the tests' server goes with the JVM.
                System.out.println("Kept for profiling: " + bench.ownerUrl.replaceFirst("//[^@]+@", "//"));
            } else {
                bench.server.close();
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private void start() throws SQLException {
        ownerUrl = server.newDatabase();
        String clientUrl = ownerUrl.replaceFirst("//[^@]+@", "//" + server.clientRole + ":"
                + URLEncoder.encode(SharedServer.CLIENT_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20") + "@");
        clientConnections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(clientUrl));
        System.out.println("PostgreSQL: " + clientConnections.target().displayName());
        if (profile) {
            try (Connection superuser = superuser(); Statement statement = superuser.createStatement()) {
                // Sessions opened from now on count each function's calls and time (pg_stat_user_functions).
                statement.execute("ALTER DATABASE " + ownerUrl.substring(ownerUrl.lastIndexOf('/') + 1)
                        + " SET track_functions = 'all'");
                try (ResultSet preloaded = statement.executeQuery("SHOW shared_preload_libraries")) {
                    preloaded.next();
                    if (preloaded.getString(1).contains("pg_stat_statements")) {
                        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    }
                }
            }
        }
    }

    /**
     * With {@code --profile}: where the server's time went since the last call, per function (total and self ms,
     * calls) and, where the cluster preloads pg_stat_statements with {@code pg_stat_statements.track = all}, per
     * statement inside them; then both are reset.
     */
    private void printProfile(String what) throws SQLException {
        if (!profile) {
            return;
        }
        try (Connection superuser = superuser(); Statement statement = superuser.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
            Thread.sleep(600);
            System.out.printf(Locale.ROOT, "%n  profile of %s: function, calls, total ms, self ms%n", what);
            try (ResultSet rows = statement.executeQuery("SELECT funcname, calls, total_time, self_time"
                    + " FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 15")) {
                while (rows.next()) {
                    System.out.printf(Locale.ROOT, "    %-40s %8d %10.1f %10.1f%n", rows.getString(1),
                            rows.getLong(2), rows.getDouble(3), rows.getDouble(4));
                }
            }
            boolean statements;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_extension"
                    + " WHERE extname = 'pg_stat_statements'")) {
                rows.next();
                statements = rows.getInt(1) > 0;
            }
            if (statements) {
                System.out.printf(Locale.ROOT, "  statements: calls, total ms, plan ms, text%n");
                try (ResultSet rows = statement.executeQuery("SELECT calls, total_exec_time, total_plan_time,"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " ORDER BY total_exec_time DESC LIMIT 25")) {
                    while (rows.next()) {
                        System.out.printf(Locale.ROOT, "    %7d %9.1f %7.1f  %s%n", rows.getLong(1),
                                rows.getDouble(2), rows.getDouble(3), rows.getString(4));
                    }
                }
                statement.execute("SELECT pg_stat_statements_reset()");
            }
            statement.execute("SELECT pg_stat_reset()");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** (a) and (b); a warm-up run (smaller, not printed) first, so that the JIT's start is not charged to it. */
    private void firstPushAndPull(int count, boolean warmUp) throws SQLException {
        String email = newPerson();
        Device laptop = new Device(email);
        laptop.insertTasks(count);
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        laptop.link();
        double linkSeconds = seconds(t0);
        double linkCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (!warmUp) {
            printProfile("linking (nothing of the server's but signing in)");
        }
        Measured push = laptop.round();
        if (!warmUp) {
            printProfile("the first push round");
        }
        Copy copy = copy(email);
        Device desktop = new Device(email);
        desktop.link();
        if (!warmUp) {
            printProfile("COPY, and the second device signing in");
        }
        Measured pull = desktop.round();
        if (!warmUp) {
            printProfile("the first pull round");
        }
        if (!warmUp) {
            System.out.printf(Locale.ROOT, "%n(a) First sync of %,d tasks (rows/s; x = this / COPY's rate)%n", count);
            System.out.printf(Locale.ROOT, "  COPY into a plain table              %7.2f s  %,9.0f rows/s%n",
                    copy.inSeconds, count / copy.inSeconds);
            System.out.printf(Locale.ROOT, "  COPY out of it                       %7.2f s  %,9.0f rows/s%n",
                    copy.outSeconds, count / copy.outSeconds);
            System.out.printf(Locale.ROOT, "  link (every task into the outbox)    %7.2f s  %,9.0f rows/s"
                    + "            (device CPU %.2f s)%n", linkSeconds, count / linkSeconds, linkCpu);
            System.out.printf(Locale.ROOT, "  first push, whole round              %7.2f s  %,9.0f rows/s  x %.3f"
                    + "   (server push %.2f s, pull back %.2f s, device %.2f s; device CPU %.2f s)%n", push.seconds,
                    count / push.seconds, copy.inSeconds / push.seconds, push.pushSeconds, push.pullSeconds,
                    push.localSeconds(), push.cpuSeconds);
            System.out.printf(Locale.ROOT, "    its push alone (server's part)     %7.2f s  %,9.0f rows/s  x %.3f%n",
                    push.pushSeconds, count / push.pushSeconds, copy.inSeconds / push.pushSeconds);
            System.out.printf(Locale.ROOT, "  first pull into an empty replica     %7.2f s  %,9.0f rows/s  x %.3f"
                    + "   (server pull %.2f s, device merge %.2f s; device CPU %.2f s)%n", pull.seconds,
                    count / pull.seconds, copy.outSeconds / pull.seconds, pull.pullSeconds, pull.localSeconds(),
                    pull.cpuSeconds);
            System.out.printf(Locale.ROOT, "    its pull alone (server's part)     %7.2f s  %,9.0f rows/s  x %.3f%n",
                    pull.pullSeconds, count / pull.pullSeconds, copy.outSeconds / pull.pullSeconds);
            pageSizes(desktop, count, copy);
            oneChange(laptop, desktop, count);
        }
        laptop.close();
        desktop.close();
    }

    /**
     * The server's part of a first pull as rows (V18, ADR 0038) by page size: the whole account pulled page by page
     * (the call and reading its rows into memory, nothing written), each size three times in turn.
     */
    private void pageSizes(Device device, int count, Copy copy) {
        int[] sizes = {500, 1_000, 2_000, 5_000, 10_000};
        double[] best = new double[sizes.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        String token = device.tokens.values().iterator().next();
        for (int run = 0; run < 3; run++) {
            for (int i = 0; i < sizes.length; i++) {
                try (SyncServer server = device.connect("bench server", token)) {
                    UUID client = UUID.randomUUID();
                    long t0 = System.nanoTime();
                    long after = 0;
                    while (true) {
                        PulledRows page = server.pullRows(client, after, sizes[i]).orElseThrow();
                        after = page.version();
                        if (!page.more()) {
                            break;
                        }
                    }
                    best[i] = Math.min(best[i], seconds(t0));
                }
            }
        }
        System.out.printf(Locale.ROOT, "  first pull as rows, server's part by page size (best of 3)%n");
        for (int i = 0; i < sizes.length; i++) {
            System.out.printf(Locale.ROOT, "    %,6d a page                      %7.2f s  %,9.0f rows/s  x %.3f%n", sizes[i],
                    best[i], count / best[i], copy.outSeconds / best[i]);
        }
    }

    /** (b): rounds of one edit on the laptop then a round on the desktop; the same with {@link #SMALL} tasks. */
    private void oneChange(Device laptop, Device desktop, int count) throws SQLException {
        String email = newPerson();
        Device smallLaptop = new Device(email);
        smallLaptop.insertTasks(SMALL);
        smallLaptop.link();
        smallLaptop.round();
        Device smallDesktop = new Device(email);
        smallDesktop.link();
        smallDesktop.round();
        List<Double> big = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        for (int i = 0; i < ONE_CHANGE_ROUNDS; i++) {
            // In turn, so that both see the same machine.
            big.add(oneChangeRound(laptop, desktop, i));
            small.add(oneChangeRound(smallLaptop, smallDesktop, i));
        }
        double bigMedian = median(big);
        double smallMedian = median(small);
        System.out.printf(Locale.ROOT, "%n(b) One task changed on one device, then a round on each (median of %d; ms)%n",
                ONE_CHANGE_ROUNDS);
        System.out.printf(Locale.ROOT, "  %,7d tasks in sync   %7.1f ms%n", count, bigMedian);
        System.out.printf(Locale.ROOT, "  %,7d tasks in sync   %7.1f ms%n", SMALL, smallMedian);
        System.out.printf(Locale.ROOT, "  ratio %,d / %,d        x %.2f%n", count, SMALL, bigMedian / smallMedian);
        smallLaptop.close();
        smallDesktop.close();
    }

    /** Milliseconds of the pushing round plus the pulling round, for one edited task. */
    private static double oneChangeRound(Device from, Device to, int i) throws SQLException {
        from.editOne("Edited " + i);
        Measured pushed = from.round();
        Measured pulled = to.round();
        if (pushed.round.pushed() != 1 || pulled.round.pulled() < 1) {
            throw new IllegalStateException("expected one change pushed and pulled, got " + pushed.round + " and "
                    + pulled.round);
        }
        return (pushed.seconds + pulled.seconds) * 1000 / 2;
    }

    /** (c): {@link #CLIENTS} devices of {@link #PEOPLE} people, each editing one task and syncing, all at once. */
    private void concurrent() throws Exception {
        List<Device> devices = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            String email = newPerson();
            for (int d = 0; d < CLIENTS / PEOPLE; d++) {
                Device device = new Device(email);
                if (d == 0) {
                    device.insertTasks(20);
                }
                device.link();
                device.round();
                devices.add(device);
            }
        }
        for (Device device : devices) {
            device.round();
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        long end = System.nanoTime() + CONCURRENT_SECONDS * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (Device device : devices) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    int i = 0;
                    while (System.nanoTime() < end) {
                        try {
                            device.editOne("Concurrent " + i++);
                            long t0 = System.nanoTime();
                            device.service().sync(device.user);
                            latencies.add(seconds(t0) * 1000);
                        } catch (RuntimeException | SQLException e) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = seconds(t0);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%n(c) %d devices of %d people, each: edit one task, one round; %d s at once%n",
                CLIENTS, PEOPLE, CONCURRENT_SECONDS);
        System.out.printf(Locale.ROOT, "  %,d rounds in %.1f s: %.1f rounds/s; round median %.0f ms, p95 %.0f ms, max"
                + " %.0f ms; %d failed%n", sorted.size(), elapsed, sorted.size() / elapsed, percentile(sorted, 0.5),
                percentile(sorted, 0.95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), failures.get());
        devices.forEach(Device::close);
    }

    /** A new server account; its email. */
    private String newPerson() throws SQLException {
        String email = "bench" + people++ + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        try (Connection client = server.client(ownerUrl)) {
            accounts.signUp(client, email, "Bench", hash("server password"));
        }
        return email;
    }

    private record Copy(double inSeconds, double outSeconds) {
    }

    /**
     * PostgreSQL's own COPY of the rows the push left on the server: into a plain table (no index, trigger or
     * constraint) from the text of a first COPY out, then out of that table.
     */
    private Copy copy(String email) throws SQLException {
        try (Connection owner = TestPostgres.connect(ownerUrl); Statement statement = owner.createStatement()) {
            int user;
            try (ResultSet row = statement.executeQuery("SELECT id FROM users WHERE email = '" + email + "'")) {
                row.next();
                user = row.getInt(1);
            }
            String columns = "uid, user_id, title, description, completed, created_at, updated_at, priority, tags,"
                    + " due_date, recurrence_pattern, due_has_time, completed_at, version, field_clocks";
            statement.execute("DROP TABLE IF EXISTS bench_copy");
            statement.execute("CREATE TABLE bench_copy AS SELECT " + columns + " FROM tasks WITH NO DATA");
            // tasks forces row-level security on its owner too: the rows' text comes from the superuser.
            byte[] text;
            try (Connection superuser = superuser()) {
                text = copyOut(superuser, "COPY (SELECT " + columns + " FROM tasks WHERE user_id = " + user
                        + ") TO STDOUT");
            }
            long t0 = System.nanoTime();
            owner.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN",
                    new ByteArrayInputStream(text));
            double in = seconds(t0);
            t0 = System.nanoTime();
            copyOut(owner, "COPY bench_copy TO STDOUT");
            double out = seconds(t0);
            statement.execute("DROP TABLE bench_copy");
            return new Copy(in, out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection superuser() throws SQLException {
        TestPostgres.Server s = TestPostgres.server();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + s.host() + ":" + s.port() + "/"
                + ownerUrl.substring(ownerUrl.lastIndexOf('/') + 1), properties);
    }

    private static byte[] copyOut(Connection connection, String sql) throws SQLException, java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        return out.toByteArray();
    }

    /** A round and where its time went. */
    private record Measured(SyncRound round, double seconds, double pushSeconds, double pullSeconds, double cpuSeconds) {
        double localSeconds() {
            return seconds - pushSeconds - pullSeconds;
        }
    }

    /** One device: an H2 file (a copy of one migrated file), a local account linked to a server account. */
    private final class Device implements SyncServers, SyncTokens {
        final String email;
        final String url;
        final Workspace workspace;
        final UserSession user;
        final Map<String, String> tokens = new ConcurrentHashMap<>();
        final Clock clock = Clock.systemUTC();
        private long pushNanos;
        private long pullNanos;

        Device(String email) {
            this.email = email;
            try {
                Path file = folder.resolve("device-" + UUID.randomUUID()).resolve("tasks.mv.db");
                Files.createDirectories(file.getParent());
                Files.copy(Path.of(template), file);
                this.url = file.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            workspace = TestWorkspaces.openForCommand(url, folder, clock);
            workspace.accounts().signUp(email, "Bench", "local password");
            user = workspace.accounts().signIn(email, "local password", false);
        }

        SyncService service() {
            return new SyncService(workspace.replica(), this, this, clock);
        }

        void link() {
            service().link(user, "bench server", "server password");
        }

        Measured round() {
            pushNanos = 0;
            pullNanos = 0;
            long t0 = System.nanoTime();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SyncRound round = service().sync(user);
            return new Measured(round, seconds(t0), pushNanos / 1e9, pullNanos / 1e9,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9);
        }

        /** {@code count} tasks written as an import writes them, in batches of 1,000 in one transaction. */
        void insertTasks(int count) throws SQLException {
            LocalDateTime now = LocalDateTime.now().withNano(0);
            try (Connection connection = connections().open(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tasks (user_id, title, description, completed, created_at, updated_at, priority, tags,"
                            + " due_date, recurrence_pattern, due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?)")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < count; i++) {
                    LocalDateTime created = now.minusMinutes(i);
                    insert.setInt(1, user.account().id());
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
            }
        }

        /** Renames this device's first task, as an edit in the app does (journalled in its transaction). */
        void editOne(String title) throws SQLException {
            int id;
            try (Connection connection = connections().open(); PreparedStatement query = connection.prepareStatement(
                    "SELECT MIN(id) FROM tasks WHERE user_id = ?")) {
                query.setInt(1, user.account().id());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    id = row.getInt(1);
                }
            }
            workspace.tasks().update(user, id, task -> task.withTitle(title, Instant.now(clock)));
        }

        private DatabaseConnections connections() {
            return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        }

        void close() {
            workspace.close();
        }

        @Override
        public String signInOrSignUp(String serverUrl, String email, String name, String password) {
            try (Connection client = server.client(ownerUrl)) {
                // As a device signs in since V14 (ADR 30): the session and a login of its own.
                String token = accounts.signIn(client, email, password, DAY).orThrow();
                SharedServer.PersonLogin login = server.personLogin(ownerUrl, token);
                return new ServerCredential(token, login.login(), login.password()).stored();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void signOut(String serverUrl, String token) {
        }

        @Override
        public SyncServer connect(String serverUrl, String token) {
            ServerCredential credential = ServerCredential.read(token);
            SyncServer real = PostgresSyncServer.connect(credential.connections(clientConnections), credential.token());
            return new SyncServer() {
                @Override
                public PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
                    long t0 = System.nanoTime();
                    try {
                        return real.push(clientId, mutations);
                    } finally {
                        pushNanos += System.nanoTime() - t0;
                    }
                }

                @Override
                public PulledPage pull(UUID clientId, long after, int limit) {
                    long t0 = System.nanoTime();
                    try {
                        return real.pull(clientId, after, limit);
                    } finally {
                        pullNanos += System.nanoTime() - t0;
                    }
                }

                @Override
                public Optional<PulledRows> pullRows(UUID clientId, long after, int limit) {
                    long t0 = System.nanoTime();
                    try {
                        return real.pullRows(clientId, after, limit);
                    } finally {
                        pullNanos += System.nanoTime() - t0;
                    }
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        }

        @Override
        public Optional<String> load(String key) {
            return Optional.ofNullable(tokens.get(key));
        }

        @Override
        public void save(String key, String token) {
            tokens.put(key, token);
        }

        @Override
        public void forget(String key) {
            tokens.remove(key);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 0.5);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
