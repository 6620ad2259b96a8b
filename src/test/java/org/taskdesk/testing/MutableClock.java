package org.taskdesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand, so that waits and expiries are tested without waiting. */
public final class MutableClock extends Clock {
    private Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClockView(this, newZone);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** The same moving time seen from another zone. */
    private static final class MutableClockView extends Clock {
        private final MutableClock source;
        private final ZoneId zone;

        MutableClockView(MutableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new MutableClockView(source, newZone);
        }

        @Override
        public Instant instant() {
            return source.instant();
        }
    }
}
