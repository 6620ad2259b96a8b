package org.taskdesk.ui.common;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.taskdesk.domain.tasks.Due;

/**
 * When a task is due, in words relative to now, as the list's due column says it: more than a day late "3 days
 * overdue"; "Yesterday", "Today 09:00", "Tomorrow"; 2 to 6 days ahead "in 5 days"; further ahead the day as
 * {@link Formats} writes it ("Mon 24 Nov", with the year when it is not this year), plus the time if there is one.
 */
public final class DueWords {
    private DueWords() {
    }

    public static String describe(Due due, ZonedDateTime now) {
        return describe(due, now, Formats.user());
    }

    /** As {@link #describe(Due, ZonedDateTime)}, with the days written by {@code formats}. */
    static String describe(Due due, ZonedDateTime now, Formats formats) {
        LocalDate today = now.toLocalDate();
        LocalDate date = due.date();
        long days = ChronoUnit.DAYS.between(today, date);
        if (days < -1) {
            return Messages.format("due.overdue", -days);
        }
        if (days >= 2 && days <= 6) {
            return Messages.format("due.in.days", days);
        }
        String day;
        if (days == -1) {
            day = Messages.text("due.yesterday");
        } else if (days == 0) {
            day = Messages.text("due.today");
        } else if (days == 1) {
            day = Messages.text("due.tomorrow");
        } else {
            day = date.getYear() == today.getYear() ? formats.shortDay(date) : formats.day(date);
        }
        return due.hasTime() ? Messages.format("due.at", day, Formats.TIME.format(due.time())) : day;
    }
}
