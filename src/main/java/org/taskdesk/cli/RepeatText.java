package org.taskdesk.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.taskdesk.domain.tasks.DateWords;
import org.taskdesk.domain.tasks.RecurrenceRule;

/**
 * A repeat in words as the command line prints it: "every 2 weeks on Monday and Thursday", "every month on the
 * last Friday", followed by " after completion", then " until 31 Dec 2027" or " 5 times". The command line speaks
 * English only and scripts read its output (also the {@code repeats} field of {@code --json}), so it keeps this
 * fixed wording of its own; the desktop app words repeats from its resource bundle.
 */
final class RepeatText {
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private RepeatText() {
    }

    static String describe(RecurrenceRule rule) {
        StringBuilder sb = new StringBuilder("every ");
        int interval = rule.interval();
        if (rule.frequency() == RecurrenceRule.Frequency.WEEKLY && interval == 1 && isWeekdays(rule.days())) {
            sb.append("weekday");
        } else {
            String noun = switch (rule.frequency()) {
                case DAILY -> "day";
                case WEEKLY -> "week";
                case MONTHLY -> "month";
                case YEARLY -> "year";
            };
            sb.append(interval == 1 ? noun : interval + " " + noun + "s");
            if (!rule.days().isEmpty()) {
                sb.append(" on ");
                if (isWeekdays(rule.days())) {
                    sb.append("weekdays");
                } else {
                    List<String> names = new ArrayList<>();
                    for (DayOfWeek d : rule.days()) {
                        names.add(dayName(d));
                    }
                    sb.append(joinWithAnd(names));
                }
            }
            rule.monthDay().ifPresent(day -> sb.append(" on the ").append(DateWords.ordinal(day)));
            if (rule.weekdayOrdinal() != 0) {
                sb.append(" on the ").append(rule.weekdayOrdinal() == -1 ? "last" : DateWords.ordinal(rule.weekdayOrdinal()))
                        .append(' ').append(dayName(rule.ordinalDay().orElseThrow()));
            }
        }
        if (rule.dayOrLastDay().isPresent()) {
            sb.append(" on the ").append(DateWords.ordinal(rule.dayOrLastDay().get())).append(" or the last day of shorter months");
        } else {
            rule.calendarParts().ifPresent(parts -> sb.append(" (").append(parts).append(')'));
        }
        if (rule.isAfterCompletion()) {
            sb.append(" after completion");
        }
        rule.endDate().ifPresent(end -> sb.append(" until ").append(date(end)));
        int left = rule.timesLeft().orElse(0);
        if (left == 1) {
            sb.append(" once");
        } else if (left > 1) {
            sb.append(' ').append(left).append(" times");
        }
        return sb.toString();
    }

    private static boolean isWeekdays(Set<DayOfWeek> days) {
        return days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    private static String date(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private static String dayName(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String joinWithAnd(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
