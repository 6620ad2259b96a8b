package org.taskdesk.ui.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.taskdesk.ui.common.Messages;

/** What the person can do with a reminder, in the desktop notification and in the window alike. */
public enum ReminderChoice {
    COMPLETE("complete"),
    SNOOZE_10_MINUTES("snooze-10m"),
    SNOOZE_1_HOUR("snooze-1h"),
    SNOOZE_TOMORROW("snooze-tomorrow");

    /** A snooze until tomorrow comes back in the morning, not at whatever time it was snoozed. */
    static final LocalTime TOMORROW_AT = LocalTime.of(9, 0);

    private final String action;

    ReminderChoice(String action) {
        this.action = action;
    }

    /** The name a desktop notification gives this choice and hands back when it is clicked. */
    public String action() {
        return action;
    }

    /** The button's words. */
    public String label() {
        return switch (this) {
            case COMPLETE -> Messages.text("reminders.complete");
            case SNOOZE_10_MINUTES -> Messages.text("reminders.snooze.10m");
            case SNOOZE_1_HOUR -> Messages.text("reminders.snooze.1h");
            case SNOOZE_TOMORROW -> Messages.text("reminders.snooze.tomorrow");
        };
    }

    /** The choice whose {@link #action()} is {@code name}; null for anything else (closed without a choice). */
    public static ReminderChoice ofAction(String name) {
        for (ReminderChoice choice : values()) {
            if (choice.action.equals(name)) {
                return choice;
            }
        }
        return null;
    }

    /** When a reminder snoozed {@code now} comes back; null for {@link #COMPLETE}. */
    public Instant snoozedUntil(Instant now, ZoneId zone) {
        return switch (this) {
            case COMPLETE -> null;
            case SNOOZE_10_MINUTES -> now.plus(Duration.ofMinutes(10));
            case SNOOZE_1_HOUR -> now.plus(Duration.ofHours(1));
            case SNOOZE_TOMORROW -> ZonedDateTime.ofInstant(now, zone).toLocalDate().plusDays(1).atTime(TOMORROW_AT)
                    .atZone(zone).toInstant();
        };
    }
}
