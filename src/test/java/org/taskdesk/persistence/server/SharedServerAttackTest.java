package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;
import static org.taskdesk.persistence.server.SharedServer.update;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
    private Connection asA;
    private Connection asB;

    @BeforeAll
    void twoUsersWithTasks() throws SQLException {
        url = server.newDatabase();
        asA = server.client(url);
        asB = server.client(url);
        userA = accounts.signUp(asA, "ann@example.com", "Ann", hash("ann's password"));
        userB = accounts.signUp(asB, "bob@example.com", "Bob", hash("bob's password"));
        accounts.useSession(asA, accounts.signIn(asA, "ann@example.com", "ann's password", DAY).orThrow());
        accounts.useSession(asB, accounts.signIn(asB, "bob@example.com", "bob's password", DAY).orThrow());
        update(asA, "INSERT INTO tasks (user_id, title) VALUES (?, 'ann: buy milk'), (?, 'ann: call mum')", userA, userA);
        update(asB, "INSERT INTO tasks (user_id, title, description) VALUES (?, 'bob: secret plan', 'bob only')", userB);
        taskOfB = Integer.parseInt(column(asB, "SELECT id FROM tasks").get(0));
        update(asB, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (?, ?, now())", taskOfB, userB);
        update(asB, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Bob''s plans', '#secret', now())", userB);
        searchOfB = Integer.parseInt(column(asB, "SELECT id FROM saved_searches").get(0));
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void aSeesExactlyHerOwnTasks() throws SQLException {
        assertThat(column(asA, "SELECT title FROM tasks ORDER BY title")).containsExactly("ann: buy milk", "ann: call mum");
        assertThat(column(asA, "SELECT count(*) FROM tasks WHERE user_id = " + userB)).containsExactly("0");
        assertThat(column(asA, "SELECT count(*) FROM tasks WHERE id = " + taskOfB)).containsExactly("0");
    }

    @Test
    void aCanCreateReadUpdateAndDeleteHerOwnTasks() throws SQLException {
        update(asA, "INSERT INTO tasks (user_id, title) VALUES (?, 'ann: temporary')", userA);
        assertThat(update(asA, "UPDATE tasks SET title = 'ann: renamed' WHERE title = 'ann: temporary'")).isEqualTo(1);
        assertThat(column(asA, "SELECT title FROM tasks WHERE title LIKE 'ann: ren%'")).containsExactly("ann: renamed");
        assertThat(update(asA, "DELETE FROM tasks WHERE title = 'ann: renamed'")).isEqualTo(1);
        assertThat(column(asA, "SELECT count(*) FROM tasks")).containsExactly("2");
    }

    @Test
    void aCannotUpdateOrDeleteBsTask() throws SQLException {
        assertThat(update(asA, "UPDATE tasks SET title = 'pwned' WHERE id = ?", taskOfB)).isZero();
        assertThat(update(asA, "UPDATE tasks SET title = 'pwned' WHERE user_id = ?", userB)).isZero();
        assertThat(update(asA, "DELETE FROM tasks WHERE id = ?", taskOfB)).isZero();
        assertThat(update(asA, "DELETE FROM tasks WHERE user_id = ?", userB)).isZero();
        assertThat(column(asB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void aCannotWriteATaskAsB() throws SQLException {
        assertRefused(asA, "INSERT INTO tasks (user_id, title) VALUES (" + userB + ", 'planted')");
        assertRefused(asA, "UPDATE tasks SET user_id = " + userB + " WHERE title = 'ann: buy milk'");
        assertRefused(asA, "INSERT INTO tasks (id, user_id, title) VALUES (" + (taskOfB + 1000) + ", " + userB + ", 'x') "
                + "ON CONFLICT (id) DO NOTHING");
        assertThat(column(asB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void aMadeUpTokenSeesNothingAndCanWriteNothing() throws SQLException {
        Connection stranger = server.client(url);
        accounts.useSession(stranger, "00".repeat(32));

        assertThat(column(stranger, "SELECT count(*) FROM tasks")).containsExactly("0");
        assertThat(accounts.whoAmI(stranger)).isEmpty();
        assertRefused(stranger, "INSERT INTO tasks (user_id, title) VALUES (" + userB + ", 'x')");
        assertThat(update(stranger, "DELETE FROM tasks")).isZero();
    }

    @Test
    void anExpiredTokenSeesNothing() throws SQLException {
        Connection late = server.client(url);
        accounts.useSession(late, accounts.signIn(late, "bob@example.com", "bob's password", DAY).orThrow());
        assertThat(column(late, "SELECT count(*) FROM tasks")).as("before it expires").containsExactly("1");
        Connection owner = server.owner(url);
        update(owner, "UPDATE sessions SET expires_at = (now() AT TIME ZONE 'UTC') - interval '1 second' "
                + "WHERE user_id = ? AND created_at = (SELECT max(created_at) FROM sessions WHERE user_id = ?)", userB, userB);

        assertThat(column(late, "SELECT count(*) FROM tasks")).containsExactly("0");
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

        // Nor after any other write of the same transaction: here Ann adds a task of her own first.
        asA.setAutoCommit(false);
        try {
            update(asA, "INSERT INTO tasks (user_id, title) VALUES (?, 'ann: cover')", userA);
            SQLException afterWrite = assertThrows(SQLException.class,
                    () -> column(asA, "SELECT public.taskdesk_sign_in('bob@example.com', 'guess 2', 3600)"));
            assertThat(afterWrite.getSQLState()).isEqualTo("TD005");
        } finally {
            asA.rollback();
            asA.setAutoCommit(true);
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
        Connection client = server.client(url);
        execute(client, "SET search_path = pg_temp, public");
        accounts.useSession(client, accounts.signIn(client, "ann@example.com", "ann's password", DAY).orThrow());
        assertThat(accounts.whoAmI(client)).map(Who::id).contains(userA);
        assertThat(column(client, "SELECT count(*) FROM tasks")).containsExactly("2");

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
        assertThat(column(asB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
    }

    @Test
    void anotherUsersCompletionHistoryIsInvisibleAndCannotBeWrittenTo() throws SQLException {
        assertThat(column(asA, "SELECT count(*) FROM task_completions")).containsExactly("0");
        assertThat(column(asA, "SELECT count(*) FROM task_completions WHERE user_id = " + userB)).containsExactly("0");
        // As B, on B's task; as A, on B's task (the foreign key alone would let it in); edits, which no one may do;
        // and deleting B's rows.
        assertRefused(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + taskOfB + ", "
                + userB + ", now())");
        assertRefused(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (" + taskOfB + ", "
                + userA + ", now())");
        assertRefused(asA, "UPDATE task_completions SET completed_at = now()");
        // DELETE is granted for undoing one's own completion; row-level security leaves B's rows out of reach.
        assertThat(update(asA, "DELETE FROM task_completions")).isZero();
        assertRefused(asA, "TRUNCATE task_completions");
        assertRefused(asA, "ALTER TABLE task_completions DISABLE ROW LEVEL SECURITY");
        assertThat(column(asB, "SELECT task_id FROM task_completions")).containsExactly(String.valueOf(taskOfB));
    }

    @Test
    void aRecordsAndReadsCompletionsOfHerOwnTasks() throws SQLException {
        String ownTask = column(asA, "SELECT min(id) FROM tasks").get(0);
        assertThat(update(asA, "INSERT INTO task_completions (task_id, user_id, completed_at) VALUES (?, ?, now())",
                Integer.parseInt(ownTask), userA)).isEqualTo(1);
        assertThat(column(asA, "SELECT task_id FROM task_completions")).containsExactly(ownTask);
    }

    @Test
    void aKeepsHerOwnSavedSearchesAndSeesNoneOfBs() throws SQLException {
        assertThat(column(asA, "SELECT count(*) FROM saved_searches")).containsExactly("0");
        assertThat(column(asA, "SELECT count(*) FROM saved_searches WHERE id = " + searchOfB)).containsExactly("0");
        update(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Ann''s week', 'due:7d', now())", userA);
        assertThat(update(asA, "UPDATE saved_searches SET name = 'Ann''s days' WHERE user_id = ?", userA)).isEqualTo(1);
        assertThat(column(asA, "SELECT name FROM saved_searches")).containsExactly("Ann's days");
        assertThat(update(asA, "DELETE FROM saved_searches WHERE user_id = ?", userA)).isEqualTo(1);
    }

    @Test
    void anotherPersonsSavedSearchesCannotBeReadChangedDeletedOrProbed() throws SQLException {
        assertThat(update(asA, "UPDATE saved_searches SET filter_text = 'pwned' WHERE id = ?", searchOfB)).isZero();
        assertThat(update(asA, "UPDATE saved_searches SET name = 'pwned'")).isZero();
        assertThat(update(asA, "DELETE FROM saved_searches WHERE id = ?", searchOfB)).isZero();
        assertThat(update(asA, "DELETE FROM saved_searches")).isZero();
        // Planting one under B's id is refused, and with B's own name too: the policy is checked before the unique
        // (user_id, name) constraint, so a "duplicate key" cannot tell A which names B uses.
        assertRefused(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userB
                + ", 'planted', '#x', now())");
        assertRefused(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) VALUES (" + userB
                + ", 'Bob''s plans', '#x', now())");
        update(asA, "INSERT INTO saved_searches (user_id, name, filter_text, created_at) "
                + "VALUES (?, 'Ann''s own', '#mine', now())", userA);
        try {
            assertRefused(asA, "UPDATE saved_searches SET user_id = " + userB + " WHERE name = 'Ann''s own'");
        } finally {
            update(asA, "DELETE FROM saved_searches WHERE name = 'Ann''s own'");
        }
        assertRefused(asA, "TRUNCATE saved_searches");
        assertRefused(asA, "ALTER TABLE saved_searches DISABLE ROW LEVEL SECURITY");
        assertRefused(asA, "DROP POLICY saved_searches_of_signed_in_user ON saved_searches");
        assertThat(column(asB, "SELECT name || ' ' || filter_text FROM saved_searches"))
                .containsExactly("Bob's plans #secret");
    }

    @Test
    void noWayAroundRowLevelSecurity() throws SQLException {
        assertRefused(asA, "TRUNCATE tasks");
        assertRefused(asA, "ALTER TABLE tasks DISABLE ROW LEVEL SECURITY");
        assertRefused(asA, "DROP POLICY tasks_of_signed_in_user ON tasks");
        assertRefused(asA, "SET ROLE taskdesk_owner");
        assertRefused(asA, "SELECT public.taskdesk_check_own_password('bob''s password')");
        assertThat(column(asB, "SELECT title FROM tasks")).containsExactly("bob: secret plan");
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
