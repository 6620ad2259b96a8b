package org.taskdesk.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    private static final String NODE = "0f3c5a8e-1d2b-4c6a-9e7f-123456789abc";
    private static final long NOV_28 = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();

    private final AtomicLong device = new AtomicLong(NOV_28);
    private final HybridClock clock = new HybridClock(NODE, device::get, 0);

    @Test
    void aStampIsMillisecondsCounterAndNodeInTheProtocolsForm() {
        // 2026-11-28T10:00:00Z is 1 795 860 000 000 ms: 0x1a2223f7d00 written in 13 digits.
        assertThat(clock.stamp()).isEqualTo(String.format("%013x", NOV_28) + "-0000-" + NODE)
                .matches("[0-9a-f]{13}-[0-9a-f]{4}-.+");
        assertThat(clock.stamp()).isEqualTo(String.format("%013x", NOV_28) + "-0001-" + NODE);
        assertThat(HybridClock.millis(clock.stamp())).isEqualTo(NOV_28);
    }

    @Test
    void aWallClockThatJumpsBackStillGivesLaterStamps() {
        String before = clock.stamp();
        device.addAndGet(-Duration.ofHours(2).toMillis());
        String after = clock.stamp();
        assertThat(after).isGreaterThan(before);
        assertThat(HybridClock.millis(after)).isEqualTo(NOV_28);
    }

    @Test
    void aReceivedStampIsFollowedByGreaterOnes() {
        String remote = HybridClock.format(NOV_28 + 60_000, 7, "server");
        clock.receive(remote);
        assertThat(clock.stamp()).isGreaterThan(remote).startsWith(String.format("%013x-0008-", NOV_28 + 60_000));
    }

    @Test
    void aDeviceThreeHoursFastStampsInServerTimeAfterOneSync() {
        device.set(NOV_28 + Duration.ofHours(3).toMillis());
        String fast = clock.stamp();
        assertThat(HybridClock.millis(fast) - NOV_28).isEqualTo(Duration.ofHours(3).toMillis());

        clock.learnServerClock(HybridClock.format(NOV_28, 0, HybridClock.SERVER_NODE));
        String next = clock.stamp();

        assertThat(HybridClock.millis(next) - NOV_28).as("within what the server accepts")
                .isLessThanOrEqualTo(HybridClock.MAX_AHEAD_MILLIS);
        assertThat(clock.offsetMillis()).isEqualTo(-Duration.ofHours(3).toMillis());
        device.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(HybridClock.millis(clock.stamp())).as("server time ten minutes on").isEqualTo(NOV_28 + 600_000);
    }

    @Test
    void afterARefusalTheNextStampIsJustAfterTheServersClockEvenWhenThatClockIsAheadOfItsWallClock() {
        long serverWall = NOV_28;
        // The server accepted another device's stamp four minutes ahead of its wall clock: its clock says so.
        String serverClock = HybridClock.format(serverWall + Duration.ofMinutes(4).toMillis(), 0, HybridClock.SERVER_NODE);
        device.set(NOV_28 + Duration.ofHours(3).toMillis());
        String refused = clock.stamp();

        clock.learnServerClockAfterRefusal(serverClock);
        String again = clock.stamp();

        assertThat(again).isGreaterThan(serverClock).isLessThan(refused);
        assertThat(HybridClock.millis(again) - serverWall).as("within what the server accepts")
                .isLessThanOrEqualTo(HybridClock.MAX_AHEAD_MILLIS);
    }

    @Test
    void learningTheServerClockKeepsStampsAfterOnesTheServerAccepted() {
        device.set(NOV_28 + 60_000); // one minute fast: accepted by the server
        String accepted = clock.stamp();
        clock.learnServerClock(HybridClock.format(NOV_28, 0, HybridClock.SERVER_NODE));
        assertThat(clock.stamp()).isGreaterThan(accepted);
    }

    @Test
    void aClockWithAnOffsetStampsTheDeviceTimePlusTheOffset() {
        HybridClock behind = new HybridClock(NODE, device::get, 5_000);
        assertThat(HybridClock.millis(behind.stamp())).isEqualTo(NOV_28 + 5_000);
    }

    @Test
    void theCounterRollsOverIntoTheNextMillisecond() {
        clock.receive(HybridClock.format(NOV_28, 0xffff, "server"));
        assertThat(clock.stamp()).startsWith(String.format("%013x-0000-", NOV_28 + 1));
    }

    @Test
    void noStampComesBeforeEveryStampAndEqualStampsAreNotLater() {
        String stamp = clock.stamp();
        assertThat(HybridClock.compare(null, stamp)).isNegative();
        assertThat(HybridClock.later(stamp, null)).isTrue();
        assertThat(HybridClock.later(stamp, stamp)).isFalse();
    }

    @Test
    void textThatIsNotAStampIsRefused() {
        assertThat(HybridClock.isStamp("2026-11-28T10:00:00Z")).isFalse();
        assertThat(HybridClock.isStamp(HybridClock.format(1, 2, "server"))).isTrue();
        assertThatThrownBy(() -> clock.receive("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridClock("has space", device::get, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
