package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a task is due: a date, and optionally a time of day ({@code time == null} means "some time that day").
 * Both are local to the person, so a task due at 09:00 stays at 09:00 when they travel.
 *
 * <h2>In words ({@link #describe})</h2>
 * Near dates are named, far ones are counted or written out, and the time is shown only where a day is named:
 * <ul>
 *   <li>more than one day in the past: {@code "3 days overdue"};</li>
 *   <li>yesterday, today, tomorrow: {@code "Yesterday"}, {@code "Today 09:00"}, {@code "Tomorrow"};</li>
 *   <li>2 to 6 days ahead: {@code "in 5 days"};</li>
 *   <li>further ahead: {@code "Mon 24 Nov"}, with the year when it is not this year ({@code "Fri 24 Dec 2027"}),
 *       plus the time if there is one.</li>
 * </ul>
 */
public record Due(LocalDate date, LocalTime time) {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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

    /** The due date and time in words relative to {@code now}; see the class comment for the scheme. */
    public String describe(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        long days = ChronoUnit.DAYS.between(today, date);
        if (days < -1) {
            return (-days) + " days overdue";
        }
        if (days >= 2 && days <= 6) {
            return "in " + days + " days";
        }
        String day;
        if (days == -1) {
            day = "Yesterday";
        } else if (days == 0) {
            day = "Today";
        } else if (days == 1) {
            day = "Tomorrow";
        } else {
            day = DAYS[date.getDayOfWeek().getValue() - 1] + " " + date.getDayOfMonth() + " "
                    + MONTHS[date.getMonthValue() - 1] + (date.getYear() == today.getYear() ? "" : " " + date.getYear());
        }
        return time == null ? day : day + " " + formatTime(time);
    }

    static String formatTime(LocalTime t) {
        return (t.getHour() < 10 ? "0" : "") + t.getHour() + ":" + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }
}
