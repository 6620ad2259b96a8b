package org.taskdesk.persistence.server;

import static org.taskdesk.persistence.server.SoakTally.Outcome.BREACH;
import static org.taskdesk.persistence.server.SoakTally.Outcome.HARMLESS;
import static org.taskdesk.persistence.server.SoakTally.Outcome.REFUSED;
import static org.taskdesk.persistence.server.SoakTally.Outcome.STOPPED;
import static org.taskdesk.persistence.server.SoakTally.Outcome.UNEXPECTED;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.testing.TestPostgres;

/**
 * One hostile member of the soak ({@link SharedServerSoakTest}): holds the shared client login (its password is
 * public) and an account of their own, and runs every attack there is on loopback, each on a connection of its own
 * and again and again until the deadline, counting what became of each attempt in the {@link SoakTally}. The
 * attacks of {@link SharedServerAttackTest} and {@link SharedServerDenialAttackTest}, as a loop.
 */
final class SoakAttacker {
    static final String LOCK_TABLE = "LOCK TABLE … ACCESS EXCLUSIVE, transaction left open";
    static final String HELD_SIGN_IN = "BEGIN; taskdesk_sign_in(<honest email>) left open";
    static final String WRONG_PASSWORD = "wrong-password guesses at honest accounts";
    static final String COSTLY_SIGN_UP = "sign-up with a cost-31 (or 15, 5) hash";
    static final String LONG_SYNC_QUERY = "sync functions a billion times, statement_timeout 0";
    static final String SLEEP_IN_TRANSACTION = "pg_sleep loop, idle in transaction, timeouts off";
    static final String SLEEP_LONG = "pg_sleep(600) under the login's own timeout";
    static final String EXPLAIN = "EXPLAIN on every table";
    static final String SEQUENCES = "nextval / last_value / setval of tasks_id_seq";
    static final String PG_SEQUENCES = "pg_sequences.last_value";
    static final String LARGE_OBJECTS = "large objects (lo_create)";
    static final String DIRECT_WRITES = "INSERT probe, internal sync functions";
    static final String FORGED_TOKEN = "push / pull with a forged session token";
    static final String OTHERS_PUSH = "push under others' client ids, task uids, mutation ids";
    static final String OTHERS_PULL = "pull with others' client ids and cursors";
    static final String BAD_CURSOR = "pull with a cursor or limit out of range";
    // On once per-person logins (ADR 0030) land: until then they hurt every device on the shared login.
    static final String ALTER_ROLE = "ALTER ROLE <shared login> read-only / new password";
    static final String FILL_CONNECTIONS = "every connection the shared login allows, held";
    static final String END_OTHERS = "pg_terminate_backend of the shared login's others";

    static final List<String> ALWAYS = List.of(LOCK_TABLE, HELD_SIGN_IN, WRONG_PASSWORD, COSTLY_SIGN_UP,
            LONG_SYNC_QUERY, SLEEP_IN_TRANSACTION, SLEEP_LONG, EXPLAIN, SEQUENCES, PG_SEQUENCES, LARGE_OBJECTS,
            DIRECT_WRITES, FORGED_TOKEN, OTHERS_PUSH, OTHERS_PULL, BAD_CURSOR);
    static final List<String> PER_PERSON_LOGINS = List.of(ALTER_ROLE, FILL_CONNECTIONS, END_OTHERS);

    private static final String SABOTAGED_PASSWORD = "mine now";
    private static final String NO_RIGHT = "42501";
    private static final String QUERY_CANCELED = "57014";
    private static final String INVALID_PARAMETER = "22023";
    private static final String NOT_SIGNED_IN = "TD004";
    private static final List<String> TABLES = List.of("tasks", "task_completions", "saved_searches",
            "task_tombstones", "sync_clients", "users", "sessions", "sign_in_checks");
    private static final String BILLION_ROWS =
            " FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c";

    /** What the soak tells every attacker. */
    record Target(String database, String clientRole, String clientPassword, List<String> guessedEmails,
                  List<String> heldEmails, boolean largeObjectsRevoked, boolean perPersonLoginAttacks) {
    }

