package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The limits on a task's text, in one place so that the UI can show them next to the fields and the
 * database columns can be sized from them.
 */
public final class TaskRules {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    /**
     * Due dates and repeat ends lie in these years. Before 1900 time zones were local mean time (offsets in odd
     * seconds) and before 1583 Java's calendar and the JDBC drivers' disagree by days; past 9999 a date no longer
     * has the four-digit year that 2026-12-24 and an RRULE's UNTIL are written with. No task needs more.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private TaskRules() {
    }

    /**
     * Returns the trimmed title.
     *
     * @throws InvalidTaskException if it is empty or longer than {@value #MAX_TITLE_LENGTH} characters
     */
    public static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidTaskException("The title is empty; type what the task is about.");
        }
        int length = titleLength(t);
        if (length > MAX_TITLE_LENGTH) {
            throw new InvalidTaskException("Title is " + length + " characters long; keep it to "
                    + MAX_TITLE_LENGTH + " or fewer.");
        }
        return t;
    }

    /**
     * How long {@code title} is as the limit counts it: trimmed, in characters as people count them (code points),
     * so an emoji counts once, matching the varchar limit. The quick-add bar shows this count while typing.
     */
    public static int titleLength(String title) {
        String t = title == null ? "" : title.strip();
        return t.codePointCount(0, t.length());
    }

    /**
     * Returns the description, with null read as empty.
     *
     * @throws InvalidTaskException if it is longer than {@value #MAX_DESCRIPTION_LENGTH} characters
     */
    public static String checkDescription(String description) {
        if (description == null) {
            return "";
        }
        int length = description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidTaskException(String.format(Locale.ROOT,
                    "Description is %,d characters long; keep it to %,d or fewer.", length, MAX_DESCRIPTION_LENGTH));
        }
        return description;
    }

    /**
     * Checks a date a person gave for a due date or a repeat's end.
     *
     * @throws InvalidTaskException if its year is outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
     */
    public static LocalDate checkDate(LocalDate date, String what) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw new InvalidTaskException(String.format(Locale.ROOT,
                    "The %s is in the year %04d; use a year from %d to %d.", what, date.getYear(), FIRST_YEAR,
                    LAST_YEAR));
        }
        return date;
    }

    /**
     * Checks that a repeat does not end before the task is due: such a repeat would never happen.
     *
     * @throws InvalidTaskException naming both dates
     */
    public static void checkRepeatEnd(Due due, RecurrenceRule recurrence) {
        if (due == null || recurrence == null) {
            return;
        }
        recurrence.endDate().ifPresent(end -> {
            checkDate(end, "repeat's end date");
            if (end.isBefore(due.date())) {
                throw new InvalidTaskException("The repeat ends on " + end + ", before the task is due (" + due.date()
                        + "), so it would never repeat: end it on or after " + due.date() + ", or move the due date.");
            }
        });
    }
}
