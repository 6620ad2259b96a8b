package org.taskdesk.ui.common;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import org.taskdesk.domain.tasks.RecurrenceRule;

/**
 * A repeat in words for people: "every day", "every weekday", "every 2 weeks on Monday and Thursday", "every month
 * on the 2nd Tuesday", "every month on the last Friday", "every year", followed by " after completion", then
 * " until 31 Dec 2027" or " 5 times". The words come from the bundle (repeat.*), day names and dates from the
 * person's locale; the rule itself ({@link RecurrenceRule}) holds no text.
 */
public final class RepeatWords {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private RepeatWords() {
    }

    /** The repeat as a phrase that starts in lower case, to stand inside a sentence; capitalise it to stand alone. */
    public static String describe(RecurrenceRule rule) {
        String words;
        if (rule.frequency() == RecurrenceRule.Frequency.WEEKLY && rule.interval() == 1 && rule.days().equals(WEEKDAYS)) {
            words = Messages.text("repeat.every.weekday");
        } else {
            words = every(rule);
            if (rule.days().equals(WEEKDAYS)) {
                words = Messages.format("repeat.on.weekdays", words);
            } else if (!rule.days().isEmpty()) {
                words = Messages.format("repeat.on.days", words, dayList(rule.days()));
            }
            if (rule.monthDay().isPresent()) {
                words = Messages.format("repeat.on.month.day", words, ordinal(rule.monthDay().get()));
            }
            if (rule.weekdayOrdinal() != 0) {
                String which = rule.weekdayOrdinal() == -1 ? Messages.text("repeat.last") : ordinal(rule.weekdayOrdinal());
                words = Messages.format("repeat.on.weekday.of.month", words, which, dayName(rule.ordinalDay().orElseThrow()));
            }
        }
        if (rule.isAfterCompletion()) {
            words = Messages.format("repeat.after.completion", words);
        }
        if (rule.endDate().isPresent()) {
            words = Messages.format("repeat.until", words, Formats.DATE.format(rule.endDate().get()));
        }
        if (rule.timesLeft().isPresent()) {
            words = Messages.format("repeat.times", words, rule.timesLeft().get());
        }
        return words;
    }

    private static String every(RecurrenceRule rule) {
        int n = rule.interval();
        return switch (rule.frequency()) {
            case DAILY -> Messages.format("repeat.every.day", n);
            case WEEKLY -> Messages.format("repeat.every.week", n);
            case MONTHLY -> Messages.format("repeat.every.month", n);
            case YEARLY -> Messages.format("repeat.every.year", n);
        };
    }

    /** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
    private static String dayList(Set<DayOfWeek> days) {
        Iterator<DayOfWeek> it = days.iterator(); // an EnumSet: Monday first
        String list = dayName(it.next());
        int left = days.size() - 1;
        while (left > 1) {
            list = Messages.format("repeat.list", list, dayName(it.next()));
            left--;
        }
        return left == 1 ? Messages.format("repeat.list.last", list, dayName(it.next())) : list;
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Messages.language());
    }

    /** "1st", "2nd", "3rd", "11th", "22nd". */
    private static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return Messages.format("repeat.ordinal.other", n);
        }
        return switch (n % 10) {
            case 1 -> Messages.format("repeat.ordinal.one", n);
            case 2 -> Messages.format("repeat.ordinal.two", n);
            case 3 -> Messages.format("repeat.ordinal.few", n);
            default -> Messages.format("repeat.ordinal.other", n);
        };
    }
}