    private final String name;
    private final String email;
    private final Target target;
    private final SoakIntel intel;
    private final SoakTally tally;
    private final PostgresAccounts accounts = new PostgresAccounts();
    private final String saltAndDigest = SharedServer.hash("whatever").substring(7);
    private String token;
    /** The login sign-in handed the member's session (ADR 30): the sync functions answer only on it. */
    private String ownLogin;
    private String ownPassword;
    private volatile long deadline;

    SoakAttacker(String name, Target target, SoakIntel intel, SoakTally tally) {
        this.name = name;
        this.email = name + "@example.com";
        this.target = target;
        this.intel = intel;
        this.tally = tally;
    }

    /** The member's own account and a session, made before the soak starts. */
    void signUp() throws SQLException {
        try (Connection connection = connect()) {
            accounts.signUp(connection, email, name, SharedServer.hash(name + "'s password"));
            token = accounts.signIn(connection, email, name + "'s password", SharedServer.DAY).orThrow();
            accounts.useSession(connection, token);
            ownPassword = ServerCredential.newPassword();
            ownLogin = accounts.openLogin(connection, ownPassword).orElseThrow();
        }
    }

    /** One thread per attack, each in a loop until {@code deadlineNanos}; not started. */
    List<Thread> lanes(long deadlineNanos) {
        deadline = deadlineNanos;
        List<Thread> lanes = new ArrayList<>();
        lanes.add(lane(LOCK_TABLE, this::lockTables));
        lanes.add(lane(HELD_SIGN_IN, this::heldSignIn));
        lanes.add(lane(WRONG_PASSWORD, this::wrongPassword));
        lanes.add(lane(COSTLY_SIGN_UP, this::costlySignUp));
        lanes.add(ownLoginLane(LONG_SYNC_QUERY, this::longSyncQuery));
        // On the member's own login: the other member ends the shared login's sessions every second, and a sleep of
        // several seconds there would never end on its own.
        lanes.add(ownLoginLane(SLEEP_IN_TRANSACTION, this::sleeps));
        lanes.add(lane(EXPLAIN, this::probes));
        lanes.add(ownLoginLane(FORGED_TOKEN, this::forgedToken));
        lanes.add(ownLoginLane(OTHERS_PUSH, this::othersIds));
        if (target.perPersonLoginAttacks()) {
            lanes.add(lane(ALTER_ROLE, this::alterRole));
            lanes.add(lane(FILL_CONNECTIONS, this::fillConnections));
            lanes.add(lane(END_OTHERS, this::endOthers));
        }
        return lanes;
    }

    @FunctionalInterface
    private interface Attempt {
        void run(Connection connection, Random random) throws SQLException, InterruptedException;
    }

    @FunctionalInterface
    private interface Connector {
        Connection connect() throws SQLException;
    }

    /** An attack on the shared login. */
    private Thread lane(String attack, Attempt attempt) {
        return lane(attack, attempt, this::connect);
    }

    /** An attack on the sync functions, which answer only on the member's own login (ADR 30). */
    private Thread ownLoginLane(String attack, Attempt attempt) {
        return lane(attack, attempt, () -> SharedServer.login("/" + target.database(), ownLogin, ownPassword));
    }

