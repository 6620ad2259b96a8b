package org.taskdesk.cli;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.taskdesk.domain.tasks.Due;

/**
 * When a task is due, in the command line's fixed English (scripts read it, so it does not follow the locale).
 * Near dates are named, far ones are counted or written out, and the time is shown only where a day is named:
 * <ul>
 *   <li>more than one day in the past: {@code "3 days overdue"};</li>
 *   <li>yesterday, today, tomorrow: {@code "Yesterday"}, {@code "Today 09:00"}, {@code "Tomorrow"};</li>
 *   <li>2 to 6 days ahead: {@code "in 5 days"};</li>
 *   <li>further ahead: {@code "Mon 24 Nov"}, with the year when it is not this year ({@code "Fri 24 Dec 2027"}),
 *       plus the time if there is one.</li>
 * </ul>
 * The desktop app says the same through {@code ui.common.DueWords}, in the person's language.
 */
final class DueText {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DueText() {
    }

    static String describe(Due due, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate date = due.date();
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
        return due.hasTime() ? day + " " + time(due.time()) : day;
    }

    private static String time(LocalTime t) {
        return (t.getHour() < 10 ? "0" : "") + t.getHour() + ":" + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }
}
