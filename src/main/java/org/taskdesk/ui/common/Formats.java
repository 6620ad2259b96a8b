package org.taskdesk.ui.common;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import javafx.util.StringConverter;

/**
 * How the desktop app writes dates and times: the one place, so that the date fields, the list, the detail pane,
 * quick add and the statistics say a date alike, in the person's locale. The patterns are the locale's own
 * (the JDK's CLDR data), decided once when the app starts: a date with its year is the locale's medium date
 * ("8 Dec 2026" in Britain, "Dec 8, 2026" in the US, "08.12.2026" in Germany); the shorter forms are that pattern
 * without the year, with the weekday in front. Times are "09:30" everywhere, because that is what the time field
 * reads, and the app writes what it reads.
 */
public final class Formats {
    /** A time of day, "09:30"; also reads what people type in a time field. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH); // not shown: a pattern

    private static final Formats USER = of(Locale.getDefault(Locale.Category.FORMAT));

    /** A date with its year, as the date fields show it: "8 Dec 2026". */
    public static final DateTimeFormatter DATE = USER.date;
    /** A day near now, as the list shows it: "Tue 8 Dec". */
    public static final DateTimeFormatter SHORT_DAY = USER.shortDay;
    /** A day with its weekday and year: "Tue 8 Dec 2026". */
    public static final DateTimeFormatter DAY = USER.day;
    /** A day and month, for the days of a chart: "8 Dec". */
    public static final DateTimeFormatter DAY_MONTH = USER.dayMonth;

    private final DateTimeFormatter date;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayMonth;
    private final List<DateTimeFormatter> typed;

    private Formats(Locale locale) {
        String medium = pattern(FormatStyle.MEDIUM, locale);
        String withoutYear = withoutYear(medium);
        this.date = formatter(medium, locale);
        this.dayMonth = formatter(withoutYear, locale);
        this.shortDay = formatter("EEE " + withoutYear, locale); // not shown: a pattern, the weekday first
        this.day = formatter("EEE " + medium, locale); // not shown: a pattern
        // What a person may type into a date field: the date as shown, or the locale's numeric date with the year
        // in full (what the JavaFX date picker shows by itself, "08/12/2026").
        String numeric = pattern(FormatStyle.SHORT, locale);
        // English month names are read too: the command line writes them ("8 Sep 2026"), and British English
        // data writes "Sept", which would otherwise refuse the "Sep" people have typed for years.
        this.typed = List.of(date, formatter(numeric.contains("yyy") ? numeric : numeric.replaceAll("y+", "yyyy"), locale),
                formatter("d MMM y", Locale.ENGLISH)); // not shown: a pattern
    }

    /** The formats of {@code locale}; the app uses the person's own, in the constants above. */
    public static Formats of(Locale locale) {
        return new Formats(locale);
    }

    /** The formats of the person's locale, as the constants above hold them. */
    public static Formats user() {
        return USER;
    }

    public String date(LocalDate value) {
        return date.format(value);
    }

    public String shortDay(LocalDate value) {
        return shortDay.format(value);
    }

    public String day(LocalDate value) {
        return day.format(value);
    }

    /**
     * What a date field shows and reads: {@link #date(LocalDate)}, and what people type (that, or the locale's
     * numeric date). Text that is no date throws {@link DateTimeParseException}, as the field's own converter does.
     */
    public StringConverter<LocalDate> dateConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return value == null ? "" : date.format(value);
            }

            @Override
            public LocalDate fromString(String text) {
                return text == null || text.isBlank() ? null : read(text.strip());
            }
        };
    }

    private LocalDate read(String text) {
        DateTimeParseException first = null;
        for (DateTimeFormatter format : typed) {
            try {
                LocalDate read = LocalDate.parse(text, format);
                // "8 Dec 26" means 2026, not the year 26.
                return read.getYear() < 100 ? read.plusYears(2000) : read;
            } catch (DateTimeParseException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    /** {@code s} with its first letter in upper case: "every week" becomes "Every week". */
    public static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pattern(FormatStyle style, Locale locale) {
        return DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null, IsoChronology.INSTANCE, locale);
    }

    /**
     * The pattern without its year and the separators that go with it: "d MMM y" becomes "d MMM", "MMM d, y"
     * becomes "MMM d", "y/MM/dd" becomes "MM/dd", "d MMM y 'г'." becomes "d MMM".
     */
    static String withoutYear(String pattern) {
        String literal = "(?:[^A-Za-z']|'[^']*')*";
        String stripped = pattern.startsWith("y") ? pattern.replaceFirst("^y+" + literal, "")
                : pattern.replaceFirst("[^A-Za-z']*y+" + literal, "");
        return stripped.strip();
    }

    private static DateTimeFormatter formatter(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale);
    }
}
