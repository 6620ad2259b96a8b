package org.taskdesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hibernate.Session;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.domain.accounts.AccountRules;
import org.taskdesk.domain.accounts.SignInThrottle;
import org.taskdesk.domain.accounts.SignInThrottledException;
import org.taskdesk.persistence.accounts.UserRepository;
import org.taskdesk.persistence.entities.SessionEntity;
import org.taskdesk.persistence.entities.UserEntity;
import org.taskdesk.persistence.hibernate.Transactions;

/** Accounts in a database TaskDesk reaches directly (the local file): bcrypt and throttling done in Java. */
public final class LocalAccountService implements AccountService {
    static final Duration SHORT_SESSION = Duration.ofHours(12);
    static final Duration KEPT_SESSION = Duration.ofDays(30);

    private final Transactions transactions;
    private final UserRepository users;
    private final Passwords passwords;
    private final Clock clock;

    public LocalAccountService(Transactions transactions, UserRepository users, Passwords passwords, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Account signUp(String email, String name, String password) {
        String normalisedEmail = AccountRules.email(email);
        String cleanName = AccountRules.name(name);
        String hash = passwords.hash(password);
        return transactions.inTransaction(session -> {
            if (users.findByEmail(session, normalisedEmail).isPresent()) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, AccountMessages.EMAIL_TAKEN);
            }
            UserEntity user = users.add(session, new UserEntity(normalisedEmail, cleanName, hash, now()));
            return account(user);
        });
    }

    @Override
    public UserSession signIn(String email, String password, boolean keepSignedIn) {
        String normalisedEmail = AccountRules.normaliseEmail(email);
        String token = SessionTokens.newToken();
        // The outcome is returned, not thrown, so that a failure's counter update is committed.
        SignInOutcome outcome = transactions.inTransaction(session -> {
            Optional<UserEntity> found = users.findByEmail(session, normalisedEmail);
            if (found.isEmpty()) {
                passwords.matchNothing(password);
                return SignInOutcome.wrong();
            }
            UserEntity user = found.get();
            LocalDateTime now = now();
            if (user.getSignInBlockedUntil() != null && user.getSignInBlockedUntil().isAfter(now)) {
                return SignInOutcome.throttled(Duration.between(now, user.getSignInBlockedUntil()));
            }
            if (!passwords.matches(password, user.getPasswordHash())) {
                int failures = user.getFailedSignIns() + 1;
                user.setFailedSignIns(failures);
                Duration wait = SignInThrottle.waitAfter(failures);
                user.setSignInBlockedUntil(wait.isZero() ? null : now.plus(wait));
                return SignInOutcome.wrong();
            }
            user.setFailedSignIns(0);
            user.setSignInBlockedUntil(null);
            users.addSession(session, new SessionEntity(SessionTokens.sha256(token), user, now,
                    now.plus(keepSignedIn ? KEPT_SESSION : SHORT_SESSION)));
            return SignInOutcome.signedIn(account(user));
        });
        return outcome.sessionOrThrow(token);
    }

    @Override
    public Optional<UserSession> resume(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(session -> users.findSignedIn(session, SessionTokens.sha256(token), now())
                .map(user -> new UserSession(account(user), token)));
    }

    @Override
    public void signOut(UserSession signedIn) {
        transactions.inTransaction(session -> {
            users.endSession(session, SessionTokens.sha256(signedIn.token()));
            return null;
        });
    }

    @Override
    public void changePassword(UserSession signedIn, String oldPassword, String newPassword) {
        String newHash = passwords.hash(newPassword);
        transactions.inTransaction(session -> {
            UserEntity user = checkedUser(session, signedIn, oldPassword);
            user.setPasswordHash(newHash);
            user.setUpdatedAt(now());
            users.endOtherSessions(session, user, SessionTokens.sha256(signedIn.token()));
            return null;
        });
    }

    @Override
    public void deleteAccount(UserSession signedIn, String password) {
        transactions.inTransaction(session -> {
            users.delete(session, checkedUser(session, signedIn, password));
            return null;
        });
    }

    private UserEntity checkedUser(Session session, UserSession signedIn, String password) {
        UserEntity user = users.findSignedIn(session, SessionTokens.sha256(signedIn.token()), now())
                .orElseThrow(() -> new TaskDeskException(ErrorCode.NOT_AUTHORIZED,
                        AccountMessages.SESSION_ENDED));
        if (user.getSignInBlockedUntil() != null && user.getSignInBlockedUntil().isAfter(now())) {
            // As on the shared server: while sign-ins wait, so does anything else that checks the password.
            throw new SignInThrottledException(Math.max(1,
                    Duration.between(now(), user.getSignInBlockedUntil()).toSeconds()));
        }
        if (!passwords.matches(password, user.getPasswordHash())) {
            throw new TaskDeskException(ErrorCode.NOT_AUTHORIZED, AccountMessages.WRONG_PASSWORD);
        }
        return user;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Account account(UserEntity user) {
        return new Account(user.getId(), user.getEmail(), user.getName());
    }
}
