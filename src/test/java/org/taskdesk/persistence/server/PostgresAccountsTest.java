package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;
import static org.taskdesk.persistence.server.SharedServer.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.server.ServerSignInResult.Status;

/** Accounts on the shared server, through the client role, as the desktop app will use them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAccountsTest {
    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;
    private Connection client;

    @BeforeEach
    void freshDatabase() throws SQLException {
        url = server.newDatabase();
        client = server.client(url);
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void signUpSignInWhoAmIAndSignOut() throws SQLException {
        int id = accounts.signUp(client, "  Ann@Example.COM ", " Ann ", hash(PASSWORD));

        ServerSignInResult outcome = accounts.signIn(client, "ANN@example.com", PASSWORD, DAY);
        assertThat(outcome.status()).isEqualTo(Status.SIGNED_IN);
        assertThat(outcome.token()).matches("[0-9a-f]{64}");
        assertThat(outcome.toString()).doesNotContain(outcome.token());
        assertThat(accounts.whoAmI(client)).as("signing in does not attach the session").isEmpty();

        accounts.useSession(client, outcome.token());
        assertThat(accounts.whoAmI(client)).contains(new Who(id, EMAIL, "Ann"));
        Connection owner = server.owner(url);
        assertThat(column(owner, "SELECT token_sha256 FROM sessions"))
                .as("only the token's SHA-256 is stored").containsExactly(sha256Hex(owner, outcome.token()));

        // The device then works as the login the sign-in hands it (V14, ADR 30); the shared one no longer reaches
        // the session.
        Connection device = server.person(url, outcome.token());
        assertThat(accounts.whoAmI(device)).contains(new Who(id, EMAIL, "Ann"));
        assertThat(accounts.whoAmI(client)).isEmpty();

        accounts.signOut(device);
        assertThat(accounts.whoAmI(device)).isEmpty();
        accounts.useSession(device, outcome.token());
        assertThat(accounts.whoAmI(device)).as("the token is dead after sign-out").isEmpty();
        accounts.signOut(device);
    }

    @Test
    void sessionsEndWhenTheirTimeIsUp() throws SQLException {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        accounts.useSession(client, accounts.signIn(client, EMAIL, PASSWORD, Duration.ofMinutes(2)).orThrow());
        assertThat(column(server.owner(url), "SELECT round(extract(epoch FROM expires_at - created_at)) FROM sessions"))
                .containsExactly("120");

        TaskDeskException tooShort = assertThrows(TaskDeskException.class,
                () -> accounts.signIn(client, EMAIL, PASSWORD, Duration.ofSeconds(5)));
        assertThat(tooShort.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(tooShort.getMessage()).isEqualTo("Session length must be between 1 minute and 366 days.");
    }

    @Test
    void anEmailIsRegisteredOnce() {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));

        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> accounts.signUp(client, " ANN@example.com", "Another Ann", hash("other password")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("An account with that email already exists: sign in instead, or use another email.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not an email | Ann | Email must look like name@example.com and have at most 255 characters.",
        "ann@example.com | '   ' | Name must have 1 to 100 characters.",
        "ann@example.com | " + "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
                + " | Name must have 1 to 100 characters."})
    void badSignUpsAreRefusedWithASentence(String email, String name, String message) {
        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> accounts.signUp(client, email, name, hash(PASSWORD)));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void onlyBcrypt2aHashesAreAccepted() {
        // pgcrypto's crypt() cannot check $2b$ or $2y$ hashes: such an account could never sign in.
        String hash2b = at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2B)
                .hashToString(4, PASSWORD.toCharArray());
        for (String hash : new String[] {hash2b, "plain text password", PASSWORD}) {
            TaskDeskException e = assertThrows(TaskDeskException.class, () -> accounts.signUp(client, EMAIL, "Ann", hash));
            assertThat(e.getMessage()).isEqualTo("Password hash must be a bcrypt $2a$ hash.");
        }
    }

    @Test
    void anUnknownEmailAndAWrongPasswordLookTheSame() {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));

        ServerSignInResult unknown = accounts.signIn(client, "nobody@example.com", PASSWORD, DAY);
        ServerSignInResult wrong = accounts.signIn(client, EMAIL, "wrong password", DAY);

        assertThat(unknown).isEqualTo(wrong);
        assertThat(unknown.status()).isEqualTo(Status.WRONG_CREDENTIALS);
        TaskDeskException e = assertThrows(TaskDeskException.class, unknown::orThrow);
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Wrong email or password.");
    }

    @Test
    void anUnknownEmailTakesAboutAsLongAsAWrongPassword() throws SQLException {
        // Cost 10, so that bcrypt's work, not the round trip, decides the time. The unknown email is checked against
        // a dummy hash of the cost the server was set up with (V11), here 10 as well: not much shorter, and (since
        // V11, before which the dummy was always cost 12, 4 times the work) not much longer either.
        url = server.newDatabase(SharedServerLimits.forBcryptCost(10));
        client = server.client(url);
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD, 10));
        long wrongPassword = Long.MAX_VALUE;
        long unknownEmail = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            wrongPassword = Math.min(wrongPassword, nanosToSignIn(EMAIL));
            unknownEmail = Math.min(unknownEmail, nanosToSignIn("nobody@example.com"));
        }
        assertThat(unknownEmail).as("unknown email %d ns, wrong password %d ns", unknownEmail, wrongPassword)
                .isGreaterThan(wrongPassword / 3).isLessThan(wrongPassword * 2);
    }

    private long nanosToSignIn(String email) {
        long start = System.nanoTime();
        assertThat(accounts.signIn(client, email, "wrong password", DAY).status()).isEqualTo(Status.WRONG_CREDENTIALS);
        return System.nanoTime() - start;
    }

    @Test
    void passwordsOver72BytesAreNeverTruncated() {
        String password72 = "p".repeat(72);
        accounts.signUp(client, EMAIL, "Ann", hash(password72));

        assertThat(accounts.signIn(client, EMAIL, password72 + "extra", DAY).status())
                .as("bcrypt would look at the first 72 bytes only").isEqualTo(Status.WRONG_CREDENTIALS);
        assertThat(accounts.signIn(client, EMAIL, password72, DAY).signedIn()).isTrue();
    }

    @Test
    void fiveFailuresThrottleTheAccountWithGrowingWaitsThatANewConnectionDoesNotReset() throws SQLException {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        for (int i = 1; i <= 4; i++) {
            assertThat(accounts.signIn(client, EMAIL, "guess " + i, DAY).status()).isEqualTo(Status.WRONG_CREDENTIALS);
        }
        assertThat(accounts.signIn(client, EMAIL, "guess 5", DAY).status()).isEqualTo(Status.WRONG_CREDENTIALS);

        Connection restarted = server.client(url);
        ServerSignInResult throttled = accounts.signIn(restarted, EMAIL, PASSWORD, DAY);
        assertThat(throttled).as("even the right password waits").isEqualTo(new ServerSignInResult(Status.THROTTLED, null, 1));
        TaskDeskException e = assertThrows(TaskDeskException.class, throttled::orThrow);
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Too many failed sign-ins: wait 1 second and try again.");

        Connection owner = server.owner(url);
        int[] expectedWaits = {2, 4, 8};
        for (int expected : expectedWaits) {
            endBlock(owner);
            assertThat(accounts.signIn(server.client(url), EMAIL, "another guess", DAY).status())
                    .isEqualTo(Status.WRONG_CREDENTIALS);
            assertThat(accounts.signIn(server.client(url), EMAIL, PASSWORD, DAY).retryAfterSeconds()).isEqualTo(expected);
        }

        // Since V11 each check is a row of sign_in_checks (appended, never a lock on users): 32 more failures, older.
        update(owner, "INSERT INTO sign_in_checks (user_id, checked_at, succeeded) SELECT id, "
                + "(now() AT TIME ZONE 'UTC') - interval '2 hours', false FROM users, generate_series(1, 32)");
        endBlock(owner);
        accounts.signIn(client, EMAIL, "yet another guess", DAY);
        assertThat(accounts.signIn(client, EMAIL, PASSWORD, DAY).retryAfterSeconds()).as("at most 15 minutes")
                .isEqualTo(15 * 60);

        endBlock(owner);
        assertThat(accounts.signIn(client, EMAIL, PASSWORD, DAY).signedIn()).isTrue();
        assertThat(column(owner, "SELECT f.failures || ' ' || coalesce(f.blocked_until::text, '-') "
                + "FROM users u, public.taskdesk_sign_in_block(u.id) f"))
                .as("a successful sign-in starts the count again").containsExactly("0 -");
    }

    /** Lets the block run out now instead of waiting for it. */
    private static void endBlock(Connection owner) throws SQLException {
        update(owner, "UPDATE sign_in_checks SET checked_at = checked_at - interval '1 hour'");
    }

    @Test
    void signInNeedsAutoCommitSoTheAttemptIsCommittedFirst() throws SQLException {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        client.setAutoCommit(false);

        assertThrows(IllegalStateException.class, () -> accounts.signIn(client, EMAIL, PASSWORD, DAY));
        client.rollback();
        client.setAutoCommit(true);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws SQLException {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        Connection laptop = server.person(url, accounts.signIn(client, EMAIL, PASSWORD, DAY).orThrow());
        Connection desktop = server.person(url, accounts.signIn(client, EMAIL, PASSWORD, DAY).orThrow());

        TaskDeskException wrong = assertThrows(TaskDeskException.class,
                () -> accounts.changePassword(desktop, "not the password", hash("new password")));
        assertThat(wrong.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(wrong.getMessage()).isEqualTo("The password is wrong; nothing was changed.");
        assertThat(accounts.whoAmI(laptop)).as("a failed change ends nothing").isPresent();

        accounts.changePassword(desktop, PASSWORD, hash("new password"));

        assertThat(accounts.whoAmI(desktop)).isPresent();
        assertThat(accounts.whoAmI(laptop)).isEmpty();
        assertThat(accounts.signIn(client, EMAIL, PASSWORD, DAY).status()).isEqualTo(Status.WRONG_CREDENTIALS);
        assertThat(accounts.signIn(client, EMAIL, "new password", DAY).signedIn()).isTrue();
    }

    @Test
    void changingThePasswordOrDeletingTheAccountNeedsASession() throws SQLException {
        accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        // A device's own login (V14) without its session: the shared login may not even call these.
        Connection device = server.person(url, accounts.signIn(client, EMAIL, PASSWORD, DAY).orThrow());
        accounts.useSession(device, null);

        for (Runnable change : new Runnable[] {
            () -> accounts.changePassword(device, PASSWORD, hash("new password")),
            () -> accounts.deleteAccount(device, PASSWORD)}) {
            TaskDeskException e = assertThrows(TaskDeskException.class, change::run);
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
            assertThat(e.getMessage()).isEqualTo("Your session has ended: sign in again.");
        }
    }

    @Test
    void deletingTheAccountDeletesItsTasksAndSessionsAndNobodyElses() throws SQLException {
        int ann = accounts.signUp(client, EMAIL, "Ann", hash(PASSWORD));
        client = server.person(url, accounts.signIn(client, EMAIL, PASSWORD, DAY).orThrow());
        // Tasks come through sync's push: the client login has no table rights (V12, ADR 29).
        SyncCalls.push(client, UUID.randomUUID(),
                SyncCalls.put(1, UUID.randomUUID(), "title", "a", SyncCalls.stamp(-9_000, 0, "a")),
                SyncCalls.put(2, UUID.randomUUID(), "title", "b", SyncCalls.stamp(-9_000, 1, "a")));
        Connection shared = server.client(url);
        int bobId = accounts.signUp(shared, "bob@example.com", "Bob", hash("bob's password"));
        Connection bob = server.person(url, accounts.signIn(shared, "bob@example.com", "bob's password", DAY).orThrow());
        SyncCalls.push(bob, UUID.randomUUID(),
                SyncCalls.put(1, UUID.randomUUID(), "title", "c", SyncCalls.stamp(-9_000, 0, "b")));
        assertThat(allTaskTitles(server.owner(url))).containsExactly("a", "b", "c");

        TaskDeskException wrong = assertThrows(TaskDeskException.class, () -> accounts.deleteAccount(client, "nope"));
        assertThat(wrong.getMessage()).isEqualTo("The password is wrong; nothing was changed.");
        accounts.deleteAccount(client, PASSWORD);

        Connection owner = server.owner(url);
        assertThat(column(owner, "SELECT email FROM users")).containsExactly("bob@example.com");
        assertThat(column(owner, "SELECT DISTINCT user_id FROM sessions")).containsExactly(String.valueOf(bobId));
        assertThat(allTaskTitles(owner)).containsExactly("c");
        assertThat(accounts.whoAmI(client)).isEmpty();
    }

    /** Every task of every user: the owner too sees none under the forced policy, except with it lifted for a moment. */
    private static java.util.List<String> allTaskTitles(Connection owner) throws SQLException {
        owner.setAutoCommit(false);
        try (Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY");
            return column(owner, "SELECT title FROM tasks ORDER BY title");
        } finally {
            owner.rollback();
            owner.setAutoCommit(true);
        }
    }

    private static String sha256Hex(Connection connection, String text) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
            statement.setString(1, text);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
