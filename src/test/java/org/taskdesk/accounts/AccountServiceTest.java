package org.taskdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.accounts.SignInThrottledException;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

class AccountServiceTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;

    /** Opens the database as the desktop app does; {@code OverPlainSqlTest} opens it as a command line does. */
    Workspace openWorkspace(String url) {
        return TestWorkspaces.open(url, folder, clock);
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    private String url;

    private Workspace open(DatabaseKind kind) {
        url = TestWorkspaces.freshUrl(kind, folder);
        return openWorkspace(url);
    }

    /**
     * Lets {@code duration} pass for the account service: the local service reads the test's clock; the shared
     * server throttles on its own clock, so there the test really waits (a few seconds at most).
     */
    private void pass(DatabaseKind kind, Duration duration) {
        clock.advance(duration);
        if (kind == DatabaseKind.POSTGRESQL) {
            try {
                Thread.sleep(duration.toMillis() + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Makes every session 13 hours older: the clock for the local service, the rows on the shared server. */
    private void ageSessionsBy13Hours(DatabaseKind kind) throws Exception {
        clock.advance(Duration.ofHours(13));
        if (kind == DatabaseKind.POSTGRESQL) {
            try (var connection = org.taskdesk.testing.TestPostgres.connect(url);
                 var statement = connection.createStatement()) {
                statement.execute("UPDATE sessions SET expires_at = expires_at - interval '13 hours'");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void signUpTrimsAndLowerCasesTheEmailAndRefusesItTwice(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            Account ann = workspace.accounts().signUp("  Ann@Example.COM ", " Ann ", PASSWORD);

            assertThat(ann.email()).isEqualTo("ann@example.com");
            assertThat(ann.name()).isEqualTo("Ann");
            TaskDeskException twice = assertThrows(TaskDeskException.class,
                    () -> workspace.accounts().signUp("ANN@example.com", "Other Ann", PASSWORD));
            assertThat(twice.getMessage()).contains("already exists");
            assertThat(workspace.accounts().signIn("ANN@EXAMPLE.com", PASSWORD, false).account()).isEqualTo(ann);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void passwordsMustBe8To72BytesAndAreNeverTruncated(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            String seventyTwo = "a".repeat(72);
            String eighteenEmoji = "😀".repeat(18); // 4 bytes each: exactly 72

            accounts.signUp("long@example.com", "Long", seventyTwo);
            accounts.signUp("emoji@example.com", "Emoji", eighteenEmoji);

            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("a@example.com", "A", "a".repeat(73)))
                    .getMessage()).contains("73 bytes", "limit is 72");
            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("b@example.com", "B", "😀".repeat(19)))
                    .getMessage()).contains("76 bytes");
            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("c@example.com", "C", "short7!"))
                    .getMessage()).contains("too short");
            assertThat(accounts.signIn("long@example.com", seventyTwo, false)).isNotNull();
            assertThat(accounts.signIn("emoji@example.com", eighteenEmoji, false)).isNotNull();
            // A 73rd byte is not ignored: the longer password is simply wrong.
            assertThrows(TaskDeskException.class, () -> accounts.signIn("long@example.com", seventyTwo + "b", false));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void namesAndEmailsAreChecked(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("not-an-email", "X", PASSWORD))
                    .getMessage()).contains("not an email address");
            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("x@example.com", "  ", PASSWORD))
                    .getMessage()).contains("Enter your name");
            assertThat(assertThrows(TaskDeskException.class, () -> accounts.signUp("x@example.com", "n".repeat(101), PASSWORD))
                    .getMessage()).contains("101 characters");
            assertThat(accounts.signUp("x@example.com", "n".repeat(100), PASSWORD).name()).hasSize(100);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void unknownEmailAndWrongPasswordLookTheSame(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            workspace.accounts().signUp("ann@example.com", "Ann", PASSWORD);

            TaskDeskException unknown = assertThrows(TaskDeskException.class,
                    () -> workspace.accounts().signIn("nobody@example.com", PASSWORD, false));
            TaskDeskException wrong = assertThrows(TaskDeskException.class,
                    () -> workspace.accounts().signIn("ann@example.com", "wrong password", false));

            assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED).isEqualTo(wrong.code());
            assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage()).isEqualTo("Wrong email or password.");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void unknownEmailTakesAboutAsLongAsAWrongPassword(DatabaseKind kind) {
        // The production cost: the decoy hash an unknown email is checked against has it (the shared server's too).
        try (Workspace workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(kind, folder), folder, clock,
                Passwords.DEFAULT_COST)) {
            workspace.accounts().signUp("ann@example.com", "Ann", PASSWORD);
            List<Long> unknown = new ArrayList<>();
            List<Long> wrong = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // four failures: still below the throttle
                String attempt = "wrong password " + i;
                unknown.add(nanos(() -> workspace.accounts().signIn("nobody@example.com", PASSWORD, false)));
                wrong.add(nanos(() -> workspace.accounts().signIn("ann@example.com", attempt, false)));
            }
            unknown.sort(null);
            wrong.sort(null);
            long medianUnknown = unknown.get(2);
            long medianWrong = wrong.get(2);
            assertThat((double) medianUnknown / medianWrong).as("unknown/wrong time").isBetween(0.5, 2.0);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterFiveFailuresSignInWaitsLongerEachTimeAndARestartDoesNotReset(DatabaseKind kind) {
        url = TestWorkspaces.freshUrl(kind, folder);
        // On PostgreSQL the block runs on the server's clock, and reopening took longer than its one second on a
        // busy machine: there the second client is opened before the failures. It shares no memory with the first,
        // which is what "a restart does not reset" is about.
        Workspace second = kind == DatabaseKind.POSTGRESQL ? openWorkspace(url) : null;
        try (Workspace workspace = openWorkspace(url)) {
            workspace.accounts().signUp("ann@example.com", "Ann", PASSWORD);
            for (int i = 0; i < 5; i++) {
                assertThrows(TaskDeskException.class, () -> workspace.accounts().signIn("ann@example.com", "nope", false));
            }
        }
        try (Workspace restarted = second != null ? second : openWorkspace(url)) {
            SignInThrottledException throttled = assertThrows(SignInThrottledException.class,
                    () -> restarted.accounts().signIn("ann@example.com", PASSWORD, false));
            assertThat(throttled.secondsToWait()).isEqualTo(1);
            assertThat(throttled.getMessage()).isEqualTo("Too many failed sign-ins: wait 1 second and try again.");

            pass(kind, Duration.ofSeconds(1));
            assertThrows(TaskDeskException.class, () -> restarted.accounts().signIn("ann@example.com", "nope", false));
            assertThat(assertThrows(SignInThrottledException.class,
                    () -> restarted.accounts().signIn("ann@example.com", PASSWORD, false)).secondsToWait()).isEqualTo(2);

            pass(kind, Duration.ofSeconds(2));
            assertThat(restarted.accounts().signIn("ann@example.com", PASSWORD, false).account().email())
                    .isEqualTo("ann@example.com");
            // Success resets the count: the next failure is free again.
            assertThrows(TaskDeskException.class, () -> restarted.accounts().signIn("ann@example.com", "nope", false));
            assertThat(restarted.accounts().signIn("ann@example.com", PASSWORD, false)).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void whileSignInsWaitSoDoPasswordChangesAndDeletion(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            accounts.signUp("ann@example.com", "Ann", PASSWORD);
            UserSession laptop = accounts.signIn("ann@example.com", PASSWORD, true);
            for (int i = 0; i < 5; i++) {
                assertThrows(TaskDeskException.class, () -> accounts.signIn("ann@example.com", "nope", false));
            }

            assertThrows(SignInThrottledException.class,
                    () -> accounts.changePassword(laptop, PASSWORD, "new password 123"));
            assertThrows(SignInThrottledException.class, () -> accounts.deleteAccount(laptop, PASSWORD));
            assertThat(accounts.resume(laptop.token())).as("the session itself is not ended").isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRememberedTokenResumesUntilSignOutOrExpiry(DatabaseKind kind) throws Exception {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            accounts.signUp("ann@example.com", "Ann", PASSWORD);
            UserSession kept = accounts.signIn("ann@example.com", PASSWORD, true);
            UserSession brief = accounts.signIn("ann@example.com", PASSWORD, false);

            assertThat(accounts.resume(kept.token())).contains(kept);
            assertThat(accounts.resume("made-up-token")).isEmpty();
            assertThat(kept.toString()).doesNotContain(kept.token());

            ageSessionsBy13Hours(kind);
            assertThat(accounts.resume(brief.token())).as("12-hour session expired").isEmpty();
            assertThat(accounts.resume(kept.token())).as("30-day session still valid").isPresent();

            accounts.signOut(kept);
            assertThat(accounts.resume(kept.token())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changingThePasswordNeedsTheOldOneAndEndsOtherSessions(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            accounts.signUp("ann@example.com", "Ann", PASSWORD);
            UserSession laptop = accounts.signIn("ann@example.com", PASSWORD, true);
            UserSession desktop = accounts.signIn("ann@example.com", PASSWORD, true);

            assertThat(assertThrows(TaskDeskException.class,
                    () -> accounts.changePassword(laptop, "wrong old password", "new password 123")).getMessage())
                    .contains("password is wrong");
            accounts.changePassword(laptop, PASSWORD, "new password 123");

            assertThat(accounts.resume(laptop.token())).isPresent();
            assertThat(accounts.resume(desktop.token())).isEmpty();
            assertThrows(TaskDeskException.class, () -> accounts.signIn("ann@example.com", PASSWORD, false));
            assertThat(accounts.signIn("ann@example.com", "new password 123", false)).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletingTheAccountDeletesItsTasks(DatabaseKind kind) {
        try (Workspace workspace = open(kind)) {
            AccountService accounts = workspace.accounts();
            accounts.signUp("ann@example.com", "Ann", PASSWORD);
            UserSession ann = accounts.signIn("ann@example.com", PASSWORD, false);
            workspace.tasks().add(ann, quickAdd("Pay rent tomorrow", clock));

            assertThrows(TaskDeskException.class, () -> accounts.deleteAccount(ann, "wrong"));
            accounts.deleteAccount(ann, PASSWORD);

            assertThrows(TaskDeskException.class, () -> accounts.signIn("ann@example.com", PASSWORD, false));
            accounts.signUp("ann@example.com", "Ann again", PASSWORD);
            UserSession again = accounts.signIn("ann@example.com", PASSWORD, false);
            assertThat(workspace.tasks().list(again, org.taskdesk.tasks.TaskQuery.of("")).total()).isZero();
        }
    }

    /**
     * A replica's local account (ADR 0029) takes the password its server has just accepted: the new one opens it from
     * then on, the old one no longer does, and failures counted against the old one no longer make it wait.
     */
    @org.junit.jupiter.api.Test
    void aPasswordTheServerAcceptedReplacesTheLocalOneAndEndsItsWait() {
        try (Workspace workspace = open(DatabaseKind.H2)) {
            AccountService accounts = workspace.accounts();
            accounts.signUp("ann@example.com", "Ann", PASSWORD);
            for (int i = 0; i < org.taskdesk.domain.accounts.SignInThrottle.FREE_ATTEMPTS; i++) {
                assertThrows(TaskDeskException.class, () -> accounts.signIn("ann@example.com", "changed elsewhere", false));
            }
            assertThrows(SignInThrottledException.class, () -> accounts.signIn("ann@example.com", PASSWORD, false));

            UserSession ann = accounts.signInWithServerPassword("Ann@Example.com", "changed elsewhere", true);

            assertThat(ann.account().email()).isEqualTo("ann@example.com");
            assertThat(accounts.resume(ann.token())).isPresent();
            assertThat(accounts.signIn("ann@example.com", "changed elsewhere", false)).isNotNull();
            TaskDeskException old = assertThrows(TaskDeskException.class,
                    () -> accounts.signIn("ann@example.com", PASSWORD, false));
            assertThat(old.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        }
    }

    private static long nanos(Runnable failingSignIn) {
        long start = System.nanoTime();
        assertThrows(TaskDeskException.class, failingSignIn::run);
        return System.nanoTime() - start;
    }
}
