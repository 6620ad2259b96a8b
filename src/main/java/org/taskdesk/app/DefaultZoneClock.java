package org.taskdesk.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the default time zone, as {@link Clock#systemDefaultZone()}, except that the zone is looked
 * up when first asked for instead of at once. The first look-up of a region zone loads every time-zone provider the
 * program carries, and ical4j's (registered as a service in the jar, for calendars' own zones) reads its whole zone
 * database and starts logging: a third of a second that {@code taskdesk db current}, which shows no date, no longer
 * pays (ADR 0035).
 */
final class DefaultZoneClock extends Clock {
    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId known = zone;
        if (known == null) {
            known = ZoneId.systemDefault();
            zone = known;
        }
        return known;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "DefaultZoneClock[" + (zone == null ? "zone not looked up yet" : zone) + "]";
    }
}
