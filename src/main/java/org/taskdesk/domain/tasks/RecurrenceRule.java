package org.taskdesk.domain.tasks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a task repeats: a small, checked subset of the RFC 5545 RRULE, with the dates computed by lib-recur
 * (the library Tasks.org uses) so that edge cases such as "the last Friday" or "the 31st" follow the standard.
 *
 * <h2>What is supported</h2>
 * <ul>
 *   <li>{@code FREQ=DAILY}, optionally with {@code INTERVAL=n}: every n days;</li>
 *   <li>{@code FREQ=WEEKLY}, optionally {@code BYDAY=MO,TH} (plain days, no numbers); weekdays are
 *       {@code FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR};</li>
 *   <li>{@code FREQ=MONTHLY}, optionally {@code BYMONTHDAY=d} (1..31) or {@code BYDAY=2TU} / {@code BYDAY=-1FR}
 *       (1st to 4th or last weekday of the month);</li>
 *   <li>{@code FREQ=YEARLY};</li>
 *   <li>{@code INTERVAL=n} (1..999) with any of them, and at most one of {@code UNTIL=yyyymmdd} or
 *       {@code COUNT=n} (1..999).</li>
 * </ul>
 * Without day parts, the schedule follows the date it is anchored at (the task's due date), as RFC 5545 does:
 * "every month" from 31 Jan skips months without a 31st.
 *
 * <h2>Storage</h2>
 * The seed's {@code recurrence_pattern varchar(50)} column holds the canonical RRULE text without the
 * {@code RRULE:} prefix, parts in the order FREQ, INTERVAL (left out when 1), BYDAY or BYMONTHDAY,
 * UNTIL or COUNT, and then the after-completion marker {@code X-FROM=DONE}, e.g.
 * {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;X-FROM=DONE}. The marker is an RFC 5545 {@code x-name} part,
 * so other RRULE readers ignore it instead of failing. A rule whose text would exceed
 * {@value #MAX_STORED_LENGTH} characters cannot be built: the factories throw {@link InvalidTaskException}.
 *
 * <h2>COUNT means "times left"</h2>
 * A task is one row, not a series, so the count is kept as the number of occurrences <em>left, counting the
 * current due date</em>. Completing a task uses one ({@link #withOneOccurrenceUsed()}); a rule with
 * {@code COUNT=1} has ended once the task is done.
 */
public final class RecurrenceRule {

    public static final int MAX_STORED_LENGTH = 50;
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
    private final String stored;

    /** Checks every combination; package-private for {@link RecurrenceRuleText}, everyone else uses the factories. */
    RecurrenceRule(Frequency frequency, int interval, Set<DayOfWeek> days, int monthDay,
                           int weekdayOrdinal, DayOfWeek ordinalDay, LocalDate endDate, int timesLeft,
                           boolean afterCompletion) {
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
        this.stored = RecurrenceRuleText.write(this, true);
        if (stored.length() > MAX_STORED_LENGTH) {
            throw new InvalidTaskException("This repeat rule needs " + stored.length() + " characters to save and "
                    + "the limit is " + MAX_STORED_LENGTH + "; drop the end date, the count or some days.");
        }
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
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay,
                Objects.requireNonNull(lastDate, "lastDate"), 0, afterCompletion);
    }

    /** A copy that happens {@code times} more times, counting the current due date; replaces any end date. */
    public RecurrenceRule times(int times) {
        if (times < 1) {
            throw new InvalidTaskException("A repeat must happen at least once; use 1 to " + MAX_COUNT + " times.");
        }
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, null, times,
                afterCompletion);
    }

    /** A copy that counts the next date from the day the task was completed rather than from the schedule. */
    public RecurrenceRule afterCompletion() {
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, endDate,
                timesLeft, true);
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
        return new RecurrenceRule(frequency, interval, days, monthDay, weekdayOrdinal, ordinalDay, null,
                timesLeft - 1, afterCompletion);
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

    /** Whether the rule names its days (weekly days, a day of the month, a numbered weekday). */
    boolean namesDays() {
        return !days.isEmpty() || monthDay != 0 || weekdayOrdinal != 0;
    }

    public Optional<LocalDate> endDate() {
        return Optional.ofNullable(endDate);
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
        return new RecurrenceDates(this).nextOccurrences(start, n);
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
        return new RecurrenceDates(this).nextDueAfterCompletion(currentDue, completedOn);
    }

    /**
     * The first date on or after {@code date} that fits the rule's days; {@code date} itself for rules that
     * name no days. Quick add uses it to place a new repeating task: "every monday" starts next Monday,
     * "every day" starts today.
     */
    public LocalDate firstOnOrAfter(LocalDate date) {
        return new RecurrenceDates(this).firstOnOrAfter(date);
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
