package org.taskdesk.domain.tasks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a task repeats: an RFC 5545 RRULE, with the dates computed by lib-recur (the library Tasks.org uses) so that
 * edge cases such as "the last Friday" or "the 31st" follow the standard.
 *
 * <h2>What is supported</h2>
 * The editable subset, which quick add and the repeat editor make and show field by field:
 * <ul>
 *   <li>{@code FREQ=DAILY}, optionally with {@code INTERVAL=n}: every n days;</li>
 *   <li>{@code FREQ=WEEKLY}, optionally {@code BYDAY=MO,TH} (plain days, no numbers); weekdays are
 *       {@code FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR};</li>
 *   <li>{@code FREQ=MONTHLY}, optionally {@code BYMONTHDAY=d} (1..31) or {@code BYDAY=2TU} / {@code BYDAY=-1FR}
 *       (1st to 4th or last weekday of the month);</li>
 *   <li>{@code FREQ=YEARLY};</li>
 *   <li>{@code INTERVAL=n} (1..999) with any of them, and at most one of {@code UNTIL} or {@code COUNT=n} (1..999).</li>
 * </ul>
 * and every other rule from a calendar that lib-recur computes and that repeats by whole days ({@code BYSETPOS},
 * {@code BYMONTH}, negative or several {@code BYMONTHDAY}, several numbered {@code BYDAY}, {@code WKST},
 * {@code BYYEARDAY}, {@code BYWEEKNO}): those parts are kept as their text ({@link #calendarParts()}). Rules within a
 * day ({@code FREQ=HOURLY}, {@code BYHOUR}…) are refused: a task repeats by days and keeps its due time. A DATE-TIME
 * {@code UNTIL} keeps its time ({@link #lastDate}). Without day parts, the schedule follows the date it is anchored
 * at (the task's due date), as RFC 5545 does: {@code FREQ=MONTHLY} from 31 Jan skips months without a 31st; quick
 * add's "every month" from the 29th to 31st is {@link #monthlyOnDayOrLast} instead. ADR 0020 has the reasons.
 *
 * <h2>Storage</h2>
 * The {@code recurrence_pattern varchar(500)} column (version 9) holds the canonical RRULE text without the
 * {@code RRULE:} prefix, parts in the order FREQ, INTERVAL (left out when 1), BYDAY or BYMONTHDAY (or the calendar
 * parts), UNTIL or COUNT, and then the x-parts {@code X-TIME} ({@link #keptTime()}) and the after-completion marker
 * {@code X-FROM=DONE}, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;X-FROM=DONE}. x-name parts are RFC 5545's own,
 * so other RRULE readers ignore them instead of failing. A rule whose text would exceed {@value #MAX_STORED_LENGTH}
 * characters cannot be built: the factories throw {@link InvalidTaskException}.
 *
 * <h2>COUNT means "times left"</h2>
 * A task is one row, not a series, so the count is kept as the number of occurrences <em>left, counting the
 * current due date</em>. Completing a task uses one ({@link #withOneOccurrenceUsed()}); a rule with
 * {@code COUNT=1} has ended once the task is done. Skipped (overdue) occurrences use none.
 */
public final class RecurrenceRule {

    public static final int MAX_STORED_LENGTH = 500;
    public static final int MAX_INTERVAL = 999;
    public static final int MAX_COUNT = 999;

    private static final Set<DayOfWeek> WEEKDAYS =
            Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** The unit the rule repeats in. */
    public enum Frequency {
        DAILY(ChronoUnit.DAYS),
        WEEKLY(ChronoUnit.WEEKS),
        MONTHLY(ChronoUnit.MONTHS),
        YEARLY(ChronoUnit.YEARS);

        private final ChronoUnit unit;

        Frequency(ChronoUnit unit) {
            this.unit = unit;
        }

        /** The calendar unit one step of this frequency is. */
        ChronoUnit unit() {
            return unit;
        }
    }

    private final Frequency frequency;
    private final int interval;
    private final Set<DayOfWeek> days;        // WEEKLY only; empty = the anchor's weekday
    private final int monthDay;               // MONTHLY only; 0 = none
    private final int weekdayOrdinal;         // MONTHLY only; 1..4 or -1; 0 = none
    private final DayOfWeek ordinalDay;       // with weekdayOrdinal
    private final LocalDate endDate;          // UNTIL, inclusive; null = none
    private final int timesLeft;              // COUNT; 0 = unlimited
    private final boolean afterCompletion;
    private final String calendarParts;      // parts beyond the editable subset ("BYMONTH=6,7;WKST=SU"); null = none
    private final LocalTime endTime;          // UNTIL's time of day; null = UNTIL is a date
    private final boolean endInUtc;           // UNTIL's time ends in Z
    private final LocalTime keptTime;         // X-TIME: the due time chosen, when this occurrence fell into a gap
    private final String stored;

    /** The editable subset; package-private for {@link RecurrenceRuleText}, everyone else uses the factories. */
    RecurrenceRule(Frequency frequency, int interval, Set<DayOfWeek> days, int monthDay,
                           int weekdayOrdinal, DayOfWeek ordinalDay, LocalDate endDate, int timesLeft,
                           boolean afterCompletion) {
        this(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, null, endDate, null, false, timesLeft,
                afterCompletion);
    }

    /**
     * Checks every combination. {@code calendarParts}, already checked by {@link RecurrenceRuleText} with lib-recur,
     * are the parts of a rule from a calendar that the editable fields cannot hold; the fields for days are then
     * empty.
     */
    RecurrenceRule(Frequency frequency, int interval, Set<DayOfWeek> days, int monthDay,
                   int weekdayOrdinal, DayOfWeek ordinalDay, String calendarParts, LocalDate endDate,
                   LocalTime endTime, boolean endInUtc, int timesLeft, boolean afterCompletion) {
        this.frequency = Objects.requireNonNull(frequency, "frequency");
        if (interval < 1 || interval > MAX_INTERVAL) {
            throw new InvalidTaskException("Repeat interval " + interval + " is out of range; use 1 to "
                    + MAX_INTERVAL + ".");
        }
        if (timesLeft < 0 || timesLeft > MAX_COUNT) {
            throw new InvalidTaskException("Repeat count " + timesLeft + " is out of range; use 1 to "
                    + MAX_COUNT + " times.");
        }
        if (endDate != null && timesLeft > 0) {
            throw new InvalidTaskException("A repeat rule can end on a date or after a number of times, "
                    + "not both; keep one.");
        }
        if (!days.isEmpty() && frequency != Frequency.WEEKLY) {
            throw new InvalidTaskException("Days of the week without a number only work with weekly repeats; "
                    + "use FREQ=WEEKLY.");
        }
        if ((monthDay != 0 || weekdayOrdinal != 0) && frequency != Frequency.MONTHLY) {
            throw new InvalidTaskException("A day of the month only works with monthly repeats; use FREQ=MONTHLY.");
        }
        if (monthDay < 0 || monthDay > 31) {
            throw new InvalidTaskException("Day of month " + monthDay + " is out of range; use 1 to 31.");
        }
        if (weekdayOrdinal != 0 && (weekdayOrdinal < -1 || weekdayOrdinal > 4 || ordinalDay == null)) {
            throw new InvalidTaskException("Only the 1st to 4th or the last weekday of a month is supported; "
                    + "use 1 to 4 or -1.");
        }
        if (monthDay != 0 && weekdayOrdinal != 0) {
            throw new InvalidTaskException("A monthly repeat is on a day number or on a weekday, not both; keep one.");
        }
        this.interval = interval;
        this.days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        this.monthDay = monthDay;
        this.weekdayOrdinal = weekdayOrdinal;
        this.ordinalDay = weekdayOrdinal == 0 ? null : ordinalDay;
        this.endDate = endDate;
        this.timesLeft = timesLeft;
        this.afterCompletion = afterCompletion;
        this.calendarParts = calendarParts == null || calendarParts.isEmpty() ? null : calendarParts;
        this.endTime = endDate == null ? null : endTime;
        this.endInUtc = this.endTime != null && endInUtc;
        this.keptTime = null;
        this.stored = RecurrenceRuleText.write(this, true);
        if (stored.length() > MAX_STORED_LENGTH) {
            throw new InvalidTaskException("This repeat rule needs " + stored.length() + " characters to save and "
                    + "the limit is " + MAX_STORED_LENGTH + "; drop the end date, the count or some parts.");
        }
    }

    /** {@code base} with {@code keptTime}; see {@link #keepingTime}. */
    private RecurrenceRule(RecurrenceRule base, LocalTime keptTime) {
        this.frequency = base.frequency;
        this.interval = base.interval;
        this.days = base.days;
        this.monthDay = base.monthDay;
        this.weekdayOrdinal = base.weekdayOrdinal;
        this.ordinalDay = base.ordinalDay;
        this.endDate = base.endDate;
        this.timesLeft = base.timesLeft;
        this.afterCompletion = base.afterCompletion;
        this.calendarParts = base.calendarParts;
        this.endTime = base.endTime;
        this.endInUtc = base.endInUtc;
        this.keptTime = keptTime;
        this.stored = RecurrenceRuleText.write(this, true);
    }

    // ---- factories for the UI and quick add -------------------------------------------------------------

    /** Every {@code interval} days. */
    public static RecurrenceRule daily(int interval) {
        return new RecurrenceRule(Frequency.DAILY, interval, Set.of(), 0, 0, null, null, 0, false);
    }

    /** Monday to Friday, every week. */
    public static RecurrenceRule weekdays() {
        return weekly(1, WEEKDAYS);
    }

    /** Every {@code interval} weeks on the given days; no days means the weekday of the due date. */
    public static RecurrenceRule weekly(int interval, Set<DayOfWeek> days) {
        return new RecurrenceRule(Frequency.WEEKLY, interval, Objects.requireNonNull(days, "days"), 0, 0, null,
                null, 0, false);
    }

    /** Every {@code interval} months on day {@code day} (1..31; months without that day are skipped). */
    public static RecurrenceRule monthlyOnDay(int interval, int day) {
        if (day < 1) {
            throw new InvalidTaskException("Day of month " + day + " is out of range; use 1 to 31.");
        }
        return new RecurrenceRule(Frequency.MONTHLY, interval, Set.of(), day, 0, null, null, 0, false);
    }

    /** Every {@code interval} months on the {@code ordinal}-th (1..4, or -1 for the last) {@code day}. */
    public static RecurrenceRule monthlyOnWeekday(int interval, int ordinal, DayOfWeek day) {
        if (ordinal == 0) {
            throw new InvalidTaskException("Only the 1st to 4th or the last weekday of a month is supported; "
                    + "use 1 to 4 or -1.");
        }
        return new RecurrenceRule(Frequency.MONTHLY, interval, Set.of(), 0, ordinal,
                Objects.requireNonNull(day, "day"), null, 0, false);
    }

    /**
     * Every {@code interval} months on day {@code day} (29 to 31), or on the last day of a month that is shorter:
     * what people mean by "rent on the 31st" (Todoist does the same), where RFC 5545's {@code BYMONTHDAY=31} skips
     * February. Written in plain RFC 5545, so other calendars compute the same dates:
     * {@code FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1} (the latest of those days the month has).
     */
    public static RecurrenceRule monthlyOnDayOrLast(int interval, int day) {
        if (day < 29 || day > 31) {
            throw new IllegalArgumentException("Only the 29th to 31st can fall on a shorter month's last day: " + day);
        }
        return new RecurrenceRule(Frequency.MONTHLY, interval, Set.of(), 0, 0, null, dayOrLastParts(day), null, null,
                false, 0, false);
    }

    private static String dayOrLastParts(int day) {
        StringBuilder days = new StringBuilder("28");
        for (int d = 29; d <= day; d++) {
            days.append(',').append(d);
        }
        return "BYMONTHDAY=" + days + ";BYSETPOS=-1";
    }

    /**
     * For a monthly rule that names no day, anchored at {@code due}: when that is the 29th to 31st, the same rule on
     * that day or the last day of shorter months (see {@link #monthlyOnDayOrLast}), keeping its end and "after
     * completion"; otherwise this rule. Quick add's "every month" uses it.
     */
    public RecurrenceRule onDayOrLastDayFrom(LocalDate due) {
        if (frequency != Frequency.MONTHLY || namesDays() || due.getDayOfMonth() < 29) {
            return this;
        }
        return new RecurrenceRule(frequency, interval, days, 0, 0, null, dayOrLastParts(due.getDayOfMonth()), endDate,
                endTime, endInUtc, timesLeft, afterCompletion);
    }

    /** For a rule made by {@link #monthlyOnDayOrLast}: its day (29 to 31); else empty. */
    public Optional<Integer> dayOrLastDay() {
        for (int day = 29; day <= 31; day++) {
            if (dayOrLastParts(day).equals(calendarParts)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Every {@code interval} months on the due date's day of month. */
    public static RecurrenceRule monthly(int interval) {
        return new RecurrenceRule(Frequency.MONTHLY, interval, Set.of(), 0, 0, null, null, 0, false);
    }

    /** Every {@code interval} years on the due date's day. */
    public static RecurrenceRule yearly(int interval) {
        return new RecurrenceRule(Frequency.YEARLY, interval, Set.of(), 0, 0, null, null, 0, false);
    }

    /** A copy that ends on {@code lastDate} (inclusive); replaces any count. */
    public RecurrenceRule until(LocalDate lastDate) {
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                Objects.requireNonNull(lastDate, "lastDate"), null, false, 0, afterCompletion);
    }

    /** A copy that ends as {@code other} does (its UNTIL with the time of day, or its COUNT, or never). */
    public RecurrenceRule endingAs(RecurrenceRule other) {
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                other.endDate, other.endTime, other.endInUtc, other.timesLeft, afterCompletion);
    }

    /** A copy that happens {@code times} more times, counting the current due date; replaces any end date. */
    public RecurrenceRule times(int times) {
        if (times < 1) {
            throw new InvalidTaskException("A repeat must happen at least once; use 1 to " + MAX_COUNT + " times.");
        }
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                null, null, false, times, afterCompletion);
    }

    /** A copy that counts the next date from the day the task was completed rather than from the schedule. */
    public RecurrenceRule afterCompletion() {
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                endDate, endTime, endInUtc, timesLeft, true);
    }

    /**
     * A copy that remembers {@code time} as the due time the person chose, for when the current occurrence has a
     * different one because that day's clock skips {@code time} (the spring daylight-saving gap: 02:30 is shown as
     * 03:30). The next occurrence goes back to {@code time}. Stored as the x-part {@code X-TIME=0230}, which other
     * RRULE readers ignore.
     */
    public RecurrenceRule keepingTime(LocalTime time) {
        return new RecurrenceRule(this, Objects.requireNonNull(time, "time").withSecond(0).withNano(0));
    }

    /** This rule without a {@link #keptTime()}. */
    public RecurrenceRule withoutKeptTime() {
        return keptTime == null ? this : new RecurrenceRule(this, null);
    }

    /** The due time the person chose, when the current occurrence had to move out of a daylight-saving gap. */
    public Optional<LocalTime> keptTime() {
        return Optional.ofNullable(keptTime);
    }

    /** The same schedule, repeating forever and by the schedule: no UNTIL, no COUNT, not after completion. */
    public RecurrenceRule scheduleOnly() {
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                null, null, false, 0, false);
    }

    /**
     * The rule as it should be stored after one occurrence was done: the count goes down by one.
     * Rules without a count are returned as they are.
     *
     * @throws IllegalStateException if the count is already 1 (the rule has ended; check {@link #hasEnded})
     */
    public RecurrenceRule withOneOccurrenceUsed() {
        if (timesLeft == 0) {
            return this;
        }
        if (timesLeft == 1) {
            throw new IllegalStateException("The repeat rule has no occurrences left.");
        }
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, calendarParts,
                null, null, false, timesLeft - 1, afterCompletion);
    }

    // ---- storage ---------------------------------------------------------------------------------------

    /**
     * Reads a rule from the column: null or blank means the task does not repeat.
     *
     * @throws InvalidTaskException if the text is not a supported rule
     */
    public static RecurrenceRule fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return parse(stored);
    }

    /**
     * Reads a rule in the stored format (an optional {@code RRULE:} prefix and any letter case are accepted).
     *
     * @throws InvalidTaskException with a one-line message naming the offending part
     */
    public static RecurrenceRule parse(String text) {
        return new RecurrenceRuleText(text).parse();
    }

    /** The canonical column text, at most {@value #MAX_STORED_LENGTH} characters. */
    public String toStored() {
        return stored;
    }

    static String code(DayOfWeek d) {
        return d.name().substring(0, 2);
    }

    // ---- accessors ------------------------------------------------------------------------------------

    public Frequency frequency() {
        return frequency;
    }

    public int interval() {
        return interval;
    }

    /** The weekly days; empty for other frequencies or when the rule follows the due date's weekday. */
    public Set<DayOfWeek> days() {
        return days;
    }

    /** The monthly day number (1..31), or empty. */
    public Optional<Integer> monthDay() {
        return monthDay == 0 ? Optional.empty() : Optional.of(monthDay);
    }

    /** For "the 2nd Tuesday": 2 (1..4, or -1 for the last), or 0 when the rule is not on a numbered weekday. */
    public int weekdayOrdinal() {
        return weekdayOrdinal;
    }

    /** For "the 2nd Tuesday": Tuesday, or empty when the rule is not on a numbered weekday. */
    public Optional<DayOfWeek> ordinalDay() {
        return Optional.ofNullable(ordinalDay);
    }

    /** Whether the rule names its days (weekly days, a day of the month, a numbered weekday, a calendar's parts). */
    boolean namesDays() {
        return !days.isEmpty() || monthDay != 0 || weekdayOrdinal != 0 || calendarParts != null;
    }

    /**
     * Whether the rule has parts from a calendar beyond what the repeat editor and quick add make (BYSETPOS,
     * BYMONTH, negative or several month days, several numbered weekdays, WKST, BYYEARDAY, BYWEEKNO…). Such a rule
     * is kept exactly as it came and shown as its text.
     */
    public boolean hasCalendarParts() {
        return calendarParts != null;
    }

    /** Those parts as RRULE text, e.g. {@code BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1}, or empty. */
    public Optional<String> calendarParts() {
        return Optional.ofNullable(calendarParts);
    }

    /** The date of UNTIL (inclusive for a date; see {@link #lastDate} for an UNTIL with a time). */
    public Optional<LocalDate> endDate() {
        return Optional.ofNullable(endDate);
    }

    /** UNTIL's time of day when it is a DATE-TIME (from a calendar), in UTC when {@link #endsInUtc()}. */
    public Optional<LocalTime> endTime() {
        return Optional.ofNullable(endTime);
    }

    public boolean endsInUtc() {
        return endInUtc;
    }

    /**
     * The last date an occurrence may fall on, for a task due at {@code dueTime} (null: a date without a time) in
     * {@code zone}; null when the rule has no UNTIL. UNTIL is inclusive: a date is the last day; a DATE-TIME is
     * the last moment an occurrence may start, so the occurrence on that day is kept only if its due time is not
     * later (RFC 5545: DTSTART 09:00 New York with UNTIL=19971224T000000Z ends on 23 December). A UTC UNTIL is
     * read in {@code zone}; a task without a time only compares dates.
     */
    LocalDate lastDate(LocalTime dueTime, ZoneId zone) {
        if (endDate == null || endTime == null) {
            return endDate;
        }
        LocalDateTime until = endDate.atTime(endTime);
        if (endInUtc) {
            until = until.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
        }
        if (dueTime == null || !dueTime.isAfter(until.toLocalTime())) {
            return until.toLocalDate();
        }
        return until.toLocalDate().minusDays(1);
    }

    /** Occurrences left counting the current due date, or empty when unlimited. */
    public Optional<Integer> timesLeft() {
        return timesLeft == 0 ? Optional.empty() : Optional.of(timesLeft);
    }

    public boolean isAfterCompletion() {
        return afterCompletion;
    }

    /** Whether completing the current occurrence finishes the series because the count is used up. */
    public boolean hasEnded() {
        return timesLeft == 1;
    }

    // ---- dates ----------------------------------------------------------------------------------------

    /**
     * The next {@code n} dates strictly after {@code start}, where {@code start} is the current due date and
     * the first occurrence of the series: the schedule is anchored there (so "every 2 weeks" counts its weeks
     * from {@code start}), COUNT includes it (COUNT=3 gives at most 2 more dates), and no date passes UNTIL.
     * For after-completion rules each date is computed as if the one before were completed on its due date.
     */
    public List<LocalDate> nextOccurrences(LocalDate start, int n) {
        return new RecurrenceDates(this, null, ZoneOffset.UTC).nextOccurrences(start, n);
    }

    /**
     * As {@link #nextOccurrences(LocalDate, int)} for a task due {@code start} in {@code zone}: an UNTIL with a time
     * is compared with the due time there (see {@link #lastDate}).
     */
    public List<LocalDate> nextOccurrences(Due start, ZoneId zone, int n) {
        return new RecurrenceDates(this, start.time(), zone).nextOccurrences(start.date(), n);
    }

    /**
     * The due date after the task is completed on {@code completedOn}.
     *
     * <p>For a fixed schedule: the first occurrence of the schedule (anchored at {@code currentDue}) strictly
     * after the later of {@code currentDue} and {@code completedOn}. Missed occurrences are skipped on purpose:
     * a daily task ten days overdue gets one new date, the day after completion, not ten dates in the past
     * to tick off. Done early, it moves to the occurrence after the current due date.
     *
     * <p>For an after-completion rule: {@code completedOn} plus the interval; a rule that names days
     * ("weekly on Monday") skips {@code interval - 1} periods and then takes the first named day after that,
     * so "every weekday after completion" done on Friday is due on Monday.
     *
     * <p>Empty when the series has ended: COUNT used up, the next date would pass UNTIL, or the schedule
     * can produce no further date from its anchor (e.g. every 12 months on the 31st, anchored in April).
     */
    public Optional<LocalDate> nextDueAfterCompletion(LocalDate currentDue, LocalDate completedOn) {
        return new RecurrenceDates(this, null, ZoneOffset.UTC).nextDueAfterCompletion(currentDue, completedOn);
    }

    /** As {@link #nextDueAfterCompletion(LocalDate, LocalDate)} for a task due at {@code dueTime} in {@code zone}. */
    public Optional<LocalDate> nextDueAfterCompletion(LocalDate currentDue, LocalTime dueTime, ZoneId zone,
                                                      LocalDate completedOn) {
        return new RecurrenceDates(this, dueTime, zone).nextDueAfterCompletion(currentDue, completedOn);
    }

    /**
     * The first date on or after {@code date} that fits the rule's days; {@code date} itself for rules that
     * name no days. Quick add uses it to place a new repeating task: "every monday" starts next Monday,
     * "every day" starts today.
     */
    public LocalDate firstOnOrAfter(LocalDate date) {
        return new RecurrenceDates(this, null, ZoneOffset.UTC).firstOnOrAfter(date);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecurrenceRule && ((RecurrenceRule) o).stored.equals(stored);
    }

    @Override
    public int hashCode() {
        return stored.hashCode();
    }

    @Override
    public String toString() {
        return stored;
    }
}
