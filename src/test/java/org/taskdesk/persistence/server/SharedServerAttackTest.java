package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;
import static org.taskdesk.persistence.server.SharedServer.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

/**
 * User A, signed in through the shared client role whose password everyone knows, tries everything a curious or
 * hostile client could try to reach user B's tasks or the accounts. Each attempt must be refused or see nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServerAttackTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;
    private int userA;
    private int userB;
    private int taskOfB;
    private int searchOfB;
    /** A and B through their own logins: functions only, no table rights (V12, ADR 29; V14, ADR 30). */
    private Connection asA;
    private Connection asB;
    /**
     * A and B through the owner's login with their sessions: the direct path that remains (the owner's), where the
     * FORCEd row-level security still keeps each to their own rows.
     */
    private Connection directA;
    private Connection directB;

    @BeforeAll
    void twoUsersWithTasks() throws SQLException {
        url = server.newDatabase();
        asA = server.client(url);
        asB = server.client(url);
        userA = accounts.signUp(asA, "ann@example.com", "Ann", hash("ann's password"));
        userB = accounts.signUp(asB, "bob@example.com", "Bob", hash("bob's password"));
        String tokenA = accounts.signIn(asA, "ann@example.com", "ann's password", DAY).orThrow();
        String tokenB = accounts.signIn(asB, "bob@example.com", "bob's password", DAY).orThrow();
        // Each device then works as the login its sign-in handed it (V14, ADR 30).
        asA = server.person(url, tokenA);
        asB = server.person(url, tokenB);
        directA = server.owner(url);
        directB = server.owner(url);
        accounts.useSession(directA, tokenA);
        accounts.useSession(directB, tokenB);
        update(directA, "INSERT INTO tasks (user_id, title) VALUES (?, 'ann: buy milk'), (?, 'ann: call mum')", userA,
                userA);
        update(directB, "INSERT INTO tasks (user_id, title, description) VALUES (?, 'bob: secret plan', 'bob only')",
                userB);
        taskOfB = Integer.parseInt(column(directB, "SELECT id FROM tasks").get(0));
        update(directB, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (?, ?, now())", taskOfB,
                userB);
        update(directB, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Bob''s plans', '#secret', now())", userB);
        searchOfB = Integer.parseInt(column(directB, "SELECT id FROM saved_searches").get(0));
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void aSeesExactlyHerOwnTasks() throws SQLException {
        assertThat(SyncCalls.titles(asA)).containsExactly("ann: buy milk", "ann: call mum");
        assertRefused(asA, "SELECT title FROM tasks");
        assertThat(column(directA, "SELECT title FROM tasks ORDER BY title")).containsExactly("ann: buy milk",
                "ann: call mum");
        assertThat(column(directA, "SELECT count(*) FROM tasks WHERE user_id = " + userB)).containsExactly("0");
        assertThat(column(directA, "SELECT count(*) FROM tasks WHERE id = " + taskOfB)).containsExactly("0");
    }

    @Test
    void aCanCreateReadUpdateAndDeleteHerOwnTasks() throws SQLException {
        // Through the client login, only by sync's functions: its direct statements are refused.
        assertRefused(asA, "INSERT INTO tasks (user_id, title) VALUES (" + userA + ", 'ann: temporary')");
        assertRefused(asA, "UPDATE tasks SET title = 'ann: renamed' WHERE title = 'ann: buy milk'");
        assertRefused(asA, "DELETE FROM tasks WHERE title = 'ann: buy milk'");
        UUID temporary = UUID.randomUUID();
        UUID laptop = UUID.randomUUID();
        assertThat(SyncCalls.statuses(SyncCalls.push(asA, laptop,
                SyncCalls.put(1, temporary, "title", "ann: temporary", SyncCalls.stamp(-9_000, 0, "a")),
                SyncCalls.put(2, temporary, "title", "ann: renamed", SyncCalls.stamp(-9_000, 1, "a")))))
                .containsExactly("applied", "applied");
        assertThat(SyncCalls.titles(asA)).containsExactly("ann: buy milk", "ann: call mum", "ann: renamed");
        assertThat(SyncCalls.statuses(SyncCalls.push(asA, laptop,
                SyncCalls.delete(3, temporary, SyncCalls.stamp(-9_000, 2, "a"))))).containsExactly("applied");
        assertThat(SyncCalls.titles(asA)).containsExactly("ann: buy milk", "ann: call mum");

        // Through the owner's login with her session, directly, under row-level security.
        update(directA, "INSERT INTO tasks (user_id, title) VALUES (?, 'ann: temporary')", userA);
        assertThat(update(directA, "UPDATE tasks SET title = 'ann: renamed' WHERE title = 'ann: temporary'"))
                .isEqualTo(1);
        assertThat(column(directA, "SELECT title FROM tasks WHERE title LIKE 'ann: ren%'"))
                .containsExactly("ann: renamed");
        assertThat(update(directA, "DELETE FROM tasks WHERE title = 'ann: renamed'")).isEqualTo(1);
        assertThat(column(directA, "SELECT count(*) FROM tasks")).containsExactly("2");
    }

    @Test
    void aCannotUpdateOrDeleteBsTask() throws SQLException {
        assertRefused(asA, "UPDATE tasks SET title = 'pwned' WHERE id = " + taskOfB);
        assertRefused(asA, "DELETE FROM tasks WHERE id = " + taskOfB);
        assertThat(update(directA, "UPDATE tasks SET title = 'pwned' WHERE id = ?", taskOfB)).isZero();
        assertThat(update(directA, "UPDATE tasks SET title = 'pwned' WHERE user_id = ?", userB)).isZero();
        assertThat(update(directA, "DELETE FROM tasks WHERE id = ?", taskOfB)).isZero();
        assertThat(update(directA, "DELETE FROM tasks WHERE user_id = ?", userB)).isZero();
        assertThat(column(directB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void aCannotWriteATaskAsB() throws SQLException {
        for (Connection a : List.of(asA, directA)) {
            assertRefused(a, "INSERT INTO tasks (user_id, title) VALUES (" + userB + ", 'planted')");
            assertRefused(a, "UPDATE tasks SET user_id = " + userB + " WHERE title = 'ann: buy milk'");
            assertRefused(a, "INSERT INTO tasks (id, user_id, title) VALUES (" + (taskOfB + 1000) + ", " + userB
                    + ", 'x') ON CONFLICT (id) DO NOTHING");
        }
        // Nor B's existing id: the client may not insert at all, so no unique violation tells it that the id exists.
        assertRefused(asA, "INSERT INTO tasks (id, user_id, title) VALUES (" + taskOfB + ", " + userA + ", 'probe')");
        assertThat(column(directB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void aMadeUpTokenSeesNothingAndCanWriteNothing() throws SQLException {
        Connection stranger = server.client(url);
        accounts.useSession(stranger, "00".repeat(32));
        Connection strangerDirect = server.owner(url);
        accounts.useSession(strangerDirect, "00".repeat(32));

        assertRefused(stranger, "SELECT count(*) FROM tasks");
        assertThat(column(strangerDirect, "SELECT count(*) FROM tasks")).containsExactly("0");
        assertThat(accounts.whoAmI(stranger)).isEmpty();
        assertRefused(stranger, "INSERT INTO tasks (user_id, title) VALUES (" + userB + ", 'x')");
        assertRefused(strangerDirect, "INSERT INTO tasks (user_id, title) VALUES (" + userB + ", 'x')");
        assertRefused(stranger, "DELETE FROM tasks");
        assertThat(update(strangerDirect, "DELETE FROM tasks")).isZero();
    }

    @Test
    void anExpiredTokenSeesNothing() throws SQLException {
        String token = accounts.signIn(server.client(url), "bob@example.com", "bob's password", DAY).orThrow();
        Connection late = server.person(url, token);
        Connection lateDirect = server.owner(url);
        accounts.useSession(lateDirect, token);
        assertThat(SyncCalls.titles(late)).as("before it expires").containsExactly("bob: secret plan");
        assertThat(column(lateDirect, "SELECT count(*) FROM tasks")).as("before it expires").containsExactly("1");
        Connection owner = server.owner(url);
        update(owner, "UPDATE sessions SET expires_at = (now() AT TIME ZONE 'UTC') - interval '1 second' "
                + "WHERE user_id = ? AND created_at = (SELECT max(created_at) FROM sessions WHERE user_id = ?)", userB, userB);

        assertThat(column(lateDirect, "SELECT count(*) FROM tasks")).containsExactly("0");
        SQLException pull = assertThrows(SQLException.class, () -> SyncCalls.titles(late));
        assertThat(pull.getSQLState()).isEqualTo("TD004");
        assertThat(accounts.whoAmI(late)).isEmpty();
    }

    @Test
    void twoSignInAttemptsInOneTransactionAreRefusedSoAGuessCannotBeRolledBack() throws SQLException {
        // The attack: guess, probe the uncommitted counter with a second attempt, roll both back, repeat.
        Connection attacker = server.client(url);
        attacker.setAutoCommit(false);
        try (var first = attacker.prepareStatement("SELECT public.taskdesk_sign_in(?, ?, 3600)")) {
            first.setString(1, "bob@example.com");
            first.setString(2, "guess 1");
            first.executeQuery().close();
        }
        SQLException second = assertThrows(SQLException.class, () -> {
            try (var probe = attacker.prepareStatement("SELECT public.taskdesk_sign_in(?, ?, 3600)")) {
                probe.setString(1, "bob@example.com");
                probe.setString(2, "x");
                probe.executeQuery().close();
            }
        });
        assertThat(second.getSQLState()).isEqualTo("TD005");
        attacker.rollback();
        attacker.close();

        // Nor after any other write of the same transaction: here Ann pushes a task of her own first. Since V14 no
        // member's login may both push and sign in (ADR 30); the owner's, with Ann's session, still shows the rule.
        directA.setAutoCommit(false);
        try {
            SyncCalls.push(directA, UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(), "title", "ann: cover",
                    SyncCalls.stamp(-9_000, 0, "a")));
            SQLException afterWrite = assertThrows(SQLException.class,
                    () -> column(directA, "SELECT public.taskdesk_sign_in('bob@example.com', 'guess 2', 3600)"));
            assertThat(afterWrite.getSQLState()).isEqualTo("TD005");
        } finally {
            directA.rollback();
            directA.setAutoCommit(true);
        }
    }

    @Test
    void accountsSessionsAttemptsAndHistoryAreOutOfReach() throws SQLException {
        assertRefused(asA, "SELECT password_hash FROM users");
        assertRefused(asA, "SELECT id FROM users");
        assertRefused(asA, "SELECT * FROM sessions");
        assertRefused(asA, "SELECT * FROM sign_in_attempts");
        // The schema history may be read (the app checks the version), never changed.
        assertRefused(asA, "DELETE FROM flyway_schema_history");
        assertRefused(asA, "UPDATE flyway_schema_history SET success = false");
        assertRefused(asA, "INSERT INTO flyway_schema_history (installed_rank, description, type, script, installed_by, "
                + "execution_time, success) VALUES (999, 'x', 'SQL', 'x', 'x', 0, true)");
        assertRefused(asA, "UPDATE users SET failed_sign_ins = 0");
        assertRefused(asA, "INSERT INTO sessions VALUES ('x', " + userB + ", now(), now() + interval '1 day')");
        assertRefused(asA, "SELECT nextval('users_id_seq')");
    }

    @Test
    void noTemporaryOrNewObjectsToShadowWhatTheFunctionsUse() throws SQLException {
        assertRefused(asA, "CREATE TEMP TABLE sessions (token_sha256 varchar(64), user_id integer, "
                + "created_at timestamp, expires_at timestamp)");
        assertRefused(asA, "CREATE FUNCTION pg_temp.digest(text, text) RETURNS bytea LANGUAGE sql AS 'SELECT NULL::bytea'");
        assertRefused(asA, "CREATE TABLE public.sessions_copy (x integer)");
        assertRefused(asA, "CREATE FUNCTION public.crypt(text, character varying) RETURNS text LANGUAGE sql "
                + "AS 'SELECT $2::text'");
    }

    @Test
    void theFunctionsIgnoreTheCallersSearchPathAndTemporaryTables() throws SQLException {
        Connection shared = server.client(url);
        execute(shared, "SET search_path = pg_temp, public");
        String token = accounts.signIn(shared, "ann@example.com", "ann's password", DAY).orThrow();
        Connection client = server.person(url, token);
        execute(client, "SET search_path = pg_temp, public");
        assertThat(accounts.whoAmI(client)).map(Who::id).contains(userA);
        assertThat(SyncCalls.titles(client)).containsExactly("ann: buy milk", "ann: call mum");

        // The owner may make temporary tables (the client may not): even a session row forged into a temporary
        // "sessions" that comes first in the search path is never looked at.
        Connection owner = server.owner(url);
        execute(owner, "CREATE TEMP TABLE sessions (token_sha256 varchar(64), user_id integer, created_at timestamp, "
                + "expires_at timestamp)");
        execute(owner, "INSERT INTO pg_temp.sessions SELECT encode(sha256('forged'::bytea), 'hex'), " + userB
                + ", now(), now() + interval '1 day'");
        execute(owner, "SET search_path = pg_temp, public");
        accounts.useSession(owner, "forged");
        assertThat(column(owner, "SELECT public.taskdesk_current_user_id()")).containsExactly((String) null);
        assertThat(column(owner, "SELECT count(*) FROM public.tasks")).containsExactly("0");
    }

    @Test
    void copyCannotReadOrWriteOtherUsersTasks() throws SQLException {
        StringWriter out = new StringWriter();
        try {
            asA.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY tasks (user_id, title) TO STDOUT", out);
            assertThat(out.toString().lines()).containsExactlyInAnyOrder(userA + "\tann: buy milk", userA + "\tann: call mum");
        } catch (SQLException | java.io.IOException refused) {
            assertThat(out.toString()).doesNotContain("bob");
        }
        assertThat(out.toString()).doesNotContain("bob");

        SQLException e = assertThrows(SQLException.class, () -> asA.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY tasks (user_id, title) FROM STDIN",
                new ByteArrayInputStream((userB + "\tplanted\n").getBytes(StandardCharsets.UTF_8))));
        // PostgreSQL refuses COPY FROM on a table under row-level security outright (0A000, not supported).
        assertThat(e.getSQLState()).isIn("0A000", INSUFFICIENT_PRIVILEGE);
        assertThat(column(directB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void anotherUsersCompletionHistoryIsInvisibleAndCannotBeWrittenTo() throws SQLException {
        assertRefused(asA, "SELECT count(*) FROM task_completions");
        assertThat(column(directA, "SELECT count(*) FROM task_completions")).containsExactly("0");
        assertThat(column(directA, "SELECT count(*) FROM task_completions WHERE user_id = " + userB))
                .containsExactly("0");
        assertRefused(directA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + taskOfB
                + ", " + userA + ", now())");
        // As B, on B's task; as A, on B's task (the foreign key alone would let it in); edits, which no one may do;
        // and deleting B's rows.
        assertRefused(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + taskOfB + ", "
                + userB + ", now())");
        assertRefused(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + taskOfB + ", "
                + userA + ", now())");
        assertRefused(asA, "UPDATE task_completions SET completed_at = now()");
        // The client may not DELETE at all; the owner's direct path, under row-level security, leaves B's rows alone.
        assertRefused(asA, "DELETE FROM task_completions");
        assertThat(update(directA, "DELETE FROM task_completions")).isZero();
        assertRefused(asA, "TRUNCATE task_completions");
        assertRefused(asA, "ALTER TABLE task_completions DISABLE ROW LEVEL SECURITY");
        assertThat(column(directB, "SELECT task_id FROM task_completions")).containsExactly(String.valueOf(taskOfB));
    }

    @Test
    void aRecordsAndReadsCompletionsOfHerOwnTasks() throws SQLException {
        String ownTask = column(directA, "SELECT min(id) FROM tasks").get(0);
        assertRefused(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + ownTask + ", "
                + userA + ", now())");
        assertThat(update(directA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (?, ?, now())",
                Integer.parseInt(ownTask), userA)).isEqualTo(1);
        assertThat(column(directA, "SELECT task_id FROM task_completions")).containsExactly(ownTask);
        // Through the client login, by sync: a put that carries one (a person of its own, so Ann's tasks stay).
        Person carol = newPerson("carol");
        ObjectNode completed = SyncCalls.put(1, UUID.randomUUID(), "title", "carol: completed",
                SyncCalls.stamp(-9_000, 0, "c"));
        UUID completion = UUID.randomUUID();
        completed.set("completions", SyncCalls.JSON.createArrayNode().add(
                SyncCalls.completion(completion, "2026-11-28T10:00:00", null)));
        assertThat(SyncCalls.statuses(SyncCalls.push(carol.connection(), UUID.randomUUID(), completed)))
                .containsExactly("applied");
        assertThat(SyncCalls.uids(SyncCalls.pullAll(carol.connection(), UUID.randomUUID(), 0, 1000), "completions"))
                .containsExactly(completion.toString());
    }

    @Test
    void aKeepsHerOwnSavedSearchesAndSeesNoneOfBs() throws SQLException {
        // Saved searches live in each device's replica; the client login cannot touch the server's table.
        assertRefused(asA, "SELECT count(*) FROM saved_searches");
        assertRefused(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userA
                + ", 'Ann''s week', 'due:7d', now())");
        assertThat(column(directA, "SELECT count(*) FROM saved_searches")).containsExactly("0");
        assertThat(column(directA, "SELECT count(*) FROM saved_searches WHERE id = " + searchOfB))
                .containsExactly("0");
        update(directA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Ann''s week', 'due:7d', now())", userA);
        assertThat(update(directA, "UPDATE saved_searches SET name = 'Ann''s days' WHERE user_id = ?", userA))
                .isEqualTo(1);
        assertThat(column(directA, "SELECT name FROM saved_searches")).containsExactly("Ann's days");
        assertThat(update(directA, "DELETE FROM saved_searches WHERE user_id = ?", userA)).isEqualTo(1);
    }

    @Test
    void anotherPersonsSavedSearchesCannotBeReadChangedDeletedOrProbed() throws SQLException {
        assertRefused(asA, "UPDATE saved_searches SET name = 'pwned'");
        assertRefused(asA, "DELETE FROM saved_searches");
        assertRefused(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userA
                + ", 'Bob''s plans', '#x', now())");
        assertThat(update(directA, "UPDATE saved_searches SET filter_text = 'pwned' WHERE id = ?", searchOfB)).isZero();
        assertThat(update(directA, "UPDATE saved_searches SET name = 'pwned'")).isZero();
        assertThat(update(directA, "DELETE FROM saved_searches WHERE id = ?", searchOfB)).isZero();
        assertThat(update(directA, "DELETE FROM saved_searches")).isZero();
        // Planting one under B's id is refused, and with B's own name too: the policy is checked before the unique
        // (user_id, name) constraint, so a "duplicate key" cannot tell A which names B uses.
        assertRefused(directA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userB
                + ", 'planted', '#x', now())");
        assertRefused(directA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userB
                + ", 'Bob''s plans', '#x', now())");
        update(directA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Ann''s own', '#mine', now())", userA);
        try {
            assertRefused(directA, "UPDATE saved_searches SET user_id = " + userB + " WHERE name = 'Ann''s own'");
        } finally {
            update(directA, "DELETE FROM saved_searches WHERE name = 'Ann''s own'");
        }
        assertRefused(asA, "TRUNCATE saved_searches");
        assertRefused(asA, "ALTER TABLE saved_searches DISABLE ROW LEVEL SECURITY");
        assertRefused(asA, "DROP POLICY saved_searches_of_signed_in_user ON saved_searches");
        assertThat(column(directB, "SELECT name || ' ' || filter_text FROM saved_searches"))
                .containsExactly("Bob's plans #secret");
    }

    @Test
    void noWayAroundRowLevelSecurity() throws SQLException {
        assertRefused(asA, "TRUNCATE tasks");
        assertRefused(asA, "ALTER TABLE tasks DISABLE ROW LEVEL SECURITY");
        assertRefused(asA, "DROP POLICY tasks_of_signed_in_user ON tasks");
        assertRefused(asA, "SET ROLE taskdesk_owner");
        assertRefused(asA, "SELECT public.taskdesk_check_own_password('bob''s password')");
        assertThat(column(directB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void aSignInOutcomeCannotBeReadBeforeTheAttemptIsCommitted() throws SQLException {
        Connection attacker = server.client(url);
        // One statement is one transaction: the result of an attempt made in it is refused.
        SQLException sameStatement = assertThrows(SQLException.class, () -> column(attacker,
                "SELECT outcome FROM public.taskdesk_sign_in_result("
                        + "public.taskdesk_sign_in('bob@example.com', 'guess 1', 3600))"));
        assertThat(sameStatement.getSQLState()).isEqualTo("TD005");

        // In an explicit transaction: refused too, and after a rollback the attempt is gone, so the guess is wasted.
        attacker.setAutoCommit(false);
        String handle = column(attacker, "SELECT public.taskdesk_sign_in('bob@example.com', 'guess 2', 3600)").get(0);
        execute(attacker, "SAVEPOINT before_result");
        SQLException sameTransaction = assertThrows(SQLException.class, () -> column(attacker,
                "SELECT outcome FROM public.taskdesk_sign_in_result('" + handle + "')"));
        assertThat(sameTransaction.getSQLState()).isEqualTo("TD005");
        attacker.rollback();
        attacker.setAutoCommit(true);
        SQLException afterRollback = assertThrows(SQLException.class, () -> column(attacker,
                "SELECT outcome FROM public.taskdesk_sign_in_result('" + handle + "')"));
        assertThat(afterRollback.getSQLState()).isEqualTo("22023");
    }

    @Test
    void aRightAndAWrongPasswordDoTheSameWritesInsideTheAttempt() throws SQLException {
        // pg_stat_xact_user_tables is readable by every role: different writes would tell the outcome before commit.
        assertThat(writesOfOneAttempt("bob's password")).isEqualTo(writesOfOneAttempt("not bob's password"));
        accounts.signIn(server.client(url), "bob@example.com", "bob's password", DAY).orThrow();
    }

    private List<String> writesOfOneAttempt(String password) throws SQLException {
        Connection attacker = server.client(url);
        attacker.setAutoCommit(false);
        try (PreparedStatement attempt = attacker.prepareStatement("SELECT public.taskdesk_sign_in(?, ?, 3600)")) {
            attempt.setString(1, "bob@example.com");
            attempt.setString(2, password);
            attempt.executeQuery().close();
        }
        List<String> writes = column(attacker, "SELECT relname || ' ins=' || n_tup_ins || ' upd=' || n_tup_upd "
                + "|| ' del=' || n_tup_del FROM pg_stat_xact_user_tables "
                + "WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname");
        attacker.rollback();
        attacker.setAutoCommit(true);
        assertThat(writes).as("the attempt wrote something").isNotEmpty();
        return writes;
    }

    // ---- Sync (migration 10): push and pull act for the signed-in person only, whatever the arguments say. Each test
    // has a victim and an attacker of its own, so that the tasks of Ann and Bob above stay as they are.

    private record Person(int id, Connection connection, String token) {
    }

    private Person newPerson(String name) throws SQLException {
        Connection shared = server.client(url);
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        int id = accounts.signUp(shared, email, name, hash(name + "'s password"));
        String token = accounts.signIn(shared, email, name + "'s password", DAY).orThrow();
        return new Person(id, server.person(url, token), token);
    }

    @Test
    void aForgedClientIdOfAnotherPersonNamesOnlyTheCallersOwnProgress() throws SQLException {
        Person victim = newPerson("victor");
        Person attacker = newPerson("mallory");
        UUID victimsLaptop = UUID.randomUUID();
        SyncCalls.push(victim.connection(), victimsLaptop,
                SyncCalls.put(1, UUID.randomUUID(), "title", "victor: one", SyncCalls.stamp(-9_000, 0, "v")),
                SyncCalls.put(2, UUID.randomUUID(), "title", "victor: two", SyncCalls.stamp(-9_000, 1, "v")));

        // Mallory pushes and pulls as Victor's laptop: her seq 1 is new to her, and it lands among her own tasks.
        JsonNode pushed = SyncCalls.push(attacker.connection(), victimsLaptop,
                SyncCalls.put(1, UUID.randomUUID(), "title", "mallory: mine", SyncCalls.stamp(-9_000, 0, "m")),
                SyncCalls.put(5, UUID.randomUUID(), "title", "mallory: ahead", SyncCalls.stamp(-9_000, 1, "m")));
        JsonNode pulled = SyncCalls.pull(attacker.connection(), victimsLaptop, 0, 100);

        assertThat(SyncCalls.statuses(pushed)).containsExactly("applied", "applied");
        assertThat(pulled.toString()).doesNotContain("victor");
        assertThat(SyncCalls.titles(victim.connection())).containsExactly("victor: one", "victor: two");
        // Victor's own progress is untouched by Mallory's seq 5: his 3 is still new, his 2 still a duplicate.
        assertThat(SyncCalls.statuses(SyncCalls.push(victim.connection(), victimsLaptop,
                SyncCalls.put(2, UUID.randomUUID(), "title", "victor: again", SyncCalls.stamp(-9_000, 2, "v")),
                SyncCalls.put(3, UUID.randomUUID(), "title", "victor: three", SyncCalls.stamp(-9_000, 3, "v")))))
                .containsExactly("duplicate", "applied");
    }

    @Test
    void aForgedCursorOrLimitReturnsNothingOfAnotherPerson() throws SQLException {
        Person victim = newPerson("victor");
        Person attacker = newPerson("mallory");
        UUID secret = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        JsonNode due = SyncCalls.json("{\"date\": \"2026-12-01\"}");
        ObjectNode withHistory = SyncCalls.put(1, secret, "title", "victor: secret",
                SyncCalls.stamp(-9_000, 0, "v"), "due", due, SyncCalls.stamp(-9_000, 0, "v"));
        withHistory.set("completions", SyncCalls.JSON.createArrayNode().add(
                SyncCalls.completion(UUID.randomUUID(), "2026-11-28T10:00:00", null)));
        SyncCalls.push(victim.connection(), UUID.randomUUID(), withHistory,
                SyncCalls.put(2, gone, "title", "victor: gone", SyncCalls.stamp(-9_000, 1, "v")),
                SyncCalls.delete(3, gone, SyncCalls.stamp(-9_000, 2, "v")));
        long victimsVersion = SyncCalls.pull(victim.connection(), UUID.randomUUID(), 0, 100).path("version")
                .asLong();

        StringBuilder everything = new StringBuilder();
        for (long after : new long[] {0, 1, 2, victimsVersion - 1, victimsVersion, Long.MAX_VALUE}) {
            everything.append(SyncCalls.pull(attacker.connection(), UUID.randomUUID(), after, 5000));
            everything.append(SyncCalls.pullRows(attacker.connection(), UUID.randomUUID(), after, 10000));
        }
        assertThat(everything.toString()).doesNotContain("victor").doesNotContain(secret.toString())
                .doesNotContain(gone.toString()).doesNotContain("2026-11-28T10:00:00")
                .doesNotContain("2026-11-28 10:00:00");
        // The same calls as Victor do return his rows: what Mallory got was not empty for want of a working call.
        assertThat(SyncCalls.pullRows(victim.connection(), UUID.randomUUID(), 0, 10000)).contains("victor: secret")
                .contains(secret.toString()).contains(gone.toString()).contains("2026-11-28 10:00:00");
        for (String forged : new String[] {"SELECT public.taskdesk_sync_pull(gen_random_uuid(), -1, 10)",
                                           "SELECT public.taskdesk_sync_pull(gen_random_uuid(), 0, 5001)",
                                           "SELECT public.taskdesk_sync_pull(gen_random_uuid(), 0, 0)",
                                           "SELECT public.taskdesk_sync_pull(NULL, 0, 10)",
                                           "SELECT * FROM public.taskdesk_sync_pull_rows(gen_random_uuid(), -1, 10)",
                                           "SELECT * FROM public.taskdesk_sync_pull_rows(gen_random_uuid(), 0, 10001)",
                                           "SELECT * FROM public.taskdesk_sync_pull_rows(gen_random_uuid(), 0, 0)",
                                           "SELECT * FROM public.taskdesk_sync_pull_rows(NULL, 0, 10)"}) {
            SQLException e = assertThrows(SQLException.class, () -> column(attacker.connection(), forged), forged);
            assertThat(e.getSQLState()).as(forged).isEqualTo("22023");
        }
    }

    @Test
    void anotherPersonsTaskUidsCannotBeTouchedAndTheAnswerDoesNotTellThatTheyExist() throws SQLException {
        Person victim = newPerson("victor");
        Person attacker = newPerson("mallory");
        UUID live = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID victimsMutation = UUID.randomUUID();
        ObjectNode first = SyncCalls.put(1, live, "title", "victor: live",
                SyncCalls.stamp(-9_000, 0, "v"));
        first.put("id", victimsMutation.toString());
        UUID untouched = UUID.randomUUID();
        SyncCalls.push(victim.connection(), UUID.randomUUID(), first,
                SyncCalls.put(2, deleted, "title", "victor: deleted", SyncCalls.stamp(-9_000, 1, "v")),
                SyncCalls.delete(3, deleted, SyncCalls.stamp(-9_000, 2, "v")),
                SyncCalls.put(4, untouched, "title", "victor: untouched", SyncCalls.stamp(-9_000, 3, "v")));
        UUID unknown = UUID.randomUUID();
        UUID laptop = UUID.randomUUID();

        // The same three acts on Victor's live uid, Victor's deleted uid and a uid nobody has; Victor's mutation id
        // reused too. Greater stamps than Victor's, so that a merge into his rows would win if it happened.
        List<String> answers = new ArrayList<>();
        long seq = 0;
        for (UUID uid : new UUID[] {live, deleted, unknown}) {
            ObjectNode put = SyncCalls.put(++seq, uid, "title", "pwned",
                    SyncCalls.stamp(-1_000, 0, "m"));
            put.put("id", victimsMutation.toString());
            JsonNode answer = SyncCalls.push(attacker.connection(), laptop, put,
                    SyncCalls.delete(++seq, uid, SyncCalls.stamp(-900, 0, "m")),
                    SyncCalls.restore(++seq, uid, SyncCalls.stamp(-800, 0, "m"), "title", "pwned again",
                            SyncCalls.stamp(-800, 0, "m")));
            for (JsonNode result : answer.path("results")) {
                answers.add(((ObjectNode) result.deepCopy()).without("id").toString());
            }
        }

        assertThat(answers.subList(0, 3)).as("Victor's live uid gets the answers a new uid gets")
                .isEqualTo(answers.subList(6, 9));
        assertThat(answers.subList(3, 6)).as("Victor's deleted uid gets the answers a new uid gets")
                .isEqualTo(answers.subList(6, 9));
        List<JsonNode> victims = SyncCalls.pullAll(victim.connection(), UUID.randomUUID(), 0, 100);
        assertThat(SyncCalls.uids(victims, "tasks")).containsExactlyInAnyOrder(live.toString(), untouched.toString());
        assertThat(SyncCalls.task(victims, live).at("/fields/title/v").asText()).isEqualTo("victor: live");
        assertThat(SyncCalls.uids(victims, "deleted")).containsExactly(deleted.toString());
        assertThat(victims.toString()).doesNotContain("pwned");
        // What Mallory did happened to her own rows, under the same uids.
        assertThat(SyncCalls.titles(attacker.connection()))
                .containsExactly("pwned again", "pwned again", "pwned again");
        // The client login may not insert directly at all; on the owner's direct path, with her session, an insert
        // under Victor's uid is just another row of hers: no duplicate key tells her it exists.
        assertRefused(attacker.connection(), "INSERT INTO tasks (user_id, title, uid) VALUES (" + attacker.id()
                + ", 'mine too', '" + untouched + "')");
        Connection attackerDirect = server.owner(url);
        accounts.useSession(attackerDirect, attacker.token());
        update(attackerDirect, "INSERT INTO tasks (user_id, title, uid) VALUES (?, 'mine too', ?)",
                attacker.id(), untouched);
        assertThat(SyncCalls.titles(victim.connection())).containsExactly("victor: live", "victor: untouched");
    }

    /** A new task's row as the device writes it for taskdesk_sync_push_new (V17): every field stamped {@code stamp}. */
    private static String row(UUID task, String title, String stamp) {
        return String.join("\t", UUID.randomUUID().toString(), task.toString(), "2026-11-01T10:00:00", title,
                "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "f", "\\N", stamp, stamp, stamp, stamp, stamp, stamp,
                stamp);
    }

    @Test
    void thePushOfNewTasksAsRowsWritesOnlyTheCallersOwnRowsAndProgress() throws SQLException {
        Person victim = newPerson("victor");
        Person attacker = newPerson("mallory");
        UUID victimsLaptop = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        SyncCalls.push(victim.connection(), victimsLaptop,
                SyncCalls.put(1, live, "title", "victor: live", SyncCalls.stamp(-9_000, 0, "v")),
                SyncCalls.put(2, deleted, "title", "victor: deleted", SyncCalls.stamp(-9_000, 1, "v")),
                SyncCalls.delete(3, deleted, SyncCalls.stamp(-9_000, 2, "v")));

        // Mallory sends rows as Victor's laptop, under Victor's live and deleted uids and a new one, with greater
        // stamps than Victor's, so that a write into his rows would win if it happened.
        String stamp = SyncCalls.stamp(-1_000, 0, "m");
        JsonNode answer = SyncCalls.pushNew(attacker.connection(), victimsLaptop, String.join("\n",
                row(live, "pwned", stamp), row(deleted, "pwned", stamp), row(UUID.randomUUID(), "pwned", stamp)));

        assertThat(answer.path("left")).as("Victor's uids get the answer a new uid gets").isEmpty();
        assertThat(SyncCalls.titles(attacker.connection())).containsExactly("pwned", "pwned", "pwned");
        List<JsonNode> victims = SyncCalls.pullAll(victim.connection(), UUID.randomUUID(), 0, 100);
        assertThat(SyncCalls.uids(victims, "tasks")).containsExactly(live.toString());
        assertThat(SyncCalls.uids(victims, "deleted")).containsExactly(deleted.toString());
        assertThat(victims.toString()).doesNotContain("pwned");
        // Victor's laptop's progress is his own: his 3 is still a duplicate, his 4 new.
        assertThat(SyncCalls.statuses(SyncCalls.push(victim.connection(), victimsLaptop,
                SyncCalls.put(3, UUID.randomUUID(), "title", "victor: again", SyncCalls.stamp(-9_000, 3, "v")),
                SyncCalls.put(4, UUID.randomUUID(), "title", "victor: four", SyncCalls.stamp(-9_000, 4, "v")))))
                .containsExactly("duplicate", "applied");
    }

    @Test
    void rowsThatAreNotWhatTheDeviceWritesAreLeftAndTheirCallIsBounded() throws SQLException {
        Person attacker = newPerson("mallory");
        String stamp = SyncCalls.stamp(-1_000, 0, "m");
        String fine = row(UUID.randomUUID(), "fine", stamp);
        List<String> forged = List.of(
                row(UUID.randomUUID(), "x'); DELETE FROM tasks; --", stamp).replace("\tf\t", "\tyes\t"),
                row(UUID.randomUUID(), "bad escape \\x41", stamp),
                row(UUID.randomUUID(), "a zero byte \\000", stamp),
                row(UUID.randomUUID(), "high byte \\377", stamp),
                fine.substring(0, fine.lastIndexOf('\t')),
                fine + "\textra",
                row(UUID.randomUUID(), "   ", stamp),
                row(UUID.randomUUID(), "t".repeat(201), stamp),
                row(UUID.randomUUID(), "bad stamp", "0192f3a4b5c6d-0000-" + "n".repeat(46)),
                row(UUID.randomUUID(), "bad date", stamp).replace("2026-11-01T10:00:00", "2026-02-29T10:00:00"),
                "",
                "not a row at all");
        JsonNode answer = SyncCalls.pushNew(attacker.connection(), UUID.randomUUID(),
                String.join("\n", forged) + "\n" + fine);

        List<String> left = new ArrayList<>();
        answer.path("left").forEach(line -> left.add(line.toString()));
        List<String> expected = new ArrayList<>();
        for (int line = 1; line <= forged.size(); line++) {
            expected.add("[" + line + ",\"not well-formed\"]");
        }
        assertThat(left).isEqualTo(expected);
        assertThat(SyncCalls.titles(attacker.connection())).containsExactly("fine");

        for (String call : new String[] {
                "SELECT public.taskdesk_sync_push_new(gen_random_uuid(), repeat(E'x\\n', 2000) || 'x')",
                "SELECT public.taskdesk_sync_push_new(NULL, 'x')",
                "SELECT public.taskdesk_sync_push_new(gen_random_uuid(), NULL)",
                "SELECT public.taskdesk_sync_push_new(gen_random_uuid(), '')"}) {
            SQLException e = assertThrows(SQLException.class, () -> column(attacker.connection(), call), call);
            assertThat(e.getSQLState()).as(call).isEqualTo("22023");
        }
        // Without a session, and as the shared login (which signs in only, since V14).
        Connection stranger = newPerson("stella").connection();
        accounts.useSession(stranger, null);
        SQLException noSession = assertThrows(SQLException.class,
                () -> SyncCalls.pushNew(stranger, UUID.randomUUID(), fine));
        assertThat(noSession.getSQLState()).isEqualTo("TD004");
        SQLException shared = assertThrows(SQLException.class,
                () -> SyncCalls.pushNew(server.client(url), UUID.randomUUID(), fine));
        assertThat(shared.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void withoutASessionPushAndPullAreRefused() throws SQLException {
        // A member's own login (V14) without its session, or with a made-up one.
        Connection stranger = newPerson("stella").connection();
        accounts.useSession(stranger, null);
        Connection madeUp = newPerson("mark").connection();
        accounts.useSession(madeUp, "00".repeat(32));
        for (Connection connection : List.of(stranger, madeUp)) {
            SQLException push = assertThrows(SQLException.class, () -> SyncCalls.push(connection,
                    UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(), "title", "x",
                            SyncCalls.stamp(-9_000, 0, "x"))));
            assertThat(push.getSQLState()).isEqualTo("TD004");
            SQLException pull = assertThrows(SQLException.class,
                    () -> SyncCalls.pull(connection, UUID.randomUUID(), 0, 10));
            assertThat(pull.getSQLState()).isEqualTo("TD004");
            SQLException rows = assertThrows(SQLException.class,
                    () -> SyncCalls.pullRows(connection, UUID.randomUUID(), 0, 10));
            assertThat(rows.getSQLState()).isEqualTo("TD004");
        }
        // The shared login may not call them at all since V14 (ADR 30).
        SQLException shared = assertThrows(SQLException.class,
                () -> SyncCalls.pull(server.client(url), UUID.randomUUID(), 0, 10));
        assertThat(shared.getSQLState()).isEqualTo("42501");
        SQLException sharedRows = assertThrows(SQLException.class,
                () -> SyncCalls.pullRows(server.client(url), UUID.randomUUID(), 0, 10));
        assertThat(sharedRows.getSQLState()).isEqualTo("42501");
    }

    @Test
    void syncsTablesAndHelpersAreOutOfReach() throws SQLException {
        assertRefused(asA, "SELECT * FROM task_tombstones");
        assertRefused(asA, "SELECT * FROM sync_clients");
        assertRefused(asA, "UPDATE sync_clients SET last_seq = 0");
        assertRefused(asA, "INSERT INTO task_tombstones VALUES (" + userB + ", gen_random_uuid(), 'x', 1, now())");
        // The internal helpers take a person's id: callable only by the owner, from push.
        assertRefused(asA, "SELECT public.taskdesk_sync_apply(" + userB + ", '{\"op\": \"delete\", \"task\": "
                + "\"00000000-0000-4000-8000-000000000000\", \"c\": \"x\"}')");
        assertRefused(asA, "SELECT public.taskdesk_sync_merge_fields(" + taskOfB + ", '{}')");
        assertRefused(asA, "SELECT public.taskdesk_sync_insert_task(" + userB + ", gen_random_uuid(), "
                + "'{\"title\": {\"v\": \"planted\", \"c\": \"x\"}}', NULL)");
        assertRefused(asA, "SELECT public.taskdesk_sync_purge(1)");
        assertRefused(asA, "ALTER TABLE tasks DISABLE TRIGGER tasks_sync_deleted");
        assertThat(column(directB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    private static void assertRefused(Connection connection, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(connection, sql), sql);
        assertThat(e.getSQLState()).as("SQLSTATE of %s: %s", sql, e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
