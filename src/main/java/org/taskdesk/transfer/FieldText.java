package org.taskdesk.transfer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuotedInput;
import org.taskdesk.domain.tasks.Tags;

/**
 * How TaskDesk's own files (CSV and JSON) write a field as text, and read it back: ISO dates ({@code 2026-12-24},
 * {@code 2026-12-24T09:00}, the person's wall-clock time), UTC instants, priority names, tags separated by spaces.
 * A value that does not read throws {@link FieldException} with a sentence that names the field and the form wanted.
 */
final class FieldText {

    /** A field that does not read; the caller adds where it is and skips the row. */
    static final class FieldException extends Exception {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message);
        }
    }

    private FieldText() {
    }

    static String due(Due due) {
        if (due == null) {
            return "";
        }
        return due.hasTime() ? due.date() + "T" + due.time() : due.date().toString();
    }

    static Due due(String text) throws FieldException {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            int t = value.indexOf('T') >= 0 ? value.indexOf('T') : value.indexOf(' ');
            if (t < 0) {
                return Due.on(checkedYear(LocalDate.parse(value)));
            }
            return Due.at(checkedYear(LocalDate.parse(value.substring(0, t))), LocalTime.parse(value.substring(t + 1)));
        } catch (DateTimeParseException e) {
            throw new FieldException("due '" + QuotedInput.escaped(value) + "' is not a date: write 2026-12-24 or 2026-12-24T09:00");
        }
    }

    private static LocalDate checkedYear(LocalDate date) throws FieldException {
        if (date.getYear() < 1900) {
            throw new FieldException("due " + date + " is before 1900");
        }
        return date;
    }

    static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static Instant instant(String text, String field) throws FieldException {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new FieldException(field + " '" + QuotedInput.escaped(value) + "' is not a moment: write 2026-11-21T10:00:00Z");
        }
    }

    static String priority(Priority priority) {
        return priority == Priority.NONE ? "" : priority.storedValue();
    }

    static Priority priority(String text) throws FieldException {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "none":
                return Priority.NONE;
            case "low":
                return Priority.LOW;
            case "medium", "med":
                return Priority.MEDIUM;
            case "high":
                return Priority.HIGH;
            default:
                throw new FieldException("priority '" + QuotedInput.escaped(text.strip()) + "' is not high, medium, low or none");
        }
    }

    static String tags(Tags tags) {
        return String.join(" ", tags.names());
    }

    static Tags tags(String text) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() ? Tags.EMPTY : Tags.of(value.split("[\\s,]+"));
    }

    static boolean completed(String text) throws FieldException {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "false", "no", "0":
                return false;
            case "true", "yes", "1", "x":
                return true;
            default:
                throw new FieldException("completed '" + QuotedInput.escaped(text.strip()) + "' is not true or false");
        }
    }
}
