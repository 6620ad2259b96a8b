package org.taskdesk.persistence.server;

import java.util.Objects;
import java.util.Optional;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.domain.accounts.SignInThrottledException;

/**
 * What a sign-in on the shared server came to. Wrong credentials and throttling are ordinary outcomes, not
 * exceptions, because the database must commit the failure count before anyone learns of it; {@link #orThrow()}
 * turns them into the exception the service layer shows. {@link #toString()} never shows the token.
 *
 * @param status            signed in, wrong email or password, or throttled
 * @param token             the new session token when signed in, else null
 * @param retryAfterSeconds when throttled, the whole seconds to wait before the next try, else 0
 */
record ServerSignInResult(Status status, String token, int retryAfterSeconds) {
    public enum Status { SIGNED_IN, WRONG_CREDENTIALS, THROTTLED }

    public ServerSignInResult {
        Objects.requireNonNull(status);
        if ((status == Status.SIGNED_IN) != (token != null)) {
            throw new IllegalArgumentException("a token comes with, and only with, a successful sign-in");
        }
    }

    public boolean signedIn() {
        return status == Status.SIGNED_IN;
    }

    /** The failure as the exception people see; empty when signed in. */
    public Optional<TaskDeskException> failure() {
        return switch (status) {
            case SIGNED_IN -> Optional.empty();
            case WRONG_CREDENTIALS -> Optional.of(new TaskDeskException(ErrorCode.NOT_AUTHORIZED,
                    AccountMessages.WRONG_CREDENTIALS));
            case THROTTLED -> Optional.of(new SignInThrottledException(retryAfterSeconds));
        };
    }

    /** The session token, or the failure thrown. */
    public String orThrow() {
        failure().ifPresent(e -> {
            throw e;
        });
        return token;
    }

    @Override
    public String toString() {
        return "ServerSignInResult[" + status + (status == Status.THROTTLED ? ", retry after " + retryAfterSeconds + " s" : "")
                + "]";
    }
}
