package org.taskdesk.ui.common;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the app writes times and days, in one place so every screen says them alike. */
public final class Formats {
    /** A time of day, "09:30"; also reads what people type in a time field. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** A day near now, "Fri 27 Nov". */
    public static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Formats() {
    }

    /** {@code s} with its first letter in upper case: "every week" becomes "Every week". */
    public static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
