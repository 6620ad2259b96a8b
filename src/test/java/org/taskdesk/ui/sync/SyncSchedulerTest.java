package org.taskdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When rounds run: at start, after changes, on a timer, and retries after failures; driven by a manual timer. */
class SyncSchedulerTest {
    private final ManualTimer timer = new ManualTimer();
    /** When each round ran (the timer's time), and whether it might delete. */
    private final List<String> rounds = new ArrayList<>();
    /** Rounds still to fail, from the next one on. */
    private int failNext;
    private final SyncScheduler scheduler = new SyncScheduler(timer, allowDeletes -> {
        rounds.add(timer.now().toSeconds() + (allowDeletes ? "s allowing deletes" : "s"));
        if (failNext > 0) {
            failNext--;
            throw new IllegalStateException("offline");
        }
    });

    @Test
    void oneRoundAtStartThenEveryFiveMinutes() {
        scheduler.start();
        timer.advance(Duration.ofMinutes(11));

        assertThat(rounds).containsExactly("0s", "300s", "600s");
    }

    @Test
    void aBurstOfChangesMakesOneRoundThreeSecondsAfterTheLast() {
        scheduler.start();
        timer.advance(Duration.ofSeconds(10));
        scheduler.changed();
        timer.advance(Duration.ofSeconds(2));
        scheduler.changed();
        timer.advance(Duration.ofSeconds(2));
        scheduler.changed();
        timer.advance(Duration.ofSeconds(10));

        assertThat(rounds).containsExactly("0s", "17s");
        // The five minutes count again from the last round.
        timer.advance(Duration.ofMinutes(5));
        assertThat(rounds).containsExactly("0s", "17s", "317s");
    }

    @Test
    void failedRoundsAreRetriedAfterFiveFifteenSixtySecondsThenEveryFiveMinutesUntilOneGoesThrough() {
        failNext = 5;
        scheduler.start();
        timer.advance(Duration.ofMinutes(12));

        // 0 fails, +5 fails, +15 fails, +60 fails, +300 fails, +300 goes through; then every five minutes.
        assertThat(rounds).containsExactly("0s", "5s", "20s", "80s", "380s", "680s");
        timer.advance(Duration.ofMinutes(5));
        assertThat(rounds).endsWith("680s", "980s");
    }

    @Test
    void changesWhileRetryingDoNotHurryTheRetryButSyncNowDoes() {
        failNext = 3;
        scheduler.start();
        timer.advance(Duration.ofSeconds(21)); // failed at 0, 5 and 20: the next retry is at 80
        scheduler.changed();
        timer.advance(Duration.ofSeconds(10));
        assertThat(rounds).containsExactly("0s", "5s", "20s");

        scheduler.syncNow();
        timer.advance(Duration.ZERO);
        assertThat(rounds).containsExactly("0s", "5s", "20s", "31s");
        // It went through: the retry at 80 s is gone, the next round is five minutes on.
        timer.advance(Duration.ofMinutes(5));
        assertThat(rounds).containsExactly("0s", "5s", "20s", "31s", "331s");
    }

    @Test
    void permissionToDeleteHoldsForThatOneRoundOnly() {
        scheduler.start();
        scheduler.syncAllowingDeletes();
        timer.advance(Duration.ofMinutes(5));

        assertThat(rounds).containsExactly("0s", "0s allowing deletes", "300s");
    }

    @Test
    void noRoundAfterStop() {
        scheduler.start();
        timer.advance(Duration.ofSeconds(1));
        scheduler.changed();
        scheduler.stop();
        scheduler.syncNow();
        timer.advance(Duration.ofMinutes(30));

        assertThat(rounds).containsExactly("0s");
        assertThat(timer.shutDown).isTrue();
    }
}
