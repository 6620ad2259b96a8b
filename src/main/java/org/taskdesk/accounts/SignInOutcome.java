package org.taskdesk.accounts;

import java.time.Duration;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountMessages;
import org.taskdesk.domain.accounts.SignInThrottledException;

/** How a sign-in attempt ended; both account services turn it into a session or the same messages. */
record SignInOutcome(Account account, Duration waitTime) {

    static SignInOutcome signedIn(Account account) {
        return new SignInOutcome(account, null);
    }

    static SignInOutcome wrong() {
        return new SignInOutcome(null, null);
    }

    static SignInOutcome throttled(Duration waitTime) {
        return new SignInOutcome(null, waitTime);
    }

    UserSession sessionOrThrow(String token) {
        if (account != null) {
            return new UserSession(account, token);
        }
        if (waitTime != null) {
            long seconds = Math.max(1, (waitTime.toMillis() + 999) / 1000);
            throw new SignInThrottledException(seconds);
        }
        throw new TaskDeskException(ErrorCode.NOT_AUTHORIZED, AccountMessages.WRONG_CREDENTIALS);
    }
}