    private Thread lane(String attack, Attempt attempt, Connector connector) {
        Thread thread = new Thread(() -> {
            Random random = new Random();
            Connection connection = null;
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    if (connection == null) {
                        connection = connector.connect();
                    }
                    attempt.run(connection, random);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (SQLException | RuntimeException e) {
                    close(connection);
                    connection = null;
                    if (!(target.perPersonLoginAttacks() && cut(e))) {
                        // With the login attacks on, the other member ends this connection or changes the password.
                        tally.count(attack, UNEXPECTED, name + ": " + describe(e));
                    }
                    pause(200);
                }
            }
            close(connection);
        }, "soak " + name + ": " + attack);
        thread.setDaemon(true);
        return thread;
    }

    // ---- The attacks: one attempt each, counted.

    private void lockTables(Connection connection, Random random) throws SQLException, InterruptedException {
        connection.setAutoCommit(false);
        try {
            for (String table : TABLES) {
                refused(connection, LOCK_TABLE, NO_RIGHT, "LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE");
            }
            Thread.sleep(1000); // the transaction stays open, idle
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private void heldSignIn(Connection connection, Random random) throws SQLException, InterruptedException {
        String honest = target.heldEmails().get(random.nextInt(target.heldEmails().size()));
        execute(connection, "SET idle_in_transaction_session_timeout = 0");
        connection.setAutoCommit(false);
        try (PreparedStatement attempt = connection.prepareStatement("SELECT public.taskdesk_sign_in(?, ?, 3600)")) {
            attempt.setString(1, honest);
            attempt.setString(2, "a guess");
            attempt.executeQuery().close();
            // Harmless if that person's devices sign in meanwhile: the soak's honest rounds say so.
            tally.count(HELD_SIGN_IN, HARMLESS);
            Thread.sleep(2000);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private void wrongPassword(Connection connection, Random random) {
        List<String> emails = new ArrayList<>(target.guessedEmails());
        emails.add("nobody@example.com");
        String victim = emails.get(random.nextInt(emails.size()));
        ServerSignInResult result = accounts.signIn(connection, victim, "guess " + random.nextInt(), SharedServer.DAY);
        if (result.signedIn()) {
            tally.count(WRONG_PASSWORD, BREACH, "a wrong password signed in as " + victim);
        } else {
            tally.count(WRONG_PASSWORD, REFUSED);
        }
    }

    private void costlySignUp(Connection connection, Random random) {
        String cost = List.of("31", "15", "05").get(random.nextInt(3));
        try {
            accounts.signUp(connection, "costly-" + UUID.randomUUID() + "@example.com", name,
                    "$2a$" + cost + "$" + saltAndDigest);
            tally.count(COSTLY_SIGN_UP, BREACH, "a hash of cost " + cost + " was stored");
        } catch (TaskDeskException refused) {
            if (cut(refused)) {
                throw refused;
            } else if (refused.getMessage().startsWith("Password hash must have a bcrypt cost of")) {
                tally.count(COSTLY_SIGN_UP, REFUSED);
            } else {
                tally.count(COSTLY_SIGN_UP, UNEXPECTED, refused.getMessage());
            }
        }
    }

    private void longSyncQuery(Connection connection, Random random) throws SQLException {
        signedIn(connection, token);
        execute(connection, "SET statement_timeout = 0");
        UUID client = intel.clientId(random).orElseGet(UUID::randomUUID);
        String call = switch (random.nextInt(3)) {
            case 0 -> "public.taskdesk_sync_pull(?::uuid, 0, 1)";
            case 1 -> "public.taskdesk_sync_push(?::uuid, '[]'::jsonb)";
            default -> "public.taskdesk_current_user_id() + 0 * length(?)";
        };
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(" + call + ")" + BILLION_ROWS)) {
            statement.setString(1, client.toString());
            outcome(LONG_SYNC_QUERY, QUERY_CANCELED, STOPPED, statement::execute);
        }
    }

    private void sleeps(Connection connection, Random random) throws SQLException, InterruptedException {
        // A member switches their own timeouts off (any role may) and sleeps in a transaction, idle in between.
        execute(connection, "SET idle_in_transaction_session_timeout = 0");
        execute(connection, "SET statement_timeout = 0");
        connection.setAutoCommit(false);
        try {
            for (int i = 0; i < 4; i++) {
                execute(connection, "SELECT pg_catalog.pg_sleep(0.3)");
                Thread.sleep(300);
            }
            tally.count(SLEEP_IN_TRANSACTION, HARMLESS);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        // Under the login's own timeout (server setup's longest statement), a long sleep is stopped.
        execute(connection, "RESET statement_timeout");
        outcome(SLEEP_LONG, QUERY_CANCELED, STOPPED, () -> execute(connection, "SELECT pg_catalog.pg_sleep(600)"));
    }

    private void probes(Connection connection, Random random) throws SQLException {
        for (String table : TABLES) {
            refused(connection, EXPLAIN, NO_RIGHT, "EXPLAIN SELECT * FROM public." + table);
        }
        refused(connection, SEQUENCES, NO_RIGHT, "SELECT nextval('public.tasks_id_seq')");
        refused(connection, SEQUENCES, NO_RIGHT, "SELECT last_value FROM public.tasks_id_seq");
        refused(connection, SEQUENCES, NO_RIGHT, "SELECT pg_catalog.setval('public.tasks_id_seq', 1)");
        List<String> lastValues = SharedServer.column(connection, "SELECT last_value::text FROM pg_catalog.pg_sequences"
                + " WHERE schemaname = 'public'");
        if (lastValues.stream().allMatch(value -> value == null)) {
            tally.count(PG_SEQUENCES, HARMLESS);
        } else {
            tally.count(PG_SEQUENCES, BREACH, "last values shown: " + lastValues);
        }
        if (target.largeObjectsRevoked()) {
            refused(connection, LARGE_OBJECTS, NO_RIGHT, "SELECT pg_catalog.lo_create(0)");
        } else {
            // ADR 25: only a superuser can revoke lo_create; a server set up by its owner alone accepts this.
            SharedServer.column(connection, "SELECT pg_catalog.lo_unlink(pg_catalog.lo_create(0))");
            tally.count(LARGE_OBJECTS, HARMLESS);
        }
        refused(connection, DIRECT_WRITES, NO_RIGHT, "INSERT INTO public.tasks (id, user_id, title) VALUES ("
                + (1 + random.nextInt(1000)) + ", 1, 'probe')");
        refused(connection, DIRECT_WRITES, NO_RIGHT, "SELECT public.taskdesk_sync_purge(0)");
        refused(connection, DIRECT_WRITES, NO_RIGHT, "SELECT public.taskdesk_sync_apply(1, '{\"op\": \"delete\", "
                + "\"task\": \"" + intel.taskUid(random).orElseGet(UUID::randomUUID) + "\", \"c\": \"x\"}')");
    }

    private void forgedToken(Connection connection, Random random) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        signedIn(connection, HexFormat.of().formatHex(bytes));
        UUID client = intel.clientId(random).orElseGet(UUID::randomUUID);
        outcome(FORGED_TOKEN, NOT_SIGNED_IN, REFUSED, () -> SyncCalls.pull(connection, client, 0, 100));
        outcome(FORGED_TOKEN, NOT_SIGNED_IN, REFUSED, () -> SyncCalls.push(connection, client, SyncCalls.put(1,
                intel.taskUid(random).orElseGet(UUID::randomUUID), "title", "hostile: forged",
                SyncCalls.stamp(-1_000, 0, "h"))));
    }

    private void othersIds(Connection connection, Random random) throws SQLException {
        signedIn(connection, token);
        UUID client = intel.clientId(random).orElseGet(UUID::randomUUID);
        var put = SyncCalls.put(1 + random.nextInt(1_000_000), intel.taskUid(random).orElseGet(UUID::randomUUID),
                "title", "hostile: pwned", SyncCalls.stamp(-1_000, random.nextInt(1000), "h"));
        intel.mutationId(random).ifPresent(id -> put.put("id", id.toString()));
        try {
            SyncCalls.push(connection, client, put);
            // Whatever the answer, it acted on the member's own rows: the honest devices' checks say whether it did.
            tally.count(OTHERS_PUSH, HARMLESS);
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
            // The member's own long push (the lane above) holds their own row past the login's statement timeout.
            tally.count(OTHERS_PUSH, STOPPED);
        }
        for (long after : new long[] {0, intel.version(random).orElse(1L), Long.MAX_VALUE}) {
            String pulled;
            try {
                pulled = SyncCalls.pull(connection, client, after, 100).toString();
            } catch (SQLException e) {
                if (!QUERY_CANCELED.equals(e.getSQLState())) {
                    throw e;
                }
                // The member's own billion-call pull (the lane above) holds their own row of this client id.
                tally.count(OTHERS_PULL, STOPPED);
                continue;
            }
            for (int person = 0; person < 100; person++) {
                if (pulled.contains("\"" + SoakDevice.prefix(person))) {
                    tally.count(OTHERS_PULL, BREACH, "pulled an honest person's title: " + pulled);
                    return;
                }
            }
            tally.count(OTHERS_PULL, HARMLESS);
        }
        for (String sql : List.of("SELECT public.taskdesk_sync_pull(gen_random_uuid(), -1, 10)",
                                  "SELECT public.taskdesk_sync_pull(gen_random_uuid(), 0, 5001)",
                                  "SELECT public.taskdesk_sync_pull(gen_random_uuid(), 0, 0)",
                                  "SELECT public.taskdesk_sync_pull(NULL, 0, 10)")) {
            refused(connection, BAD_CURSOR, INVALID_PARAMETER, sql);
        }
    }

    // ---- On once per-person logins (ADR 0030) land: each harms every device on the shared login until then.

    private void alterRole(Connection connection, Random random) throws SQLException, InterruptedException {
        try {
            execute(connection, "ALTER ROLE CURRENT_USER SET default_transaction_read_only = on");
            tally.count(ALTER_ROLE, HARMLESS);
            Thread.sleep(2000);
        } finally {
            execute(connection, "ALTER ROLE CURRENT_USER RESET default_transaction_read_only");
        }
        try {
            connection.unwrap(PGConnection.class).alterUserPassword(target.clientRole(),
                    SABOTAGED_PASSWORD.toCharArray(), "scram-sha-256");
            tally.count(ALTER_ROLE, HARMLESS);
            Thread.sleep(2000);
        } finally {
            connection.unwrap(PGConnection.class).alterUserPassword(target.clientRole(),
                    target.clientPassword().toCharArray(), "scram-sha-256");
        }
    }

    private void fillConnections(Connection connection, Random random) throws InterruptedException {
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < 1000 && System.nanoTime() < deadline) {
                held.add(connect(target.clientPassword()));
            }
        } catch (SQLException full) {
            // 53300: the login's limit, the point of the attack.
        }
        tally.count(FILL_CONNECTIONS, HARMLESS);
        Thread.sleep(3000);
        held.forEach(SoakAttacker::close);
    }

    private void endOthers(Connection connection, Random random) throws SQLException, InterruptedException {
        SharedServer.column(connection, "SELECT count(pg_catalog.pg_terminate_backend(pid)) FROM pg_catalog.pg_stat_activity"
                + " WHERE usename = current_user AND pid <> pg_catalog.pg_backend_pid()");
        tally.count(END_OTHERS, HARMLESS);
        // Every 3 s: often enough to cut the other attacks on the shared login mid-way, seldom enough that each of
        // them still gets through now and then (at 1 s the probes' last ones never did on a loaded machine).
        Thread.sleep(3000);
    }

    // ---- Helpers.

    @FunctionalInterface
    private interface Sql {
        void run() throws SQLException;
    }

    /** {@code sql} must fail with {@code state}: refused; a success is a breach, another error unexpected. */
    private void refused(Connection connection, String attack, String state, String sql) throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        if (inTransaction) {
            execute(connection, "SAVEPOINT attempt");
        }
        outcome(attack, state, REFUSED, () -> execute(connection, sql));
        if (inTransaction) {
            execute(connection, "ROLLBACK TO SAVEPOINT attempt");
        }
    }

    /** A connection lost is the lane's to handle (it connects again): not an outcome of the attempt. */
    private void outcome(String attack, String state, SoakTally.Outcome expected, Sql sql) throws SQLException {
        try {
            sql.run();
            tally.count(attack, BREACH, "it ran to the end");
        } catch (SQLException e) {
            if (state.equals(e.getSQLState())) {
                tally.count(attack, expected);
            } else if (cut(e)) {
                throw e;
            } else {
                tally.count(attack, UNEXPECTED, describe(e));
            }
        }
    }

    private void signedIn(Connection connection, String session) {
        accounts.useSession(connection, session);
    }

    /**
     * A connection as the shared login; with the login attacks on, with the password one member may have left on it,
     * and out of the read-only default they may have left (any session may switch it off for itself).
     */
    private Connection connect() throws SQLException {
        try {
            return connect(target.clientPassword());
        } catch (SQLException e) {
            if (!target.perPersonLoginAttacks()) {
                throw e;
            }
            return connect(SABOTAGED_PASSWORD);
        }
    }

    private Connection connect(String password) throws SQLException {
        TestPostgres.Server server = TestPostgres.server();
        Properties properties = new Properties();
        properties.setProperty("user", target.clientRole());
        properties.setProperty("password", password);
        Connection connection = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/" + target.database(), properties);
        if (target.perPersonLoginAttacks()) {
            execute(connection, "SET default_transaction_read_only = off");
        }
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** True when {@code e} (or a cause) is a lost connection: ended by another backend, closed, or refused. */
    private static boolean cut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                        || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("53300"))) {
                return true;
            }
            // Both members altering the shared login at the same moment: PostgreSQL refuses the second catalog write.
            if (cause instanceof SQLException sql && "XX000".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("tuple concurrently updated")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        return e instanceof SQLException sql ? sql.getSQLState() + " " + sql.getMessage() : e.toString();
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // gone already
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
