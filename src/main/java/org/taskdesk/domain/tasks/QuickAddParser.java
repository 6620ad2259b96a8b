package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a one-line task such as {@code Pay rent tomorrow 9am #home !high every month}: the words it recognises
 * set the due date, time, priority, tags and recurrence; every other word stays in the title, in order,
 * single-spaced. If nothing would be left, the whole line (single-spaced) is the title.
 *
 * <h2>What it understands</h2>
 * <ul>
 *   <li>dates: {@code today}, {@code tomorrow}, weekday names ({@code monday}, {@code mon}: the next such day
 *       after today, never today itself), {@code next monday}, {@code next week} (next Monday),
 *       {@code in 3 days} / {@code in 2 weeks} / {@code in 1 month}, {@code 2026-12-24}, {@code dec 24},
 *       {@code 24 dec}, {@code december 24th}, optionally followed by a year; a date without a year is the next
 *       such date from today; an optional {@code on} before a date is part of it;</li>
 *   <li>times: {@code 9am}, {@code 9:30pm}, {@code 9 pm}, {@code 17:30}, {@code noon}, {@code at 5pm},
 *       {@code at 17};</li>
 *   <li>priority: {@code !high}, {@code !medium} / {@code !med}, {@code !low}, {@code !none}, and
 *       {@code !1} (high), {@code !2} (medium), {@code !3} (low) as in Todoist;</li>
 *   <li>tags: {@code #home}, any number of them;</li>
 *   <li>recurrence: {@code daily}, {@code weekly}, {@code monthly}, {@code yearly}, {@code every day/weekday/
 *       week/month/year}, {@code every other week}, {@code every 2 weeks [on mon and thu]},
 *       {@code every monday and thursday}, {@code every mon, wed}, {@code every 2nd tuesday},
 *       {@code every last friday}, {@code every 15th}, each optionally followed by {@code after completion}.</li>
 * </ul>
 * The first date, time, priority and recurrence win; a second one stays in the title.
 *
 * <h2>Defaults</h2>
 * A recurrence without a date starts at its first occurrence on or after today ("every monday" is the next
 * Monday, "every day" is today), or the next occurrence if that would be today at a time already past.
 * A time without a date is today, or tomorrow if that time has already passed.
 *
 * <p>It never throws: input it cannot read simply stays in the title. The clock comes in as {@code now}
 * (in the person's zone) so results are reproducible.
 */
public final class QuickAddParser {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m|p\\.m)");
    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Reads {@code line} relative to {@code now}; see the class comment. Never throws. */
    public QuickAdd parse(String line, ZonedDateTime now) {
        String text = line == null ? "" : line;
        try {
            return parseWithoutSafetyNet(text, now);
        } catch (RuntimeException e) {
            // Every matcher already refuses what it cannot read; this only guards against a bug in one of them,
            // so that quick add never loses what the person typed.
            return new QuickAdd(String.join(" ", text.trim().split("\\s+")), null, null, null, Tags.EMPTY, null,
                    List.of());
        }
    }

    /**
     * The parse without the last line of defence, so tests can show that the matchers themselves never throw
     * and the safety net in {@link #parse} is not what keeps quick add alive.
     */
    QuickAdd parseWithoutSafetyNet(String line, ZonedDateTime now) {
        return new Run(line == null ? "" : line, now).parse();
    }

    /** A whitespace-separated word: where it is, and a lower-case form without trailing punctuation. */
    private record Token(String raw, String norm, int start, int end, int normEnd) {
    }

    /** The state of one parse; a fresh one per line keeps the parser itself stateless. */
    private static final class Run {
        private final String line;
        private final ZonedDateTime now;
        private final LocalDate today;
        private final List<Token> tokens;
        private final List<QuickAddPart> parts = new ArrayList<>();

        private LocalDate date;
        private LocalTime time;
        private Priority priority;
        private Tags tags = Tags.EMPTY;
        private RecurrenceRule recurrence;

        // Set by a matcher that succeeds, read by the caller; keeps matchers from half-updating the result.
        private LocalDate foundDate;
        private LocalTime foundTime;
        private RecurrenceRule foundRule;

        Run(String line, ZonedDateTime now) {
            this.line = line;
            this.now = now;
            this.today = now.toLocalDate();
            this.tokens = tokenize(line);
        }

        QuickAdd parse() {
            boolean[] used = new boolean[tokens.size()];
            for (int i = 0; i < tokens.size(); ) {
                int k = matchAt(i);
                if (k == 0) {
                    i++;
                } else {
                    for (int j = i; j < i + k; j++) {
                        used[j] = true;
                    }
                    i += k;
                }
            }
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                if (!used[i]) {
                    title.append(title.length() == 0 ? "" : " ").append(tokens.get(i).raw());
                }
            }
            if (title.length() == 0) {
                for (Token t : tokens) {
                    title.append(title.length() == 0 ? "" : " ").append(t.raw());
                }
            }
            LocalDate dueDate = date;
            if (dueDate == null && recurrence != null) {
                dueDate = firstDate(recurrence);
            }
            if (dueDate == null && time != null) {
                dueDate = time.isAfter(now.toLocalTime()) ? today : today.plusDays(1);
            }
            return new QuickAdd(title.toString(), dueDate, time, priority, tags, recurrence, parts);
        }

        private LocalDate firstDate(RecurrenceRule rule) {
            LocalDate first = rule.firstOnOrAfter(today);
            if (first.equals(today) && time != null && !time.isAfter(now.toLocalTime())) {
                List<LocalDate> next = rule.nextOccurrences(today, 1);
                return next.isEmpty() ? first : next.get(0);
            }
            return first;
        }

        /** Tries each kind of part at token {@code i}; returns how many tokens the first match used. */
        private int matchAt(int i) {
            int k = safely(() -> tag(i));
            if (k > 0) {
                return k;
            }
            if (priority == null && (k = safely(() -> priority(i))) > 0) {
                return k;
            }
            if (recurrence == null && (k = safely(() -> recurrence(i))) > 0) {
                recurrence = foundRule;
                return part(QuickAddPart.Kind.RECURRENCE, i, k);
            }
            if (date == null && (k = safely(() -> date(i))) > 0) {
                date = foundDate;
                return part(QuickAddPart.Kind.DATE, i, k);
            }
            if (time == null && (k = safely(() -> time(i))) > 0) {
                time = foundTime;
                return part(QuickAddPart.Kind.TIME, i, k);
            }
            return 0;
        }

        private static int safely(IntSupplier matcher) {
            try {
                return matcher.getAsInt();
            } catch (RuntimeException e) {
                // Out-of-range dates and the like: the words are simply not a part, so they stay in the title.
                return 0;
            }
        }

        private int part(QuickAddPart.Kind kind, int i, int k) {
            int start = tokens.get(i).start();
            int end = tokens.get(i + k - 1).normEnd();
            parts.add(new QuickAddPart(kind, start, end, line.substring(start, end)));
            return k;
        }

        private String norm(int i) {
            return i < tokens.size() ? tokens.get(i).norm() : "";
        }

        // ---- tags and priority ------------------------------------------------------------------------

        private int tag(int i) {
            String w = norm(i);
            if (!w.startsWith("#") || w.length() < 2) {
                return 0;
            }
            String name = Tags.normaliseOrNull(w);
            if (name == null) {
                return 0;
            }
            tags = tags.with(name);
            return part(QuickAddPart.Kind.TAG, i, 1);
        }

        private int priority(int i) {
            String w = norm(i);
            if (!w.startsWith("!")) {
                return 0;
            }
            String word = w.substring(1);
            Priority p;
            switch (word) {
                case "1": p = Priority.HIGH; break;
                case "2": p = Priority.MEDIUM; break;
                case "3": p = Priority.LOW; break;
                default: p = Priority.parseOrNull(word.isBlank() ? null : word);
            }
            if (p == null) {
                return 0;
            }
            priority = p;
            return part(QuickAddPart.Kind.PRIORITY, i, 1);
        }

        // ---- recurrence -------------------------------------------------------------------------------

        private int recurrence(int i) {
            int k = recurrenceCore(i);
            if (k == 0) {
                return 0;
            }
            if (norm(i + k).equals("after") && norm(i + k + 1).equals("completion")) {
                foundRule = foundRule.afterCompletion();
                k += 2;
            }
            return k;
        }

        private int recurrenceCore(int i) {
            switch (norm(i)) {
                case "daily": foundRule = RecurrenceRule.daily(1); return 1;
                case "weekly": foundRule = RecurrenceRule.weekly(1, Set.of()); return 1;
                case "monthly": foundRule = RecurrenceRule.monthly(1); return 1;
                case "yearly":
                case "annually": foundRule = RecurrenceRule.yearly(1); return 1;
                case "every": break;
                default: return 0;
            }
            int j = i + 1;
            String w = norm(j);
            if (w.equals("weekday") || w.equals("weekdays")) {
                foundRule = RecurrenceRule.weekdays();
                return 2;
            }
            int interval = 0;
            int unitAt = j;
            if (w.equals("other")) {
                interval = 2;
                unitAt = j + 1;
            } else if (DateWords.smallNumber(w, 3) > 0) {
                interval = (int) DateWords.smallNumber(w, 3);
                unitAt = j + 1;
            } else if (DateWords.unit(w) != null) {
                interval = 1;
            }
            RecurrenceRule.Frequency unit = interval > 0 ? DateWords.unit(norm(unitAt)) : null;
            if (unit != null) {
                int k = unitAt + 1 - i;
                if (unit == RecurrenceRule.Frequency.WEEKLY && norm(unitAt + 1).equals("on")) {
                    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    int n = dayList(unitAt + 2, days);
                    if (n > 0) {
                        foundRule = RecurrenceRule.weekly(interval, days);
                        return k + 1 + n;
                    }
                }
                foundRule = rule(unit, interval);
                return k;
            }
            int ordinal = DateWords.weekdayOrdinal(w);
            DayOfWeek ordinalDay = DateWords.weekday(norm(j + 1));
            if (ordinal != 0 && ordinalDay != null) {
                foundRule = RecurrenceRule.monthlyOnWeekday(1, ordinal, ordinalDay);
                return 3;
            }
            int monthDay = DateWords.numberWithSuffix(w, true);
            // "every 5th friday" is not "every 5th of the month": refuse it whole rather than half-read it.
            if (monthDay >= 1 && monthDay <= 31 && ordinalDay == null) {
                foundRule = RecurrenceRule.monthlyOnDay(1, monthDay);
                return 2;
            }
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            int n = dayList(j, days);
            if (n > 0) {
                foundRule = RecurrenceRule.weekly(1, days);
                return 1 + n;
            }
            return 0;
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
         * Reads "mon, wed and fri", "monday & thursday", "mon,wed" starting at token {@code j} into {@code out};
         * returns the tokens used. A trailing "and" that is not followed by a day is left alone.
         */
        private int dayList(int j, Set<DayOfWeek> out) {
            int p = j;
            int used = 0;
            while (p < tokens.size()) {
                String w = norm(p);
                if (w.isEmpty() || w.equals("and") || w.equals("&")) {
                    if (out.isEmpty()) {
                        break;
                    }
                    p++;
                    continue;
                }
                List<DayOfWeek> found = new ArrayList<>();
                for (String piece : w.split(",")) {
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

        // ---- dates ------------------------------------------------------------------------------------

        private int date(int i) {
            if (norm(i).equals("on")) {
                int k = dateAt(i + 1);
                return k == 0 ? 0 : k + 1;
            }
            return dateAt(i);
        }

        private int dateAt(int j) {
            String w = norm(j);
            switch (w) {
                case "today": foundDate = today; return 1;
                case "tomorrow":
                case "tmrw": foundDate = today.plusDays(1); return 1;
                case "next":
                    if (norm(j + 1).equals("week")) {
                        foundDate = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                        return 2;
                    }
                    DayOfWeek nextDay = DateWords.weekday(norm(j + 1));
                    if (nextDay != null) {
                        foundDate = today.with(TemporalAdjusters.next(nextDay));
                        return 2;
                    }
                    return 0;
                case "in":
                    return inSoMany(j);
                default:
                    break;
            }
            DayOfWeek day = DateWords.weekday(w);
            if (day != null) {
                foundDate = today.with(TemporalAdjusters.next(day));
                return 1;
            }
            Matcher iso = ISO_DATE.matcher(w);
            if (iso.matches()) {
                foundDate = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
                return 1;
            }
            Month month = DateWords.month(w);
            if (month != null) {
                int dayOfMonth = DateWords.numberWithSuffix(norm(j + 1), false);
                int k = dayOfMonth > 0 ? monthDay(month, dayOfMonth, j + 2) : 0;
                return k == 0 ? 0 : k + 1;
            }
            int dayOfMonth = DateWords.numberWithSuffix(w, false);
            Month after = DateWords.month(norm(j + 1));
            if (dayOfMonth > 0 && after != null) {
                int k = monthDay(after, dayOfMonth, j + 2);
                return k == 0 ? 0 : k + 1;
            }
            return 0;
        }

        /** "in 3 days", "in 2 weeks", "in 1 month", "in 1 year". */
        private int inSoMany(int j) {
            long n = DateWords.smallNumber(norm(j + 1), 5);
            RecurrenceRule.Frequency unit = DateWords.unit(norm(j + 2));
            if (n < 0 || unit == null) {
                return 0;
            }
            switch (unit) {
                case DAILY: foundDate = today.plusDays(n); break;
                case WEEKLY: foundDate = today.plusWeeks(n); break;
                case MONTHLY: foundDate = today.plusMonths(n); break;
                default: foundDate = today.plusYears(n);
            }
            return 3;
        }

        /**
         * A month and day, with an optional year at token {@code yearAt}; returns the tokens used after the
         * first one (1, or 2 with the year). Without a year: the next such date on or after today, so
         * "feb 29" finds the next leap year. An impossible date ("feb 30") throws and so is not a date.
         */
        private int monthDay(Month month, int day, int yearAt) {
            String y = norm(yearAt);
            if (YEAR.matcher(y).matches()) {
                foundDate = LocalDate.of(Integer.parseInt(y), month, day);
                return 2;
            }
            for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
                try {
                    LocalDate candidate = LocalDate.of(year, month, day);
                    if (!candidate.isBefore(today)) {
                        foundDate = candidate;
                        return 1;
                    }
                } catch (DateTimeException e) {
                    // Feb 29 in a common year: try the next year.
                }
            }
            return 0;
        }

        // ---- times ------------------------------------------------------------------------------------

        private int time(int i) {
            if (norm(i).equals("at")) {
                int k = timeAt(i + 1, true);
                return k == 0 ? 0 : k + 1;
            }
            return timeAt(i, false);
        }

        private int timeAt(int j, boolean bareHourAllowed) {
            String w = norm(j);
            if (w.equals("noon")) {
                foundTime = LocalTime.NOON;
                return 1;
            }
            Matcher twelve = TWELVE_HOUR.matcher(w);
            if (twelve.matches()) {
                foundTime = twelveHour(twelve.group(1), twelve.group(2), twelve.group(3));
                return foundTime == null ? 0 : 1;
            }
            String marker = norm(j + 1);
            boolean markerFollows = marker.equals("am") || marker.equals("pm") || marker.equals("a.m")
                    || marker.equals("p.m");
            Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(w);
            if (twentyFour.matches()) {
                if (markerFollows) {
                    foundTime = twelveHour(twentyFour.group(1), twentyFour.group(2), marker);
                    return foundTime == null ? 0 : 2;
                }
                foundTime = LocalTime.of(Integer.parseInt(twentyFour.group(1)), Integer.parseInt(twentyFour.group(2)));
                return 1;
            }
            long hour = DateWords.smallNumber(w, 2);
            if (hour >= 0 && markerFollows) {
                foundTime = twelveHour(w, null, marker);
                return foundTime == null ? 0 : 2;
            }
            if (hour >= 0 && hour <= 23 && bareHourAllowed) {
                foundTime = LocalTime.of((int) hour, 0);
                return 1;
            }
            return 0;
        }

        private static LocalTime twelveHour(String hourText, String minuteText, String marker) {
            int hour = Integer.parseInt(hourText);
            int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
            if (hour < 1 || hour > 12 || minute > 59) {
                return null;
            }
            boolean pm = marker.startsWith("p");
            return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
        }

        // ---- tokens -----------------------------------------------------------------------------------

        private static List<Token> tokenize(String line) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int n = line.length();
            while (i < n) {
                while (i < n && isSpace(line.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !isSpace(line.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    String raw = line.substring(start, i);
                    int normEnd = i;
                    // Trailing punctuation belongs to the sentence, not the word: "tomorrow," is still tomorrow.
                    while (normEnd > start + 1 && ",.;:".indexOf(line.charAt(normEnd - 1)) >= 0) {
                        normEnd--;
                    }
                    String norm = line.substring(start, normEnd).toLowerCase(Locale.ROOT);
                    if (norm.length() == 1 && ",.;:".indexOf(norm.charAt(0)) >= 0) {
                        norm = "";
                    }
                    tokens.add(new Token(raw, norm, start, i, normEnd));
                }
            }
            return tokens;
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }
}
