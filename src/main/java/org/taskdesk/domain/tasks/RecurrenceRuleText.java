package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the stored RRULE text into a {@link RecurrenceRule} and writes it back; kept apart so the rule class is
 * about what a repeat is, not its text. Accepts an optional {@code RRULE:} prefix and any letter case, and refuses
 * everything outside the supported subset with one line that names the offending part.
 */
final class RecurrenceRuleText {
    /** An RFC 5545 x-name part, so other RRULE readers ignore it instead of failing. */
    private static final String AFTER_COMPLETION_MARKER = "X-FROM=DONE";

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
        RecurrenceRule.Frequency freq = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int monthDay = 0;
        int ordinal = 0;
        DayOfWeek ordinalDay = null;
        LocalDate until = null;
        int count = 0;
        boolean afterCompletion = false;
        Set<String> seen = new HashSet<>();
        for (String part : t.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw fail("\"" + part + "\" is not a KEY=VALUE part");
            }
            String key = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw fail(key + " appears twice");
            }
            switch (key) {
                case "FREQ":
                    freq = frequency(value);
                    break;
                case "INTERVAL":
                    interval = number(key, value, RecurrenceRule.MAX_INTERVAL);
                    break;
                case "COUNT":
                    count = number(key, value, RecurrenceRule.MAX_COUNT);
                    break;
                case "UNTIL":
                    until = date(value);
                    break;
                case "BYMONTHDAY":
                    monthDay = number(key, value, 31);
                    break;
                case "BYDAY":
                    if (value.length() > 2 && !Character.isLetter(value.charAt(0))) {
                        ordinal = byDayOrdinal(value);
                        ordinalDay = weekday(value.substring(value.length() - 2));
                    } else {
                        for (String d : value.split(",", -1)) {
                            days.add(weekday(d.trim()));
                        }
                    }
                    break;
                case "X-FROM":
                    if (!value.equals("DONE")) {
                        throw fail("X-FROM must be DONE");
                    }
                    afterCompletion = true;
                    break;
                default:
                    throw fail("the part " + key + " is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, "
                            + "UNTIL, COUNT or X-FROM=DONE)");
            }
        }
        if (freq == null) {
            throw fail("FREQ is missing");
        }
        if (freq == RecurrenceRule.Frequency.MONTHLY && !days.isEmpty()) {
            throw fail("monthly BYDAY needs a number, such as 2TU or -1FR");
        }
        return new RecurrenceRule(freq, interval, days, monthDay, ordinal, ordinalDay, until, count,
                afterCompletion);
    }

    private InvalidTaskException fail(String what) {
        return new InvalidTaskException("Repeat rule \"" + text.trim() + "\" cannot be used: " + what + ".");
    }

    private RecurrenceRule.Frequency frequency(String value) {
        for (RecurrenceRule.Frequency f : RecurrenceRule.Frequency.values()) {
            if (f.name().equals(value)) {
                return f;
            }
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

    private int byDayOrdinal(String value) {
        String num = value.substring(0, value.length() - 2);
        switch (num) {
            case "1": case "+1": return 1;
            case "2": case "+2": return 2;
            case "3": case "+3": return 3;
            case "4": case "+4": return 4;
            case "-1": return -1;
            default: throw fail("BYDAY supports the 1st to 4th or the last (-1) weekday, not " + value);
        }
    }

    private DayOfWeek weekday(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (RecurrenceRule.code(d).equals(code)) {
                return d;
            }
        }
        throw fail("\"" + code + "\" is not a day (use MO, TU, WE, TH, FR, SA or SU)");
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
        if (rule.weekdayOrdinal() != 0) {
            sb.append(";BYDAY=").append(rule.weekdayOrdinal()).append(RecurrenceRule.code(rule.ordinalDay().orElseThrow()));
        }
        if (withLimitsAndMarker) {
            rule.endDate().ifPresent(end -> sb.append(";UNTIL=").append(String.format(Locale.ROOT, "%04d%02d%02d",
                    end.getYear(), end.getMonthValue(), end.getDayOfMonth())));
            rule.timesLeft().ifPresent(left -> sb.append(";COUNT=").append(left));
            if (rule.isAfterCompletion()) {
                sb.append(';').append(AFTER_COMPLETION_MARKER);
            }
        }
        return sb.toString();
    }
}
