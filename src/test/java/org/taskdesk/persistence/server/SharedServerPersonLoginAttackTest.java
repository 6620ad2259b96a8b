package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.server.SharedServer.PersonLogin;
import org.taskdesk.testing.TestPostgres;

/**
 * Issue 11, items 1 and 4, with per-person logins (V14, ADR 30): a member attacks with the login sign-in handed
 * them, or with the shared login everyone knows. Each attack fails or harms only the attacker, and Bob, signed in on
 * another device, still syncs meanwhile within a bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServerPersonLoginAttackTest {
    /** What one sync round of Bob's (a new connection, a push and a pull) may take while an attack goes on. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private final PostgresAccounts accounts = new PostgresAccounts();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A server where Bob and Mallory have accounts and Bob's device is signed in with a login of its own. */
    private record Scene(SharedServer server, String url, PersonLogin bob) {
    }

    private Scene scene(SharedServer server, SharedServerLimits limits) throws SQLException {
        String url = server.newDatabase(limits);
        try (Connection shared = SharedServer.login(url, server.clientRole, SharedServer.CLIENT_PASSWORD)) {
            accounts.signUp(shared, "bob@example.com", "Bob", hash("bob's password"));
            accounts.signUp(shared, "mallory@example.com", "Mallory", hash("mallory's password"));
            String token = accounts.signIn(shared, "bob@example.com", "bob's password", DAY).orThrow();
            return new Scene(server, url, server.personLogin(url, token));
        }
    }

    private Scene scene(SharedServer server) throws SQLException {
        return scene(server, SharedServerLimits.forBcryptCost(4));
    }

    /** Mallory's device, signed in: a connection as her own login, carrying her session. */
    private static Connection mallory(Scene scene) throws SQLException {
        return scene.server().person(scene.url(), "mallory@example.com", "mallory's password");
    }

    /** Bob's device syncs one round on a new connection as its own login; fails the test past BOUND. */
    private void bobStillSyncs(Scene scene) throws Exception {
        String title = "bob: " + UUID.randomUUID();
        Future<List<String>> round = threads.submit(() -> {
            try (Connection bob = scene.bob().open()) {
                assertThat(SyncCalls.statuses(SyncCalls.push(bob, UUID.randomUUID(), SyncCalls.put(1,
                        UUID.randomUUID(), "title", title, SyncCalls.stamp(-1_000, 0, "b"))))).containsExactly("applied");
                return SyncCalls.titles(bob);
            }
        });
        assertThat(round.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("Bob's round within %s", BOUND)
                .contains(title);
    }

    @Test
    void aMemberSabotagingTheirOwnLoginLocksOutOnlyThemselvesAndSetupRepairsIt() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server);
            Connection attacker = mallory(scene);
            String login = column(attacker, "SELECT current_user").get(0);
            String database = scene.url().substring(scene.url().lastIndexOf('/') + 1);
            execute(attacker, "ALTER ROLE CURRENT_USER SET default_transaction_read_only = on");
            execute(attacker, "ALTER ROLE CURRENT_USER IN DATABASE " + database + " SET work_mem = '64kB'");
            attacker.unwrap(PGConnection.class).alterUserPassword(login, "mine now".toCharArray(), "scram-sha-256");
            try (Connection again = SharedServer.login(scene.url(), login, "mine now")) {
                assertThat(column(again, "SELECT current_setting('default_transaction_read_only')"))
                        .as("the attack itself works: PostgreSQL allows it").containsExactly("on");
            }

            // Nor can the member become the group and alter it as their own role (PostgreSQL 16+: SET FALSE).
            if (Integer.parseInt(column(attacker, "SHOW server_version_num").get(0)) >= 160000) {
                String people = column(attacker, "SELECT 'td_' || oid || '_people' FROM pg_database "
                        + "WHERE datname = current_database()").get(0);
                SQLException setRole = assertThrows(SQLException.class, () -> execute(attacker, "SET ROLE " + people));
                assertThat(setRole.getSQLState()).as(setRole.getMessage()).isEqualTo("42501");
            }

            bobStillSyncs(scene);
            try (Connection owner = TestPostgres.connect(scene.url())) {
                new SharedServerSetup().setUp(owner, server.clientRole, null, SharedServerLimits.forBcryptCost(4));
                assertThat(column(owner, "SELECT unnest(s.setconfig) FROM pg_db_role_setting s JOIN pg_roles r "
                        + "ON r.oid = s.setrole WHERE r.rolname = '" + login + "' ORDER BY 1"))
                        .as("the login's own defaults are gone; the server's are back").containsExactly(
                                "idle_in_transaction_session_timeout=60000", "lock_timeout=5000",
                                "statement_timeout=30000");
            }
            // Mallory's device signs in again and gets a working login.
            Connection back = mallory(scene);
            assertThat(SyncCalls.statuses(SyncCalls.push(back, UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(),
                    "title", "mallory: back", SyncCalls.stamp(-1_000, 0, "m"))))).containsExactly("applied");
        }
    }

    @Test
    void aMemberFillingTheirOwnConnectionsLeavesOthersRoom() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server);
            Connection first = mallory(scene);
            String login = column(first, "SELECT current_user").get(0);
            String password = "mallory's own";
            first.unwrap(PGConnection.class).alterUserPassword(login, password.toCharArray(), "scram-sha-256");
            List<Connection> held = new ArrayList<>(List.of(first));
            SQLException refused = null;
            try {
                for (int i = 0; i < 10 && refused == null; i++) {
                    try {
                        held.add(SharedServer.login(scene.url(), login, password));
                    } catch (SQLException e) {
                        refused = e;
                    }
                }
                assertThat(held).as("a person login's connection limit").hasSize(5);
                assertThat(refused == null ? "not refused" : refused.getSQLState()).isEqualTo("53300");

                bobStillSyncs(scene);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void aMemberCannotEndOrWatchAnotherPersonsConnection() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server);
            try (Connection bob = scene.bob().open()) {
                int bobsPid = Integer.parseInt(column(bob, "SELECT pg_backend_pid()").get(0));
                Connection attacker = mallory(scene);
                for (String sql : List.of("SELECT pg_terminate_backend(" + bobsPid + ")",
                        "SELECT pg_cancel_backend(" + bobsPid + ")")) {
                    SQLException e = assertThrows(SQLException.class, () -> execute(attacker, sql), sql);
                    assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage()).isEqualTo("42501");
                }
                assertThat(column(attacker, "SELECT coalesce(query, 'none') FROM pg_stat_activity WHERE pid = "
                        + bobsPid)).as("another login's query text").containsExactly("<insufficient privilege>");
                assertThat(column(bob, "SELECT 'still here'")).containsExactly("still here");
            }
            bobStillSyncs(scene);
        }
    }

    @Test
    void anotherPersonsTokenIsRefusedFromAMembersOwnLogin() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server);
            Connection attacker = mallory(scene);
            accounts.useSession(attacker, scene.bob().token()); // stolen, say
            assertThat(accounts.whoAmI(attacker)).isEmpty();
            SQLException push = assertThrows(SQLException.class, () -> SyncCalls.push(attacker, UUID.randomUUID(),
                    SyncCalls.put(1, UUID.randomUUID(), "title", "mallory was here", SyncCalls.stamp(-1_000, 0, "m"))));
            assertThat(push.getSQLState()).isEqualTo(PostgresAccounts.NOT_SIGNED_IN);
            SQLException pull = assertThrows(SQLException.class, () -> SyncCalls.titles(attacker));
            assertThat(pull.getSQLState()).isEqualTo(PostgresAccounts.NOT_SIGNED_IN);
            execute(attacker, "SELECT public.taskdesk_sign_out()");
            bobStillSyncs(scene);
        }
    }

    @Test
    void sabotagingTheSharedLoginStopsNewSignInsButNotADeviceSignedIn() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server);
            Connection attacker = server.client(scene.url());
            execute(attacker, "ALTER ROLE CURRENT_USER SET default_transaction_read_only = on");
            attacker.unwrap(PGConnection.class).alterUserPassword(server.clientRole, "mine now".toCharArray(),
                    "scram-sha-256");
            assertThrows(SQLException.class, () -> server.client(scene.url()), "new sign-ins are stopped");

            bobStillSyncs(scene);

            try (Connection owner = TestPostgres.connect(scene.url())) {
                new SharedServerSetup().setUp(owner, server.clientRole, SharedServer.CLIENT_PASSWORD,
                        SharedServerLimits.forBcryptCost(4));
            }
            assertThat(SyncCalls.titles(mallory(scene))).as("signing in works again after server setup").isEmpty();
        }
    }

    @Test
    void fillingTheSharedLoginsConnectionsLeavesDevicesSignedInSyncing() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server, new SharedServerLimits(4, SharedServerLimits.LONGEST_STATEMENT, 4));
            List<Connection> held = new ArrayList<>();
            SQLException refused = null;
            try {
                for (int i = 0; i < 10 && refused == null; i++) {
                    try {
                        held.add(SharedServer.login(scene.url(), server.clientRole, SharedServer.CLIENT_PASSWORD));
                    } catch (SQLException e) {
                        refused = e;
                    }
                }
                // Up to the limit of 4 (the scene's own sign-ins may still be closing), then refused.
                assertThat(held).isNotEmpty().hasSizeLessThanOrEqualTo(4);
                assertThat(refused == null ? "not refused" : refused.getSQLState()).isEqualTo("53300");

                bobStillSyncs(scene);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    /**
     * Sign-up is free, so a member could make account after account, each signed in with a login of five
     * connections, until the server had none left for anyone. Person logins take one of the rows server setup counts
     * from max_connections (here 3: Bob's and two more); the next sign-in is told the server is full, the member's
     * accounts hold no more connections than that room, the owner still connects, and Bob still syncs.
     */
    @Test
    void aMemberMakingAccountAfterAccountCannotFillTheServer() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server, new SharedServerLimits(4, SharedServerLimits.LONGEST_STATEMENT, null, 3));
            List<Connection> held = new ArrayList<>();
            TaskDeskException full = null;
            try {
                for (int i = 0; i < 6 && full == null; i++) {
                    String email = "sybil" + i + "@example.com";
                    try (Connection shared = SharedServer.login(scene.url(), server.clientRole,
                            SharedServer.CLIENT_PASSWORD)) {
                        accounts.signUp(shared, email, "Sybil " + i, hash("sybil's password"));
                        accounts.useSession(shared,
                                accounts.signIn(shared, email, "sybil's password", DAY).orThrow());
                        String password = ServerCredential.newPassword();
                        String login = accounts.openLogin(shared, password).orElseThrow();
                        for (int c = 0; c < SharedServerLimits.PERSON_LOGIN_CONNECTIONS; c++) {
                            held.add(SharedServer.login(scene.url(), login, password));
                        }
                    } catch (TaskDeskException e) {
                        full = e;
                    }
                }

                assertThat(full).as("a sign-in once the room is taken").isNotNull();
                assertThat(full.getMessage()).contains("no room for another signed-in device");
                assertThat(held).as("connections the member's accounts hold: two logins of five").hasSize(10);
                assertThat(column(server.owner(scene.url()), "SELECT 1")).containsExactly("1");
                bobStillSyncs(scene);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    /**
     * A member may switch their own statement_timeout off and run a statement that calls no TaskDesk function (a
     * core, or a connection, for as long as they like). Every TaskDesk function checks its statement's age, and one
     * check in twenty cancels members' statements that have run past the longest one (V15): Bob's syncing stops it,
     * on the member's own login and on the shared login alike. Before V15 the sleep ran on for its ten minutes.
     */
    @Test
    void aMembersStatementWithItsTimeoutOffIsStoppedOnceOthersSync() throws Exception {
        try (SharedServer server = new SharedServer()) {
            Scene scene = scene(server, new SharedServerLimits(4, Duration.ofSeconds(2), null));
            for (boolean ownLogin : new boolean[] {true, false}) {
                try (Connection shared = SharedServer.login(scene.url(), server.clientRole, SharedServer.CLIENT_PASSWORD);
                     Connection bob = scene.bob().open()) {
                    Connection attacker = ownLogin ? mallory(scene) : shared;
                    execute(attacker, "SET statement_timeout = 0");
                    Future<String> sleeping = threads.submit(() -> {
                        try {
                            execute(attacker, "SELECT pg_catalog.pg_sleep(600)");
                            return "ran to its end";
                        } catch (SQLException e) {
                            return e.getSQLState();
                        }
                    });
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    int pulls = 0;
                    while (!sleeping.isDone() && System.nanoTime() < deadline) {
                        SyncCalls.pull(bob, UUID.randomUUID(), 0, 1);
                        pulls++;
                    }
                    assertThat(sleeping.isDone()).as("the member's sleep (%s login) stopped within 90 s of Bob's "
                            + "syncing (%d pulls)", ownLogin ? "own" : "shared", pulls).isTrue();
                    assertThat(sleeping.get()).as("how it stopped").isEqualTo("57014");
                }
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
