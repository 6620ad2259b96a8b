package org.taskdesk.domain.accounts;

import java.time.Duration;

/**
 * How long an account waits after failed sign-ins: free for the first four, then 1 s after the fifth failure,
 * doubling with each further one, at most 15 minutes. Slows guessing to a crawl while a person who mistyped a
 * few times barely notices. The shared server's sign-in function applies the same schedule.
 */
public final class SignInThrottle {
    public static final int FREE_ATTEMPTS = 5;
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private SignInThrottle() {
    }

    /** The wait after {@code failures} consecutive failed sign-ins; zero below five. */
    public static Duration waitAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_ATTEMPTS;
        return doublings >= 10 ? LONGEST_WAIT : Duration.ofSeconds(Math.min(1L << doublings, LONGEST_WAIT.toSeconds()));
    }
}
