package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;

/**
 * Reads the stored RRULE text into a {@link RecurrenceRule} and writes it back; kept apart so the rule class is
 * about what a repeat is, not its text. Accepts an optional {@code RRULE:} prefix and any letter case, and refuses
 * everything outside the supported subset with one line that names the offending part.
 */
final class RecurrenceRuleText {
    /** An RFC 5545 x-name part, so other RRULE readers ignore it instead of failing. */
    private static final String AFTER_COMPLETION_MARKER = "X-FROM=DONE";

    /** The schedule parts a calendar may add, in the order the stored text writes them. */
    private static final List<String> CALENDAR_ORDER =
            List.of("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST", "RSCALE", "SKIP");
    private static final Set<String> LIMITS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "X-FROM", "X-TIME");
    /** An x-name part: the due time chosen, kept while one occurrence sits after a daylight-saving gap. */
    private static final String KEPT_TIME = "X-TIME";
    private static final Set<String> SUB_DAILY = Set.of("BYHOUR", "BYMINUTE", "BYSECOND");
    private static final Pattern PLAIN_DAYS = Pattern.compile("(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*");
    private static final Pattern ONE_ORDINAL_DAY = Pattern.compile("(\\+?[1-4]|-1)(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern ONE_MONTH_DAY = Pattern.compile("\\+?[1-9][0-9]?");

    private final String text;

    RecurrenceRuleText(String text) {
        this.text = text;
    }

    RecurrenceRule parse() {
        if (text == null || text.isBlank()) {
            throw new InvalidTaskException("The repeat rule is empty; use a rule such as FREQ=DAILY.");
        }
        String t = text.trim();
        if (t.regionMatches(true, 0, "RRULE:", 0, 6)) {
            t = t.substring(6);
        }
        if (t.length() > RecurrenceRule.MAX_STORED_LENGTH) {
            throw new InvalidTaskException("The repeat rule is " + t.length() + " characters long; the limit is "
                    + RecurrenceRule.MAX_STORED_LENGTH + ".");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : t.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw fail(QuotedInput.quoted(part) + " is not a KEY=VALUE part");
            }
            String key = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).replace(" ", "").toUpperCase(Locale.ROOT);
            if (parts.put(key, value) != null) {
                throw fail(key + " appears twice");
            }
        }
        if (!parts.containsKey("FREQ")) {
            throw fail("FREQ is missing");
        }
        RecurrenceRule.Frequency freq = frequency(parts.get("FREQ"));
        int interval = parts.containsKey("INTERVAL") ? number("INTERVAL", parts.get("INTERVAL"), RecurrenceRule.MAX_INTERVAL) : 1;
        int count = parts.containsKey("COUNT") ? number("COUNT", parts.get("COUNT"), RecurrenceRule.MAX_COUNT) : 0;
        LocalDate until = null;
        LocalTime untilTime = null;
        boolean untilUtc = false;
        if (parts.containsKey("UNTIL")) {
            String value = parts.get("UNTIL");
            until = date(value);
            if (value.length() > 8) {
                untilTime = time(value);
                untilUtc = value.endsWith("Z");
            }
        }
        boolean afterCompletion = false;
        if (parts.containsKey("X-FROM")) {
            if (!parts.get("X-FROM").equals("DONE")) {
                throw fail("X-FROM must be DONE");
            }
            afterCompletion = true;
        }
        Map<String, String> schedule = new LinkedHashMap<>();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String key = part.getKey();
            if (SUB_DAILY.contains(key)) {
                throw fail(key + " sets times of day, and a task repeats by whole days (its due time stays)");
            }
            if (CALENDAR_ORDER.contains(key)) {
                schedule.put(key, part.getValue());
            } else if (!LIMITS.contains(key)) {
                throw fail("the part " + key + " is not supported (use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, "
                        + "BYMONTH, BYYEARDAY, BYWEEKNO, BYSETPOS, WKST or X-FROM=DONE)");
            }
        }
        if (schedule.containsKey("BYDAY")) {
            // Each day's code said plainly ("XX" is not a day); its number, if any, is lib-recur's to check.
            for (String day : schedule.get("BYDAY").split(",", -1)) {
                weekday(day.length() >= 2 ? day.substring(day.length() - 2) : day);
            }
        }
        Editable editable = editable(freq, schedule);
        RecurrenceRule rule;
        if (editable != null) {
            rule = new RecurrenceRule(freq, interval, editable.days, editable.monthDay, editable.ordinal,
                    editable.ordinalDay, null, until, untilTime, untilUtc, count, afterCompletion);
        } else {
            String calendarParts = calendarParts(schedule);
            checkWithLibRecur(freq, calendarParts);
            rule = new RecurrenceRule(freq, interval, Set.of(), 0, 0, null, calendarParts, until, untilTime, untilUtc,
                    count, afterCompletion);
        }
        return parts.containsKey(KEPT_TIME) ? rule.keepingTime(keptTime(parts.get(KEPT_TIME))) : rule;
    }

    private LocalTime keptTime(String value) {
        if (value.length() != 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(KEPT_TIME + " must be a time such as 0230");
        }
        try {
            return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2)));
        } catch (DateTimeException e) {
            throw fail(KEPT_TIME + " " + value + " is not a time of day");
        }
    }

    /** What the editable fields hold, or null when the schedule needs calendar parts. */
    private record Editable(Set<DayOfWeek> days, int monthDay, int ordinal, DayOfWeek ordinalDay) {
    }

    private Editable editable(RecurrenceRule.Frequency freq, Map<String, String> schedule) {
        Set<String> keys = schedule.keySet();
        if (keys.isEmpty()) {
            return new Editable(Set.of(), 0, 0, null);
        }
        if (keys.size() != 1) {
            return null;
        }
        String byDay = schedule.get("BYDAY");
        String byMonthDay = schedule.get("BYMONTHDAY");
        if (freq == RecurrenceRule.Frequency.WEEKLY && byDay != null && PLAIN_DAYS.matcher(byDay).matches()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : byDay.split(",", -1)) {
                days.add(weekday(d));
            }
            return new Editable(days, 0, 0, null);
        }
        if (freq == RecurrenceRule.Frequency.MONTHLY && byDay != null && ONE_ORDINAL_DAY.matcher(byDay).matches()) {
            int ordinal = Integer.parseInt(byDay.substring(0, byDay.length() - 2).replace("+", ""));
            return new Editable(Set.of(), 0, ordinal, weekday(byDay.substring(byDay.length() - 2)));
        }
        if (freq == RecurrenceRule.Frequency.MONTHLY && byMonthDay != null && ONE_MONTH_DAY.matcher(byMonthDay).matches()
                && Integer.parseInt(byMonthDay) <= 31) {
            return new Editable(Set.of(), Integer.parseInt(byMonthDay), 0, null);
        }
        return null;
    }

    private static String calendarParts(Map<String, String> schedule) {
        StringBuilder sb = new StringBuilder();
        for (String key : CALENDAR_ORDER) {
            if (schedule.containsKey(key)) {
                sb.append(sb.length() == 0 ? "" : ";").append(key).append('=').append(schedule.get(key));
            }
        }
        return sb.toString();
    }

    /** lib-recur computes the dates, so it decides which values are valid (BYWEEKNO only yearly, BYSETPOS ranges…). */
    private void checkWithLibRecur(RecurrenceRule.Frequency freq, String calendarParts) {
        try {
            new org.dmfs.rfc5545.recur.RecurrenceRule("FREQ=" + freq.name() + ";" + calendarParts,
                    org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw fail(e.getMessage() == null ? "its parts do not fit together" : firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private InvalidTaskException fail(String what) {
        return new InvalidTaskException("Repeat rule " + QuotedInput.quoted(text.trim()) + " cannot be used: "
                + QuotedInput.escaped(what) + "."); // what names a part of the rule, which may hold a line break too
    }

    private RecurrenceRule.Frequency frequency(String value) {
        for (RecurrenceRule.Frequency f : RecurrenceRule.Frequency.values()) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        if (value.equals("HOURLY") || value.equals("MINUTELY") || value.equals("SECONDLY")) {
            throw fail("FREQ=" + value + " repeats within a day, and a task repeats by whole days: use DAILY or longer");
        }
        throw fail("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
    }

    private int number(String key, String value, int max) {
        if (value.isEmpty() || value.length() > 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(key + " must be a whole number from 1 to " + max);
        }
        int n = Integer.parseInt(value);
        if (n < 1 || n > max) {
            throw fail(key + " must be a whole number from 1 to " + max);
        }
        return n;
    }

    private DayOfWeek weekday(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (RecurrenceRule.code(d).equals(code)) {
                return d;
            }
        }
        throw fail(QuotedInput.quoted(code) + " is not a day (use MO, TU, WE, TH, FR, SA or SU)");
    }

    private LocalDate date(String value) {
        // A DATE-TIME UNTIL (from other calendar apps) is read by its date: tasks repeat by whole days.
        String digits = value.length() >= 9 && value.charAt(8) == 'T' ? value.substring(0, 8) : value;
        if (digits.length() != 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("UNTIL must be a date such as 20271231");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw fail("UNTIL " + digits + " is not a real date");
        }
    }

    private LocalTime time(String value) {
        String digits = value.endsWith("Z") ? value.substring(9, value.length() - 1) : value.substring(9);
        if (value.charAt(8) != 'T' || digits.length() != 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("UNTIL must be a date such as 20271231 or a date and time such as 20271231T235959Z");
        }
        try {
            return LocalTime.of(Integer.parseInt(digits.substring(0, 2)), Integer.parseInt(digits.substring(2, 4)),
                    Integer.parseInt(digits.substring(4, 6)));
        } catch (DateTimeException e) {
            throw fail("UNTIL " + value + " has no such time of day");
        }
    }

    /**
     * The canonical text of {@code rule}: parts in the order FREQ, INTERVAL (left out when 1), BYDAY or BYMONTHDAY,
     * then, {@code withLimitsAndMarker}, UNTIL or COUNT and the after-completion marker. Without them it is the
     * bare schedule lib-recur computes dates from.
     */
    static String write(RecurrenceRule rule, boolean withLimitsAndMarker) {
        StringBuilder sb = new StringBuilder("FREQ=").append(rule.frequency().name());
        if (rule.interval() != 1) {
            sb.append(";INTERVAL=").append(rule.interval());
        }
        if (!rule.days().isEmpty()) {
            sb.append(";BYDAY=");
            String sep = "";
            for (DayOfWeek d : rule.days()) { // EnumSet iterates Monday first, which keeps the text canonical
                sb.append(sep).append(RecurrenceRule.code(d));
                sep = ",";
            }
        }
        rule.monthDay().ifPresent(day -> sb.append(";BYMONTHDAY=").append(day));
        rule.calendarParts().ifPresent(parts -> sb.append(';').append(parts));
        if (rule.weekdayOrdinal() != 0) {
            sb.append(";BYDAY=").append(rule.weekdayOrdinal()).append(RecurrenceRule.code(rule.ordinalDay().orElseThrow()));
        }
        if (withLimitsAndMarker) {
            rule.endDate().ifPresent(end -> sb.append(";UNTIL=").append(String.format(Locale.ROOT, "%04d%02d%02d",
                    end.getYear(), end.getMonthValue(), end.getDayOfMonth())));
            rule.endTime().ifPresent(time -> sb.append(String.format(Locale.ROOT, "T%02d%02d%02d", time.getHour(),
                    time.getMinute(), time.getSecond())).append(rule.endsInUtc() ? "Z" : ""));
            rule.timesLeft().ifPresent(left -> sb.append(";COUNT=").append(left));
            rule.keptTime().ifPresent(time -> sb.append(';').append(KEPT_TIME).append('=')
                    .append(String.format(Locale.ROOT, "%02d%02d", time.getHour(), time.getMinute())));
            if (rule.isAfterCompletion()) {
                sb.append(';').append(AFTER_COMPLETION_MARKER);
            }
        }
        return sb.toString();
    }
}
