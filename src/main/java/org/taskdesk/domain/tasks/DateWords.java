package org.taskdesk.domain.tasks;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Map;

/**
 * The English words the quick-add parser reads for days, months, units and ordinals. Every method takes a
 * lower-case word and returns null (or 0) when it is not such a word, because the parser must never throw.
 * {@link #ordinal} is public: the command line writes ordinals as quick add reads them.
 */
public final class DateWords {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    private static final Map<String, Integer> ORDINAL_WORDS = Map.of(
            "first", 1, "second", 2, "third", 3, "fourth", 4, "last", -1);

    private DateWords() {
    }

    static DayOfWeek weekday(String word) {
        return WEEKDAYS.get(word);
    }

    static Month month(String word) {
        return MONTHS.get(word);
    }

    /** "day"/"days" → DAILY and so on; null for anything else. */
    static RecurrenceRule.Frequency unit(String word) {
        switch (word) {
            case "day": case "days": return RecurrenceRule.Frequency.DAILY;
            case "week": case "weeks": return RecurrenceRule.Frequency.WEEKLY;
            case "month": case "months": return RecurrenceRule.Frequency.MONTHLY;
            case "year": case "years": return RecurrenceRule.Frequency.YEARLY;
            default: return null;
        }
    }

    /** "first".."fourth", "last", "1st".."4th" → 1..4 or -1; 0 otherwise. */
    static int weekdayOrdinal(String word) {
        Integer n = ORDINAL_WORDS.get(word);
        if (n != null) {
            return n;
        }
        int numeric = numberWithSuffix(word, true);
        return numeric >= 1 && numeric <= 4 ? numeric : 0;
    }

    /**
     * A day or ordinal number such as "24", "24th", "1st": the number, or 0 when the word is not one.
     * With {@code suffixRequired}, plain digits do not count ("every 2" is not "every 2nd").
     */
    static int numberWithSuffix(String word, boolean suffixRequired) {
        int digits = 0;
        while (digits < word.length() && digits < 3 && isAsciiDigit(word.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 2) {
            return 0;
        }
        String rest = word.substring(digits);
        int n = Integer.parseInt(word.substring(0, digits));
        if (rest.isEmpty()) {
            return suffixRequired ? 0 : n;
        }
        return rest.equals(ordinal(n).substring(digits)) ? n : 0;
    }

    /** A whole number of at most {@code maxDigits} ASCII digits, or -1. Keeps "99999999999" from overflowing. */
    static long smallNumber(String word, int maxDigits) {
        if (word.isEmpty() || word.length() > maxDigits) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!isAsciiDigit(word.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(word);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "1st", "2nd", "11th", "22nd": the number with its English suffix, as quick add reads it. */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
