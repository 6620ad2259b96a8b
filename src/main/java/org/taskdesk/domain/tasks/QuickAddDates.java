package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.taskdesk.domain.tasks.QuickAddWords.Match;

/**
 * Dates in a quick-add line: today, tomorrow, weekday names, next week, in N days/weeks/months/years,
 * ISO dates and month-day in either order with an optional year (see {@link QuickAddParser}).
 * Returns null when the words are not a date; an impossible date ("feb 30") may throw, which the parser
 * reads the same way.
 */
final class QuickAddDates {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private QuickAddDates() {
    }

    static Match<LocalDate> at(QuickAddWords w, int i, LocalDate today) {
        if (w.norm(i).equals("on")) {
            Match<LocalDate> m = dateAt(w, i + 1, today);
            return m == null ? null : new Match<>(m.value(), m.words() + 1);
        }
        return dateAt(w, i, today);
    }

    /**
     * Whether a date that starts at word {@code i} also reads as ordinary words: a bare weekday ("Friday Night
     * Lights", "Sun cream") or a month and day ("May 5 chapters"). "today", "on friday", "next friday" and
     * ISO dates are said only as dates.
     */
    static boolean alsoOrdinaryWords(QuickAddWords w, int i) {
        String word = w.norm(i);
        return DateWords.weekday(word) != null || DateWords.month(word) != null
                || DateWords.numberWithSuffix(word, false) > 0 && DateWords.month(w.norm(i + 1)) != null;
    }

    private static Match<LocalDate> dateAt(QuickAddWords w, int j, LocalDate today) {
        String word = w.norm(j);
        switch (word) {
            case "today":
                return new Match<>(today, 1);
            case "tomorrow":
            case "tmrw":
                return new Match<>(today.plusDays(1), 1);
            case "next":
                if (w.norm(j + 1).equals("week")) {
                    return new Match<>(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), 2);
                }
                DayOfWeek nextDay = DateWords.weekday(w.norm(j + 1));
                return nextDay == null ? null : new Match<>(today.with(TemporalAdjusters.next(nextDay)), 2);
            case "in":
                return inSoMany(w, j, today);
            default:
                break;
        }
        DayOfWeek day = DateWords.weekday(word);
        if (day != null) {
            // The next such day, never today: "monday" said on a Monday means next week's.
            return new Match<>(today.with(TemporalAdjusters.next(day)), 1);
        }
        Matcher iso = ISO_DATE.matcher(word);
        if (iso.matches()) {
            return new Match<>(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3))), 1);
        }
        Month month = DateWords.month(word);
        if (month != null) {
            int dayOfMonth = DateWords.numberWithSuffix(w.norm(j + 1), false);
            return dayOfMonth > 0 ? monthDay(w, month, dayOfMonth, j + 2, today) : null;
        }
        int dayOfMonth = DateWords.numberWithSuffix(word, false);
        Month after = DateWords.month(w.norm(j + 1));
        return dayOfMonth > 0 && after != null ? monthDay(w, after, dayOfMonth, j + 2, today) : null;
    }

    /** "in 3 days", "in 2 weeks", "in 1 month", "in 1 year"; at most five digits, so no overflow. */
    private static Match<LocalDate> inSoMany(QuickAddWords w, int j, LocalDate today) {
        long n = DateWords.smallNumber(w.norm(j + 1), 5);
        RecurrenceRule.Frequency unit = DateWords.unit(w.norm(j + 2));
        if (n < 0 || unit == null) {
            return null;
        }
        switch (unit) {
            case DAILY: return new Match<>(today.plusDays(n), 3);
            case WEEKLY: return new Match<>(today.plusWeeks(n), 3);
            case MONTHLY: return new Match<>(today.plusMonths(n), 3);
            default: return new Match<>(today.plusYears(n), 3);
        }
    }

    /**
     * A month and day (two words), with an optional year as the third. Without a year: the next such date on or
     * after today, so "feb 29" finds the next leap year; a date that never exists ("feb 30") is no date.
     */
    private static Match<LocalDate> monthDay(QuickAddWords w, Month month, int day, int yearAt, LocalDate today) {
        String y = w.norm(yearAt);
        if (YEAR.matcher(y).matches()) {
            return new Match<>(LocalDate.of(Integer.parseInt(y), month, day), 3);
        }
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (!candidate.isBefore(today)) {
                    return new Match<>(candidate, 2);
                }
            } catch (DateTimeException e) {
                // Feb 29 in a common year: try the next year.
            }
        }
        return null;
    }
}
