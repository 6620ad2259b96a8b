package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.taskdesk.accounts.AccountServer;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.testing.TestPostgres;

/**
 * Per-person logins (V14, ADR 30): {@code server setup} makes the group that holds a signed-in device's rights, each
 * sign-in hands the device a PostgreSQL login of its own, and logins go with their sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServerPersonLoginTest {
    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    private String serverWithAnn() throws SQLException {
        String url = server.newDatabase();
        accounts.signUp(server.client(url), "ann@example.com", "Ann", hash("ann's password"));
        return url;
    }

    private static String people(Connection owner) throws SQLException {
        return column(owner, "SELECT 'td_' || oid || '_people' FROM pg_database WHERE datname = current_database()")
                .get(0);
    }

    private AccountServer accountServer(String url) {
        DatabaseTarget shared = new DatabaseUrl(Path.of("target"), Path.of("target")).parse(url);
        return SharedServerAccounts.over(new DatabaseConnections(new DatabaseTarget(shared.kind(), shared.jdbcUrl(),
                server.clientRole, SharedServer.CLIENT_PASSWORD, shared.displayName(), shared.h2File())));
    }

    @Test
    void setupMakesAGroupThatMayCallOnlyWhatASignedInDeviceCalls() throws SQLException {
        String url = serverWithAnn();
        Connection owner = server.owner(url);
        String people = people(owner);
        assertThat(column(owner, "SELECT rolcanlogin || ' ' || rolsuper || ' ' || rolcreaterole || ' ' || rolcreatedb "
                + "FROM pg_roles WHERE rolname = '" + people + "'")).containsExactly("false false false false");
        assertThat(column(owner, "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace "
                + "AND p.proname LIKE 'taskdesk%' AND has_function_privilege('" + people + "', p.oid, 'EXECUTE') "
                + "ORDER BY 1")).containsExactly("taskdesk_change_password", "taskdesk_current_user_id",
                "taskdesk_delete_account", "taskdesk_sign_out", "taskdesk_sync_pull", "taskdesk_sync_pull_rows",
                "taskdesk_sync_push", "taskdesk_sync_push_new",
                "taskdesk_whoami");
        assertThat(column(owner, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace "
                + "AND ((c.relkind = 'r' AND (has_table_privilege('" + people + "', c.oid, 'SELECT') "
                + "OR has_table_privilege('" + people + "', c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE'))) "
                + "OR (c.relkind = 'S' AND has_sequence_privilege('" + people + "', c.oid, 'USAGE,SELECT,UPDATE')))"))
                .as("tables and sequences the group may touch").containsExactly("flyway_schema_history");
        assertThat(column(owner, "SELECT has_database_privilege('" + people + "', current_database(), 'TEMP')::text"))
                .containsExactly("false");
    }

    @Test
    void signInHandsTheDeviceALoginOfItsOwnThatAloneMayUseTheSession() throws Exception {
        String url = serverWithAnn();
        UserSession ann = accountServer(url).signIn("ann@example.com", "ann's password", DAY);
        ServerCredential credential = ServerCredential.read(ann.token());
        Connection owner = server.owner(url);
        String login = credential.ownLogin().orElseThrow();

        assertThat(login).matches("td_[0-9]+_[0-9a-f]{24}").startsWith(people(owner).replace("people", ""));
        assertThat(column(owner, "SELECT rolcanlogin || ' ' || rolconnlimit || ' ' || rolsuper || ' ' || rolcreaterole"
                + " FROM pg_roles WHERE rolname = '" + login + "'")).containsExactly("true 5 false false");
        assertThat(column(owner, "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
                + "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = '" + login + "'"))
                .as("a member of the group and of nothing else").containsExactly(people(owner));
        assertThat(column(owner, "SELECT login_name FROM sessions")).containsExactly(login);
        // Only a superuser reads pg_authid: the embedded server's trusts loopback (a server of one's own may not).
        Properties superuser = new Properties();
        superuser.setProperty("user", "postgres");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + TestPostgres.server().host() + ":"
                + TestPostgres.server().port() + "/postgres", superuser)) {
            assertThat(column(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = '" + login + "'").get(0))
                    .as("only a verifier reached the server").startsWith("SCRAM-SHA-256$")
                    .doesNotContain(credential.password());
        } catch (SQLException notTrusted) {
            if (System.getenv("TASKDESK_TEST_DATABASE_URL") == null) {
                throw notTrusted; // the embedded server trusts its superuser on loopback
            }
        }

        Connection own = SharedServer.login(url, login, credential.password());
        accounts.useSession(own, credential.token());
        assertThat(accounts.whoAmI(own)).map(Who::email).contains("ann@example.com");
        assertThat(accountServer(url).signedIn(ann.token())).isPresent();

        // The same token from another login (the shared one, or someone else's own) is nobody's session.
        Connection shared = server.client(url);
        accounts.useSession(shared, credential.token());
        assertThat(accounts.whoAmI(shared)).isEmpty();
        accounts.signUp(shared, "bob@example.com", "Bob", hash("bob's password"));
        Connection bob = server.person(url, "bob@example.com", "bob's password");
        accounts.useSession(bob, credential.token());
        assertThat(accounts.whoAmI(bob)).isEmpty();
        own.close();
        SQLException refused = assertThrows(SQLException.class, () -> SyncCalls.pull(bob, UUID.randomUUID(), 0, 10));
        assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo(PostgresAccounts.NOT_SIGNED_IN);
    }

    @Test
    void signOutAndExpiryDropTheLoginAndSetupSweepsWhatIsLeft() throws Exception {
        String url = serverWithAnn();
        AccountServer shared = accountServer(url);
        Connection owner = server.owner(url);
        String prefix = people(owner).replace("people", "");
        String logins = "SELECT count(*) FROM pg_roles WHERE starts_with(rolname, '" + prefix + "') "
                + "AND rolname <> '" + people(owner) + "' AND rolcanlogin";

        UserSession laptop = shared.signIn("ann@example.com", "ann's password", DAY);
        shared.signOut(laptop.token());
        assertThat(column(owner, logins)).as("signed out: the login may no longer log in").containsExactly("0");
        assertThrows(SQLException.class, () -> SharedServer.login(url,
                ServerCredential.read(laptop.token()).login(), ServerCredential.read(laptop.token()).password()).close());

        UserSession desktop = shared.signIn("ann@example.com", "ann's password", DAY);
        String desktopLogin = ServerCredential.read(desktop.token()).login();
        try (Statement statement = owner.createStatement()) {
            statement.execute("UPDATE sessions SET expires_at = now() - interval '1 minute'");
        }
        UserSession phone = shared.signIn("ann@example.com", "ann's password", DAY);
        assertThat(column(owner, "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + prefix + "') "
                + "AND rolname <> '" + people(owner) + "'"))
                .as("the next sign-in swept the expired session's login").containsExactly(
                        ServerCredential.read(phone.token()).login())
                .doesNotContain(desktopLogin);

        try (Statement statement = owner.createStatement()) {
            statement.execute("DELETE FROM sessions");
        }
        new SharedServerSetup().setUp(owner, server.clientRole, null, SharedServer.LIMITS);
        assertThat(column(owner, "SELECT count(*) FROM pg_roles WHERE starts_with(rolname, '" + prefix + "') "
                + "AND rolname <> '" + people(owner) + "'")).as("setup dropped the logins whose session has gone")
                .containsExactly("0");
    }

    @Test
    void aPersonHoldsAtMostFiveLogins() throws Exception {
        String url = serverWithAnn();
        AccountServer shared = accountServer(url);
        for (int i = 0; i < 7; i++) {
            shared.signIn("ann@example.com", "ann's password", DAY);
        }
        Connection owner = server.owner(url);
        assertThat(column(owner, "SELECT count(*) FROM sessions WHERE login_name IS NOT NULL")).containsExactly("5");
        assertThat(column(owner, "SELECT count(*) FROM pg_roles WHERE starts_with(rolname, '"
                + people(owner).replace("people", "") + "') AND rolcanlogin")).containsExactly("5");
    }

    @Test
    void onAServerBeforeV14SignInKeepsTheSharedLoginAndSyncs() throws Exception {
        String url = serverWithAnn();
        DatabaseTarget ownerTarget = new DatabaseUrl(Path.of("target"), Path.of("target")).parse(url);
        DatabaseSchemas.of(new DatabaseConnections(ownerTarget), Clock.systemUTC()).downgrade(13, false, step -> { });

        UserSession ann = accountServer(url).signIn("ann@example.com", "ann's password", Duration.ofHours(1));
        assertThat(ServerCredential.read(ann.token()).ownLogin()).isEmpty();
        assertThat(ann.token()).doesNotContain(" ");
        Connection shared = server.client(url);
        accounts.useSession(shared, ann.token());
        assertThat(SyncCalls.statuses(SyncCalls.push(shared, UUID.randomUUID(), SyncCalls.put(1, UUID.randomUUID(),
                "title", "ann: old server", SyncCalls.stamp(-1_000, 0, "a"))))).containsExactly("applied");
        assertThat(column(server.owner(url), "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'td\\_' || "
                + "(SELECT oid FROM pg_database WHERE datname = current_database()) || '\\_%'"))
                .as("U14 dropped the group and the logins").containsExactly("0");
    }
}
