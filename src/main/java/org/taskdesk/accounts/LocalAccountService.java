package org.taskdesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.domain.accounts.AccountRules;
import org.taskdesk.domain.accounts.SignInThrottle;
import org.taskdesk.domain.accounts.SignInThrottledException;

/** Accounts in a database TaskDesk reaches directly (the local file): bcrypt and throttling done in Java. */
public final class LocalAccountService implements AccountService {
    static final Duration SHORT_SESSION = Duration.ofHours(12);
    static final Duration KEPT_SESSION = Duration.ofDays(30);

    private final AccountStore store;
    private final Passwords passwords;
    private final Clock clock;

    public LocalAccountService(AccountStore store, Passwords passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Account signUp(String email, String name, String password) {
        String normalisedEmail = AccountRules.email(email);
        String cleanName = AccountRules.name(name);
        String hash = passwords.hash(password);
        return store.inOneTransaction(users -> {
            if (users.findByEmail(normalisedEmail).isPresent()) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, AccountMessages.EMAIL_TAKEN);
            }
            return users.add(normalisedEmail, cleanName, hash, now()).account();
        });
    }

    @Override
    public boolean hasAccounts() {
        return store.inOneTransaction(AccountChanges::anyAccount);
    }

    @Override
    public UserSession signIn(String email, String password, boolean keepSignedIn) {
        String normalisedEmail = AccountRules.normaliseEmail(email);
        String token = SessionTokens.newToken();
        // The outcome is returned, not thrown, so that a failure's counter update is committed.
        SignInOutcome outcome = store.inOneTransaction(users -> {
            Optional<StoredAccount> found = users.findByEmail(normalisedEmail);
            if (found.isEmpty()) {
                passwords.matchNothing(password);
                return SignInOutcome.wrong();
            }
            StoredAccount user = found.get();
            LocalDateTime now = now();
            if (user.isBlockedAt(now)) {
                return SignInOutcome.throttled(Duration.between(now, user.signInBlockedUntil()));
            }
            if (!passwords.matches(password, user.passwordHash())) {
                int failures = user.failedSignIns() + 1;
                Duration wait = SignInThrottle.waitAfter(failures);
                users.recordFailedSignIns(user.id(), failures, wait.isZero() ? null : now.plus(wait));
                return SignInOutcome.wrong();
            }
            users.recordFailedSignIns(user.id(), 0, null);
            users.addSession(user.id(), SessionTokens.sha256(token), now,
                    now.plus(keepSignedIn ? KEPT_SESSION : SHORT_SESSION));
            return SignInOutcome.signedIn(user.account());
        });
        return outcome.sessionOrThrow(token);
    }

    @Override
    public UserSession signInWithServerPassword(String email, String password, boolean keepSignedIn) {
        String normalisedEmail = AccountRules.normaliseEmail(email);
        String token = SessionTokens.newToken();
        return store.inOneTransaction(users -> {
            StoredAccount user = users.findByEmail(normalisedEmail).orElseThrow(() -> new TaskDeskException(
                    ErrorCode.NOT_AUTHORIZED, AccountMessages.WRONG_CREDENTIALS));
            LocalDateTime now = now();
            if (!passwords.matches(password, user.passwordHash())) {
                // Changed on another device: the server is where passwords are decided, and it just said yes.
                users.changePasswordHash(user.id(), passwords.hash(password), now);
            }
            // Failures here were guesses at a password the server has since replaced: they count no more.
            users.recordFailedSignIns(user.id(), 0, null);
            users.addSession(user.id(), SessionTokens.sha256(token), now,
                    now.plus(keepSignedIn ? KEPT_SESSION : SHORT_SESSION));
            return new UserSession(user.account(), token);
        });
    }

    @Override
    public Optional<UserSession> resume(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.inOneTransaction(users -> users.findSignedIn(SessionTokens.sha256(token), now())
                .map(user -> new UserSession(user.account(), token)));
    }

    @Override
    public void signOut(UserSession signedIn) {
        store.inOneTransaction(users -> {
            users.endSession(SessionTokens.sha256(signedIn.token()));
            return null;
        });
    }

    @Override
    public void changePassword(UserSession signedIn, String oldPassword, String newPassword) {
        String newHash = passwords.hash(newPassword);
        store.inOneTransaction(users -> {
            StoredAccount user = checkedUser(users, signedIn, oldPassword);
            users.changePasswordHash(user.id(), newHash, now());
            users.endOtherSessions(user.id(), SessionTokens.sha256(signedIn.token()));
            return null;
        });
    }

    @Override
    public void deleteAccount(UserSession signedIn, String password) {
        store.inOneTransaction(users -> {
            users.delete(checkedUser(users, signedIn, password).id());
            return null;
        });
    }

    private StoredAccount checkedUser(AccountChanges users, UserSession signedIn, String password) {
        StoredAccount user = users.findSignedIn(SessionTokens.sha256(signedIn.token()), now())
                .orElseThrow(() -> new TaskDeskException(ErrorCode.NOT_AUTHORIZED,
                        AccountMessages.SESSION_ENDED));
        if (user.isBlockedAt(now())) {
            // As on the shared server: while sign-ins wait, so does anything else that checks the password.
            throw new SignInThrottledException(Math.max(1,
                    Duration.between(now(), user.signInBlockedUntil()).toSeconds()));
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throw new TaskDeskException(ErrorCode.NOT_AUTHORIZED, AccountMessages.WRONG_PASSWORD);
        }
        return user;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
