package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.server.ServerSignInResult.Status;
import org.taskdesk.testing.TestPostgres;

/**
 * Issue 11: a member holding the shared client login (its password is public) tries to take the server down for
 * everyone else: burn its CPU, freeze other people's sign-ins, lock everyone out, use up the connections. Each
 * attack must fail, or be undone by {@code server setup}, while another person's sign-in and tasks keep working
 * within a bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServerDenialAttackTest {
    /** What another person's sign-in plus one command may take while an attack goes on (cost-4 hashes). */
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Duration LONGEST_STATEMENT = Duration.ofSeconds(2);

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterAll
    void dropEverything() throws SQLException {
        threads.shutdownNow();
        server.close();
    }

    /** A database set up with the tests' cost 4 and a short longest statement; Bob has an account and a task. */
    private String serverWithBob() throws SQLException {
        String url = server.newDatabase(new SharedServerLimits(4, LONGEST_STATEMENT, null));
        accounts.signUp(server.client(url), "bob@example.com", "Bob", hash("bob's password"));
        return url;
    }

    /**
     * Bob signs in on a new connection and adds and reads a task through sync's push and pull (a client login has no
     * table rights: ADR 29); fails the test if that takes longer than BOUND.
     */
    private void bobStillWorks(String url) throws Exception {
        Future<List<String>> work = threads.submit(() -> {
            // Signed in through the shared login, then working as the login the sign-in handed Bob (V14, ADR 30).
            Connection bob = server.person(url, "bob@example.com", "bob's password");
            assertThat(accounts.whoAmI(bob)).isPresent();
            JsonNode pushed = SyncCalls.push(bob, UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(), "title",
                    "bob: still here", SyncCalls.stamp(-1_000, 0, "b")));
            assertThat(SyncCalls.statuses(pushed)).containsExactly("applied");
            return SyncCalls.titles(bob).stream().filter("bob: still here"::equals).toList();
        });
        assertThat(work.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("Bob's sign-in and task within %s", BOUND)
                .isNotEmpty();
    }

    // 1. CPU

    @Test
    void aHashOfACostTaskDeskDoesNotUseIsRefused() throws Exception {
        String url = serverWithBob();
        Connection attacker = server.client(url);
        // A well-formed $2a$ hash of cost 31: one sign-in against it would run for days.
        String saltAndDigest = hash("whatever").substring(7);
        for (String cost : new String[] {"31", "15", "09"}) {
            TaskDeskException refused = assertThrows(TaskDeskException.class, () -> accounts.signUp(attacker,
                    "mallory" + cost + "@example.com", "Mallory", "$2a$" + cost + "$" + saltAndDigest));
            assertThat(refused.getMessage()).isEqualTo("Password hash must have a bcrypt cost of 10 to 14 or 4, not "
                    + Integer.parseInt(cost) + ".");
        }
        accounts.signUp(attacker, "mallory@example.com", "Mallory", hash("mallory's password"));
        Connection mallory = server.person(url, "mallory@example.com", "mallory's password");
        TaskDeskException changed = assertThrows(TaskDeskException.class, () -> accounts.changePassword(mallory,
                "mallory's password", "$2a$31$" + saltAndDigest));
        assertThat(changed.getMessage()).startsWith("Password hash must have a bcrypt cost of 10 to 14 or 4");
        assertThat(column(server.owner(url), "SELECT count(*) FROM users WHERE password_hash NOT LIKE '$2a$04$%'"))
                .containsExactly("0");
        bobStillWorks(url);
    }

    @Test
    void aStatementRunningForMinutesIsStopped() throws Exception {
        String url = serverWithBob();
        Connection attacker = server.client(url);
        assertStoppedWithin(attacker, "SELECT pg_catalog.pg_sleep(600)");
        // The member switches the timeout off for their session (any role may); TaskDesk's functions stop anyway.
        execute(attacker, "SET statement_timeout = 0");
        // Three small series joined: a billion rows that come one by one (one big series is materialised first).
        String billionRows = " FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c";
        // The shared login calls only sign-up and sign-in since V14; the functions of a signed-in device are the
        // member's own login's (ADR 30).
        accounts.signUp(attacker, "mallory@example.com", "Mallory", hash("mallory's password"));
        Connection own = server.person(url, "mallory@example.com", "mallory's password");
        assertStoppedWithin(own, "SELECT pg_catalog.pg_sleep(600)");
        execute(own, "SET statement_timeout = 0");
        assertStoppedWithin(own, "SELECT count(public.taskdesk_current_user_id())" + billionRows);
        assertStoppedWithin(own, "SELECT count(public.taskdesk_sign_out())" + billionRows);
        bobStillWorks(url);
    }

    /**
     * The sync functions (V10) stop like the others (V13): push and pull as a member signed in calls them, purge as
     * the owner's nightly job would run it. The session's timeout here is 20 s, far past the server's longest
     * statement, only so that a function without the check fails this test instead of running for ever.
     */
    @Test
    void aStatementCallingTheSyncFunctionsForMinutesIsStopped() throws Exception {
        String url = serverWithBob();
        accounts.signUp(server.client(url), "mallory@example.com", "Mallory", hash("mallory's password"));
        Connection attacker = server.person(url, "mallory@example.com", "mallory's password");
        execute(attacker, "SET statement_timeout = '20s'");
        String billionRows = " FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c";
        String client = "'6f1d2c3b-0000-4000-8000-000000000001'::uuid";
        assertStoppedWithin(attacker, "SELECT count(public.taskdesk_sync_pull(" + client + ", 0, 1))" + billionRows);
        assertStoppedWithin(attacker, "SELECT count(public.taskdesk_sync_push(" + client + ", '[]'::jsonb))"
                + billionRows);
        // The first pull as rows (V18) returns a set: called once per row of the join through the lateral reference.
        assertStoppedWithin(attacker, "SELECT count(r.kind)" + billionRows + ", LATERAL public.taskdesk_sync_pull_rows("
                + client + ", 0, 1 + 0 * c) r");
        Connection owner = server.owner(url);
        execute(owner, "SET statement_timeout = '20s'");
        assertStoppedWithin(owner, "SELECT count(public.taskdesk_sync_purge(90))" + billionRows);
        bobStillWorks(url);
    }

    private void assertStoppedWithin(Connection connection, String sql) {
        long start = System.nanoTime();
        SQLException stopped = assertThrows(SQLException.class, () -> execute(connection, sql), sql);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(stopped.getSQLState()).as("%s: %s", sql, stopped.getMessage()).isEqualTo("57014");
        assertThat(took).as(sql).isLessThan(LONGEST_STATEMENT.plus(BOUND));
    }

    // 2. Freezes

    @Test
    void aSignInAttemptLeftOpenDoesNotHoldUpThatPersonsSignIn() throws Exception {
        String url = serverWithBob();
        Connection attacker = server.client(url);
        attacker.setAutoCommit(false);
        try {
            column(attacker, "SELECT public.taskdesk_sign_in('bob@example.com', 'a guess', 3600)");

            bobStillWorks(url);
        } finally {
            attacker.rollback();
        }
    }

    @Test
    void twentyFourParallelWrongGuessesGetFiveChecksAndNoMore() throws Exception {
        String url = serverWithBob();
        List<Connection> guessers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            guessers.add(server.client(url));
        }
        int checks = 0;
        for (int wave = 0; wave < 50 && checks < 5; wave++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Status>> outcomes = new ArrayList<>();
            for (Connection guesser : guessers) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return accounts.signIn(guesser, "bob@example.com", "wrong guess", DAY).status();
                }, threads));
            }
            start.countDown();
            for (CompletableFuture<Status> outcome : outcomes) {
                if (outcome.get(30, TimeUnit.SECONDS) == Status.WRONG_CREDENTIALS) {
                    checks++;
                }
            }
        }
        assertThat(checks).as("password checks until the account was blocked").isEqualTo(5);
        assertThat(column(server.owner(url), "SELECT f.failures FROM users u, public.taskdesk_sign_in_block(u.id) f"))
                .as("every check counted").containsExactly("5");
    }

    @Test
    void theClientLoginHasTheServersTimeoutsByDefault() throws SQLException {
        String url = serverWithBob();
        Connection client = server.client(url);
        assertThat(column(client, "SELECT current_setting('statement_timeout') || ' ' || current_setting('lock_timeout')"
                + " || ' ' || current_setting('idle_in_transaction_session_timeout')")).containsExactly("2s 5s 1min");
    }

    // 3. Lock-outs

    @Test
    void serverSetupUndoesWhatAMemberDidToTheSharedLogin() throws Exception {
        try (SharedServer own = new SharedServer()) {
            String url = own.newDatabase();
            accounts.signUp(own.client(url), "bob@example.com", "Bob", hash("bob's password"));
            Connection attacker = own.client(url);
            String database = url.substring(url.lastIndexOf('/') + 1);
            execute(attacker, "ALTER ROLE CURRENT_USER SET default_transaction_read_only = on");
            execute(attacker, "ALTER ROLE CURRENT_USER IN DATABASE " + database + " SET statement_timeout = 1");
            attacker.unwrap(PGConnection.class).alterUserPassword(own.clientRole, "mine now".toCharArray(),
                    "scram-sha-256");
            assertThrows(SQLException.class, () -> own.client(url), "the attack itself works: PostgreSQL allows it");

            try (Connection owner = TestPostgres.connect(url)) {
                new SharedServerSetup().setUp(owner, own.clientRole, SharedServer.CLIENT_PASSWORD,
                        SharedServerLimits.forBcryptCost(4));
            }

            Connection shared = own.client(url);
            assertThat(column(shared, "SELECT current_setting('default_transaction_read_only') || ' '"
                    + " || current_setting('statement_timeout')")).containsExactly("off 30s");
            Connection bob = own.person(url, "bob@example.com", "bob's password");
            // A write, as a device makes it (no table rights since V12): the login is not read-only any more.
            assertThat(SyncCalls.statuses(SyncCalls.push(bob, UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(),
                    "title", "bob: back", SyncCalls.stamp(-1_000, 0, "b"))))).containsExactly("applied");
            assertThat(SyncCalls.titles(bob)).containsExactly("bob: back");
            assertThat(column(own.owner(url), "SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r "
                    + "ON r.oid = s.setrole WHERE r.rolname = '" + own.clientRole + "' AND s.setdatabase <> 0"))
                    .as("no per-database defaults left").containsExactly("0");
        }
    }

    // 4. Connections

    @Test
    void oneMemberHoldingEveryClientConnectionLeavesTheOwnerRoom() throws Exception {
        // A login of its own: the connections other tests of this class keep open count against the limit.
        try (SharedServer own = new SharedServer()) {
            String url = own.newDatabase(new SharedServerLimits(4, LONGEST_STATEMENT, 6));
            List<Connection> held = new ArrayList<>();
            SQLException refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                try {
                    held.add(own.client(url));
                } catch (SQLException e) {
                    refused = e;
                }
            }
            assertThat(held).hasSize(6);
            assertThat(refused == null ? "not refused" : refused.getSQLState()).as("too many connections for the role")
                    .isEqualTo("53300");
            try (Connection owner = TestPostgres.connect(url)) {
                assertThat(column(owner, "SELECT current_user")).containsExactly(TestPostgres.server().user());
                new SharedServerSetup().setUp(owner, own.clientRole, null, SharedServerLimits.forBcryptCost(4));
                assertThat(column(owner, "SELECT (rolconnlimit = least(20, current_setting('max_connections')::int "
                        + "- current_setting('superuser_reserved_connections')::int "
                        + "- coalesce(current_setting('reserved_connections', true)::int, 0) - 5))::text FROM pg_roles "
                        + "WHERE rolname = '" + own.clientRole + "'"))
                        .as("by default all but 5 of the connections open to ordinary logins, at most 20 (ADR 30)")
                        .containsExactly("true");
            }
        }
    }

    // 5. Side channels (what needs no table-rights change)

    @Test
    void largeObjectsAreRefusedOnceASuperuserHasSetUpAndTheTaskIdSequenceIsOutOfReach() throws Exception {
        String url = serverWithBob();
        Connection attacker = server.client(url);
        assertRefused(attacker, "SELECT pg_catalog.setval('public.tasks_id_seq', 1)");
        assertRefused(attacker, "SELECT last_value FROM public.tasks_id_seq");
        assertRefused(attacker, "SELECT nextval('public.users_id_seq')");
        // Since V12 (ADR 29) not even drawn from: no ids to use up, and pg_sequences shows no last value.
        assertRefused(attacker, "SELECT nextval('public.tasks_id_seq')");
        assertRefused(attacker, "SELECT nextval('public.task_completions_id_seq')");
        assertRefused(attacker, "SELECT nextval('public.saved_searches_id_seq')");
        assertThat(column(attacker, "SELECT last_value::text FROM pg_catalog.pg_sequences "
                + "WHERE schemaname = 'public' AND sequencename = 'tasks_id_seq'")).containsExactly((String) null);

        try (Connection superuser = superuserOrOwner(url)) {
            new SharedServerSetup().setUp(superuser, server.clientRole, null, SharedServer.LIMITS);
            boolean isSuperuser = column(superuser, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")
                    .equals(List.of("true"));
            if (isSuperuser) {
                assertRefused(attacker, "SELECT pg_catalog.lo_create(0)");
                assertRefused(attacker, "SELECT pg_catalog.lo_from_bytea(0, 'x'::bytea)");
            } else {
                // A server named by TASKDESK_TEST_DATABASE_URL without a superuser: the documented limit (ADR 25).
                assertThat(column(attacker, "SELECT pg_catalog.lo_unlink(pg_catalog.lo_create(0))")).containsExactly("1");
            }
        }
        bobStillWorks(url);
    }

    /**
     * What table rights allowed a member until V12 (ADR 25's accepted list, ADR 29): freezing everyone's tasks with
     * LOCK TABLE, counting rows with EXPLAIN, watching or drawing the id sequences, and probing other people's ids
     * with unique violations. Each is refused to the client login now, and Bob's sync goes on while the member keeps
     * a transaction open with all of it tried.
     */
    @Test
    void lockingExplainingOrProbingTheTablesIsRefusedAndAnotherPersonsSyncGoesOnMeanwhile() throws Exception {
        String url = serverWithBob();
        Connection attacker = server.client(url);
        accounts.signUp(attacker, "mallory@example.com", "Mallory", hash("mallory's password"));
        accounts.useSession(attacker, accounts.signIn(attacker, "mallory@example.com", "mallory's password", DAY)
                .orThrow());
        attacker.setAutoCommit(false);
        try {
            for (String table : List.of("tasks", "task_completions", "saved_searches", "task_tombstones", "users")) {
                refusedInOpenTransaction(attacker, "LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE");
                refusedInOpenTransaction(attacker, "LOCK TABLE public." + table + " IN ACCESS SHARE MODE");
                refusedInOpenTransaction(attacker, "EXPLAIN SELECT * FROM public." + table);
            }
            refusedInOpenTransaction(attacker, "SELECT nextval('public.tasks_id_seq')");
            refusedInOpenTransaction(attacker, "SELECT last_value FROM public.tasks_id_seq");
            refusedInOpenTransaction(attacker, "INSERT INTO public.tasks (id, user_id, title) VALUES (1, 1, 'probe')");
            refusedInOpenTransaction(attacker, "INSERT INTO public.saved_searches (user_id, name, filter_text, "
                    + "created_at) VALUES (1, 'probe', 'x', now())");

            bobStillWorks(url);
        } finally {
            attacker.rollback();
        }
    }

    /** {@code sql} is refused for lack of rights, and the transaction stays open (back to before it). */
    private static void refusedInOpenTransaction(Connection connection, String sql) throws SQLException {
        execute(connection, "SAVEPOINT attempt");
        assertRefused(connection, sql);
        execute(connection, "ROLLBACK TO SAVEPOINT attempt");
    }

    /** The embedded server's superuser (trusted on loopback), else, on a server of one's own, the owner. */
    private static Connection superuserOrOwner(String url) throws SQLException {
        TestPostgres.Server postgres = TestPostgres.server();
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/"
                    + url.substring(url.lastIndexOf('/') + 1), login);
        } catch (SQLException notTrusted) {
            return TestPostgres.connect(url);
        }
    }

    private static void assertRefused(Connection connection, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(connection, sql), sql);
        assertThat(e.getSQLState()).as("SQLSTATE of %s: %s", sql, e.getMessage()).isEqualTo("42501");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
