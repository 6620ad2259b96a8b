package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a task is due: a date, and optionally a time of day ({@code time == null} means "some time that day").
 * Both are local to the person, so a task due at 09:00 stays at 09:00 when they travel.
 * In words it is the ways in that say it: the desktop app through {@code ui.common.DueWords}, the command line
 * through {@code cli.DueText}.
 */
public record Due(LocalDate date, LocalTime time) {

    public Due {
        Objects.requireNonNull(date, "date");
        if (time != null) {
            // Seconds are noise in a task list and would make "09:00" and "09:00:30" look equal but differ.
            time = time.withSecond(0).withNano(0);
        }
    }

    /** Due some time on {@code date}. */
    public static Due on(LocalDate date) {
        return new Due(date, null);
    }

    /** Due at {@code time} on {@code date}. */
    public static Due at(LocalDate date, LocalTime time) {
        return new Due(date, Objects.requireNonNull(time, "time"));
    }

    public boolean hasTime() {
        return time != null;
    }

    /** The same time of day on another date; used when a repeating task moves on. */
    public Due withDate(LocalDate newDate) {
        return new Due(newDate, time);
    }

    /**
     * Whether the task is late at {@code now} (read in now's zone). A date-only task is late from the
     * next day, because "due today" means any time today. Allocation-free: the filter calls it per task.
     */
    public boolean isOverdue(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        int byDate = date.compareTo(today);
        if (byDate != 0 || time == null) {
            return byDate < 0;
        }
        return time.isBefore(now.toLocalTime());
    }

    /** The due moment as a local date-time; date-only tasks count as the end of their day. */
    public LocalDateTime toLocalDateTime() {
        return time == null ? date.atTime(LocalTime.MAX) : date.atTime(time);
    }
}
