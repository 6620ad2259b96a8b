package org.taskdesk.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HybridClockPropertyTest {
    private static final long START = 1_795_860_000_000L;

    /** One step: move the device clock by {@code jump} ms (back too), then stamp or receive a stamp near it. */
    record Step(long jump, boolean receive, long remoteOffset, int remoteCounter) {
    }

    @Property(tries = 500)
    void everyStampIsGreaterThanEveryStampMadeOrReceivedBefore(@ForAll("steps") List<Step> steps) {
        AtomicLong device = new AtomicLong(START);
        HybridClock clock = new HybridClock("a", device::get, 0);
        String greatest = null;
        for (Step step : steps) {
            device.addAndGet(step.jump());
            if (step.receive()) {
                String remote = HybridClock.format(START + step.remoteOffset(), step.remoteCounter(), "b");
                clock.receive(remote);
                greatest = HybridClock.later(remote, greatest) ? remote : greatest;
            } else {
                String made = clock.stamp();
                assertThat(made).isGreaterThan(greatest == null ? "" : greatest);
                greatest = made;
            }
        }
    }

    @Property(tries = 500)
    void stampsCompareAsTheirMillisecondsThenCounters(@ForAll("millis") long a, @ForAll("counters") int ca,
                                                       @ForAll("millis") long b, @ForAll("counters") int cb) {
        int byText = Integer.signum(HybridClock.format(a, ca, "x").compareTo(HybridClock.format(b, cb, "x")));
        int byNumbers = a != b ? Long.signum(a - b) : Integer.signum(ca - cb);
        assertThat(byText).isEqualTo(byNumbers);
    }

    @Property(tries = 200)
    void twoClocksThatExchangeStampsNeverMakeTheSameStamp(@ForAll("steps") List<Step> steps) {
        AtomicLong device = new AtomicLong(START);
        HybridClock a = new HybridClock("a", device::get, 0);
        HybridClock b = new HybridClock("b", device::get, 0);
        List<String> made = new ArrayList<>();
        for (Step step : steps) {
            device.addAndGet(step.jump());
            String stamp = step.receive() ? a.stamp() : b.stamp();
            (step.receive() ? b : a).receive(stamp);
            made.add(stamp);
        }
        assertThat(made).doesNotHaveDuplicates();
        assertThat(made).isSorted(); // each clock has received the other's last stamp before stamping
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.oneOf(Arbitraries.longs().between(-10_000_000, 10_000_000),
                        Arbitraries.of(0L, -1L, 1L)), Arbitraries.of(true, false),
                Arbitraries.longs().between(-20_000_000, 20_000_000), Arbitraries.integers().between(0, 0xffff))
                .as(Step::new);
        return step.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Long> millis() {
        return Arbitraries.longs().between(0, 0xf_ffff_ffff_ffffL);
    }

    @Provide
    Arbitrary<Integer> counters() {
        return Arbitraries.integers().between(0, 0xffff);
    }
}
