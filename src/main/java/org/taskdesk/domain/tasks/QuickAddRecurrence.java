package org.taskdesk.domain.tasks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskdesk.domain.tasks.QuickAddWords.Match;

/**
 * Repeat phrases in a quick-add line: daily/weekly/monthly/yearly, "every day/weekday/week/month/year",
 * "every other week", "every 2 weeks [on mon and thu]", "every monday and thursday", "every mon, wed",
 * "every 2nd tuesday", "every last friday", "every 15th", each optionally followed by "after completion" and by
 * "until" and a date or "for N times".
 * Returns null when the words are not a repeat; numbers the rule refuses ("every 0 weeks") throw
 * {@link InvalidTaskException}, which the parser reads the same way.
 */
final class QuickAddRecurrence {

    private QuickAddRecurrence() {
    }

    static Match<RecurrenceRule> at(QuickAddWords w, int i, LocalDate today) {
        Match<RecurrenceRule> m = core(w, i);
        if (m == null) {
            return null;
        }
        int end = i + m.words();
        if (w.norm(end).equals("after") && w.norm(end + 1).equals("completion")) {
            m = new Match<>(m.value().afterCompletion(), m.words() + 2);
            end += 2;
        }
        if (w.norm(end).equals("until")) {
            Match<LocalDate> last = QuickAddDates.at(w, end + 1, today);
            if (last != null) {
                m = new Match<>(m.value().until(last.value()), m.words() + 1 + last.words());
            }
        } else if (w.norm(end).equals("for") && isTimes(w.norm(end + 2))) {
            // "for 0 times" or "for 5000 times" is refused by the rule, so the whole repeat stays in the title
            // with the rule's reason rather than silently repeating forever.
            long times = DateWords.smallNumber(w.norm(end + 1), 4);
            if (times >= 0) {
                m = new Match<>(m.value().times((int) times), m.words() + 3);
            }
        }
        return m;
    }

    private static boolean isTimes(String word) {
        return word.equals("times") || word.equals("time");
    }

    /**
     * Whether the repeat at word {@code i}, {@code words} long, is a single word that is also an ordinary title
     * word ("Weekly sync", "Daily standup"), so that what follows decides.
     */
    static boolean alsoAnOrdinaryWord(QuickAddWords w, int i, int words) {
        return words == 1 && !w.norm(i).equals("every");
    }

    private static Match<RecurrenceRule> core(QuickAddWords w, int i) {
        switch (w.norm(i)) {
            case "daily": return new Match<>(RecurrenceRule.daily(1), 1);
            case "weekly": return new Match<>(RecurrenceRule.weekly(1, Set.of()), 1);
            case "monthly": return new Match<>(RecurrenceRule.monthly(1), 1);
            case "yearly":
            case "annually": return new Match<>(RecurrenceRule.yearly(1), 1);
            case "every": break;
            default: return null;
        }
        int j = i + 1;
        String word = w.norm(j);
        if (word.equals("weekday") || word.equals("weekdays")) {
            return new Match<>(RecurrenceRule.weekdays(), 2);
        }
        int interval = 0;
        int unitAt = j;
        long number = DateWords.smallNumber(word, 3);
        if (word.equals("other")) {
            interval = 2;
            unitAt = j + 1;
        } else if (number >= 0) {
            // 0 stays 0 and is refused by the rule below, so "every 0 weeks" stays in the title.
            interval = (int) number;
            unitAt = j + 1;
        } else if (DateWords.unit(word) != null) {
            interval = 1;
        }
        RecurrenceRule.Frequency unit = unitAt != j || interval == 1 ? DateWords.unit(w.norm(unitAt)) : null;
        if (unit != null) {
            int used = unitAt + 1 - i;
            if (unit == RecurrenceRule.Frequency.WEEKLY && w.norm(unitAt + 1).equals("on")) {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                int n = dayList(w, unitAt + 2, days);
                if (n > 0) {
                    return new Match<>(RecurrenceRule.weekly(interval, days), used + 1 + n);
                }
            }
            return new Match<>(rule(unit, interval), used);
        }
        int ordinal = DateWords.weekdayOrdinal(word);
        DayOfWeek ordinalDay = DateWords.weekday(w.norm(j + 1));
        if (ordinal != 0 && ordinalDay != null) {
            return new Match<>(RecurrenceRule.monthlyOnWeekday(1, ordinal, ordinalDay), 3);
        }
        int monthDay = DateWords.numberWithSuffix(word, true);
        if (monthDay >= 5 && ordinalDay != null) {
            // RFC 5545 would allow BYDAY=5TU (only the months that have one), but a task that skips most months
            // without saying so surprises more than it helps; the person almost always means the last one.
            String day = w.norm(j + 1);
            throw new InvalidTaskException("Most months have no " + word + " " + day + " (a month has 4 or 5 of "
                    + "each weekday): write 'every last " + day + "' or 'every 4th " + day + "'.");
        }
        // "every 5th friday" is not "every 5th of the month": refuse it whole rather than half-read it.
        if (monthDay >= 1 && monthDay <= 31 && ordinalDay == null) {
            return new Match<>(RecurrenceRule.monthlyOnDay(1, monthDay), 2);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int n = dayList(w, j, days);
        return n > 0 ? new Match<>(RecurrenceRule.weekly(1, days), 1 + n) : null;
    }

    private static RecurrenceRule rule(RecurrenceRule.Frequency unit, int interval) {
        switch (unit) {
            case DAILY: return RecurrenceRule.daily(interval);
            case WEEKLY: return RecurrenceRule.weekly(interval, Set.of());
            case MONTHLY: return RecurrenceRule.monthly(interval);
            default: return RecurrenceRule.yearly(interval);
        }
    }

    /**
     * Reads "mon, wed and fri", "monday & thursday", "mon,wed" starting at word {@code j} into {@code out};
     * returns the words used. A trailing "and" that is not followed by a day is left alone.
     */
    private static int dayList(QuickAddWords w, int j, Set<DayOfWeek> out) {
        int p = j;
        int used = 0;
        while (p < w.size()) {
            String word = w.norm(p);
            if (word.isEmpty() || word.equals("and") || word.equals("&")) {
                if (out.isEmpty()) {
                    break;
                }
                p++;
                continue;
            }
            List<DayOfWeek> found = new ArrayList<>();
            for (String piece : word.split(",")) {
                if (piece.isEmpty()) {
                    continue;
                }
                DayOfWeek d = DateWords.weekday(piece);
                if (d == null) {
                    found = null;
                    break;
                }
                found.add(d);
            }
            if (found == null || found.isEmpty()) {
                break;
            }
            out.addAll(found);
            p++;
            used = p - j;
        }
        return used;
    }
}
