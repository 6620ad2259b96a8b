package org.taskdesk.domain.accounts;

import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** Too many failed sign-ins: the account must wait {@link #secondsToWait()} seconds (SignInThrottle's schedule). */
public final class SignInThrottledException extends TaskDeskException {
    private final long secondsToWait;

    public SignInThrottledException(long secondsToWait) {
        super(ErrorCode.NOT_AUTHORIZED, "Too many failed sign-ins: wait " + secondsToWait + " second"
                + (secondsToWait == 1 ? "" : "s") + " and try again.");
        this.secondsToWait = secondsToWait;
    }

    public long secondsToWait() {
        return secondsToWait;
    }
}
