package org.taskdesk.domain.tasks;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.taskdesk.domain.tasks.QuickAddWords.Match;

/**
 * Times as people type them: 9am, 9:30pm, 9 pm, 17:30, noon, and after "at" also a bare hour ("at 17").
 * A bare number without "at" is not a time: "Buy 2 apples" must keep its 2. The one reader of times, for the
 * quick-add line and the detail pane's time field alike, so both take the same words.
 */
public final class TimeWords {

    private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m|p\\.m)");
    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private TimeWords() {
    }

    /** {@code text} as a time if all of it is one ("7:15pm", "at 5pm", "17:30"); null otherwise. */
    public static LocalTime read(String text) {
        QuickAddWords w = new QuickAddWords(text == null ? "" : text);
        Match<LocalTime> m = w.size() == 0 ? null : at(w, 0);
        return m != null && m.words() == w.size() ? m.value() : null;
    }

    /** The time that starts at word {@code i} of a quick-add line, or null when the words there are not a time. */
    static Match<LocalTime> at(QuickAddWords w, int i) {
        if (w.norm(i).equals("at")) {
            Match<LocalTime> m = timeAt(w, i + 1, true);
            return m == null ? null : new Match<>(m.value(), m.words() + 1);
        }
        return timeAt(w, i, false);
    }

    private static Match<LocalTime> timeAt(QuickAddWords w, int j, boolean bareHourAllowed) {
        String word = w.norm(j);
        if (word.equals("noon")) {
            return new Match<>(LocalTime.NOON, 1);
        }
        Matcher twelve = TWELVE_HOUR.matcher(word);
        if (twelve.matches()) {
            return match(twelveHour(twelve.group(1), twelve.group(2), twelve.group(3)), 1);
        }
        String marker = w.norm(j + 1);
        boolean markerFollows = marker.equals("am") || marker.equals("pm") || marker.equals("a.m")
                || marker.equals("p.m");
        Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(word);
        if (twentyFour.matches()) {
            if (markerFollows) {
                return match(twelveHour(twentyFour.group(1), twentyFour.group(2), marker), 2);
            }
            int hour = Integer.parseInt(twentyFour.group(1));
            int minute = Integer.parseInt(twentyFour.group(2));
            return hour <= 23 && minute <= 59 ? new Match<>(LocalTime.of(hour, minute), 1) : null;
        }
        long hour = DateWords.smallNumber(word, 2);
        if (hour >= 0 && markerFollows) {
            return match(twelveHour(word, null, marker), 2);
        }
        if (hour >= 0 && hour <= 23 && bareHourAllowed) {
            return new Match<>(LocalTime.of((int) hour, 0), 1);
        }
        return null;
    }

    private static Match<LocalTime> match(LocalTime time, int words) {
        return time == null ? null : new Match<>(time, words);
    }

    /** 12am is midnight and 12pm is noon, as on a clock; hours outside 1..12 are not 12-hour times. */
    private static LocalTime twelveHour(String hourText, String minuteText, String marker) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour < 1 || hour > 12 || minute > 59) {
            return null;
        }
        boolean pm = marker.startsWith("p");
        return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
    }
}
