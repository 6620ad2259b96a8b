package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.column;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.testing.TestPostgres;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServerSetupTest {
    private final SharedServer server = new SharedServer();
    private final SharedServerSetup setup = new SharedServerSetup();

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void theClientRoleGetsExactlyWhatClientsNeed() throws SQLException {
        String url = server.newDatabase();
        Connection owner = server.owner(url);

        assertThat(privileges(owner, server.clientRole)).containsExactly(
                "attributes login=true super=false createdb=false createrole=false inherit=false bypassrls=false",
                "database connect=true temp=false",
                // Since V14 (ADR 30) the shared login signs up and signs in, and hands the session a login of its
                // own; what a signed-in device calls is the group's (SharedServerPersonLoginTest).
                "function taskdesk_change_password(text,text) false",
                "function taskdesk_check_own_password(text) false",
                "function taskdesk_check_password_hash(text) false",
                "function taskdesk_check_statement_age() false",
                "function taskdesk_current_user_id() false",
                "function taskdesk_delete_account(text) false",
                "function taskdesk_drop_login(text) false",
                "function taskdesk_login_prefix() false",
                "function taskdesk_people_role() false",
                "function taskdesk_restore_login(text) false",
                "function taskdesk_session_caller_ok(text) false",
                "function taskdesk_session_login(text) true",
                "function taskdesk_sign_in(text,text,integer) true",
                "function taskdesk_sign_in_block(integer) false",
                "function taskdesk_sign_in_result(text) true",
                "function taskdesk_sign_out() false",
                "function taskdesk_sign_up(text,text,text) true",
                "function taskdesk_sweep_logins(integer) false",
                // Sync (V10): push and pull; the helpers, the triggers' functions and the owner's purge are not theirs.
                "function taskdesk_sync_apply(integer,jsonb) false",
                "function taskdesk_sync_clock_now(text) false",
                "function taskdesk_sync_due_problem(text,jsonb) false",
                "function taskdesk_sync_due_timestamp(jsonb) false",
                "function taskdesk_sync_field_problem(text,jsonb) false",
                "function taskdesk_sync_greatest_stamp(jsonb) false",
                "function taskdesk_sync_insert_task(integer,uuid,jsonb,timestamp without time zone) false",
                "function taskdesk_sync_lock_person() false",
                "function taskdesk_sync_merge_fields(integer,jsonb) false",
                "function taskdesk_sync_mutation_problem(jsonb) false",
                "function taskdesk_sync_next_stamp(text) false",
                "function taskdesk_sync_pull(uuid,bigint,integer) false",
                "function taskdesk_sync_pull_rows(uuid,bigint,integer) false",
                "function taskdesk_sync_purge(integer) false",
                "function taskdesk_sync_purge_own(integer) false",
                "function taskdesk_sync_push(uuid,jsonb) false",
                "function taskdesk_sync_push_new(uuid,text) false",
                "function taskdesk_sync_stamp_ms(text) false",
                "function taskdesk_sync_stamp_problem(jsonb) false",
                "function taskdesk_sync_take_version() false",
                "function taskdesk_sync_task_deleted() false",
                "function taskdesk_sync_task_written() false",
                "function taskdesk_sync_timestamp(text) false",
                "function taskdesk_sync_wall_ms() false",
                "function taskdesk_whoami() true",
                "schema public usage=true create=false",
                // No table or sequence of anyone's data since V12 (ADR 29): only the functions reach it.
                "sequence saved_searches_id_seq usage=false select=false update=false",
                "sequence task_completions_id_seq usage=false select=false update=false",
                "sequence tasks_id_seq usage=false select=false update=false",
                "sequence users_id_seq usage=false select=false update=false",
                "table flyway_schema_history SELECT",
                "table person_login_slots none",
                "table saved_searches none",
                "table server_settings none",
                "table sessions none",
                "table sign_in_attempts none",
                "table sign_in_checks none",
                "table sync_clients none",
                "table sync_function_bodies none",
                "table task_completions none",
                "table task_tombstones none",
                "table tasks none",
                "table users none");
        assertThat(column(owner, "SELECT has_database_privilege('public', current_database(), 'TEMP')::text || ' '"
                + " || has_schema_privilege('public', 'public', 'CREATE')::text")).as("PUBLIC: TEMP, CREATE")
                .containsExactly("false false");
    }

    @Test
    void runningItAgainPutsBackWhatWasChangedAndKeepsThePassword() throws SQLException {
        String url = server.newDatabase();
        Connection owner = server.owner(url);
        List<String> before = privileges(owner, server.clientRole);
        try (Statement statement = owner.createStatement()) {
            // TRUNCATE ignores row-level security; TEMP would let a client shadow tables; CREATEDB is just too much.
            statement.execute("GRANT TRUNCATE, REFERENCES ON tasks TO " + server.clientRole);
            statement.execute("GRANT SELECT ON users TO PUBLIC");
            statement.execute("GRANT TEMP ON DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " TO PUBLIC");
            statement.execute("ALTER ROLE " + server.clientRole + " CREATEDB INHERIT");
        }

        setup.setUp(owner, server.clientRole, null);
        setup.setUp(owner, server.clientRole, null);

        assertThat(privileges(owner, server.clientRole)).isEqualTo(before);
        assertThat(column(server.client(url), "SELECT current_user")).as("the old password still works")
                .containsExactly(server.clientRole);
    }

    @Test
    void aNewPasswordWithQuotesWorksAndTheOldOneNoLonger() throws SQLException {
        String url = server.newDatabase();
        String newPassword = "new 'one'; DROP ROLE x; -- \"$x$\" ünïcødé";

        setup.setUp(server.owner(url), server.clientRole, newPassword);

        try (Connection client = connect(url, server.clientRole, newPassword)) {
            assertThat(column(client, "SELECT current_user")).containsExactly(server.clientRole);
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> connect(url, server.clientRole, SharedServer.CLIENT_PASSWORD).close());
        assertThat(refused.getSQLState()).isEqualTo("28P01");
        setup.setUp(server.owner(url), server.clientRole, SharedServer.CLIENT_PASSWORD);
    }

    @Test
    void anUnmigratedOrOutdatedDatabaseIsRefused() throws SQLException {
        String empty = TestPostgres.newDatabaseUrl();
        try (Connection owner = TestPostgres.connect(empty)) {
            TaskDeskException e = assertThrows(TaskDeskException.class,
                    () -> setup.setUp(owner, server.clientRole, SharedServer.CLIENT_PASSWORD));
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
            assertThat(e.getMessage()).isEqualTo("The database is at version none, but setting up a shared server needs "
                    + "version 18 (head): run taskdesk db upgrade head as the database owner first.");
        }
        String atThree = TestPostgres.newDatabaseUrl();
        DatabaseSchemas.of(new DatabaseConnections(new DatabaseUrl(Path.of("target"), Path.of("target")).parse(atThree)),
                Clock.systemUTC()).upgrade(0, 3, step -> { });
        try (Connection owner = TestPostgres.connect(atThree)) {
            TaskDeskException e = assertThrows(TaskDeskException.class,
                    () -> setup.setUp(owner, server.clientRole, SharedServer.CLIENT_PASSWORD));
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
            assertThat(e.getMessage()).startsWith("The database is at version 3,");
        }
    }

    @Test
    void onlyTheOwnerMaySetUp() throws SQLException {
        String url = server.newDatabase();
        Connection client = server.client(url);

        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> setup.setUp(client, server.clientRole, null));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("Setting up a shared server needs a connection as the owner of the "
                + "database and its tables, not as " + server.clientRole + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Client", "1client", "pg_client", "client-role", "x\"; DROP ROLE taskdesk_owner; --",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void badRoleNamesAreRefusedBeforeAnythingIsSent(String name) throws SQLException {
        String url = server.newDatabase();

        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> setup.setUp(server.owner(url), name, "password"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("The client role name must be 1 to 63 lower-case letters");
    }

    @Test
    void rolesThatCouldDoMoreThanAClientAreRefused() throws SQLException {
        String url = server.newDatabase();
        Connection owner = server.owner(url);

        TaskDeskException self = assertThrows(TaskDeskException.class,
                () -> setup.setUp(owner, TestPostgres.server().user(), "password"));
        assertThat(self.getMessage()).contains("cannot be the shared client role: it is the role this connection uses");

        String member = "td_member_" + UUID.randomUUID().toString().substring(0, 8);
        try (Statement statement = owner.createStatement()) {
            statement.execute("CREATE ROLE " + member + " LOGIN");
            statement.execute("GRANT " + server.clientRole + " TO " + member);
        }
        try {
            TaskDeskException e = assertThrows(TaskDeskException.class, () -> setup.setUp(owner, member, "password"));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("it is a member of other roles");
        } finally {
            try (Statement statement = owner.createStatement()) {
                statement.execute("DROP ROLE " + member);
            }
        }
    }

    @Test
    void aNewRoleNeedsAPassword() throws SQLException {
        String url = server.newDatabase();
        String role = "td_new_" + UUID.randomUUID().toString().substring(0, 8);

        TaskDeskException e = assertThrows(TaskDeskException.class, () -> setup.setUp(server.owner(url), role, null));

        assertThat(e.getMessage()).isEqualTo("The client role " + role + " does not exist yet: give it a password.");
        assertThat(column(server.owner(url), "SELECT rolname FROM pg_roles WHERE rolname = '" + role + "'")).isEmpty();
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        TestPostgres.Server server = TestPostgres.server();
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + url.substring(url.lastIndexOf('/') + 1), properties);
    }

    /** The role's attributes and its privileges on everything in the database, one line each. */
    private static List<String> privileges(Connection owner, String role) throws SQLException {
        String r = "'" + role + "'";
        return column(owner, """
                SELECT 'attributes login=' || rolcanlogin || ' super=' || rolsuper || ' createdb=' || rolcreatedb
                       || ' createrole=' || rolcreaterole || ' inherit=' || rolinherit || ' bypassrls=' || rolbypassrls
                FROM pg_roles WHERE rolname = %1$s
                UNION ALL
                SELECT 'database connect=' || has_database_privilege(%1$s, current_database(), 'CONNECT')
                       || ' temp=' || has_database_privilege(%1$s, current_database(), 'TEMP')
                UNION ALL
                SELECT 'schema public usage=' || has_schema_privilege(%1$s, 'public', 'USAGE')
                       || ' create=' || has_schema_privilege(%1$s, 'public', 'CREATE')
                UNION ALL
                SELECT 'table ' || c.relname || ' ' || coalesce(nullif(array_to_string(ARRAY(
                           SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                                                      'TRIGGER']) p
                           WHERE has_table_privilege(%1$s, c.oid, p)), ','), ''), 'none')
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                UNION ALL
                SELECT 'sequence ' || c.relname || ' usage=' || has_sequence_privilege(%1$s, c.oid, 'USAGE')
                       || ' select=' || has_sequence_privilege(%1$s, c.oid, 'SELECT')
                       || ' update=' || has_sequence_privilege(%1$s, c.oid, 'UPDATE')
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
                UNION ALL
                SELECT 'function ' || p.oid::regprocedure || ' ' || has_function_privilege(%1$s, p.oid, 'EXECUTE')
                FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'taskdesk%%'
                ORDER BY 1""".formatted(r));
    }
}
