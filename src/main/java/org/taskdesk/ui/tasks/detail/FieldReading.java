package org.taskdesk.ui.tasks.detail;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.TimeWords;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/** Reads what was typed into the detail pane's fields, with a message for the person when it does not read. */
final class FieldReading {
    private FieldReading() {
    }

    /** Runs {@code parse}; its failure message becomes {@code error}. Null when it failed. */
    static <T> T check(ReadOnlyStringWrapper error, Callable<T> parse) {
        try {
            T value = parse.call();
            error.set("");
            return value;
        } catch (FieldException e) {
            error.set(e.getMessage());
        } catch (Exception e) {
            error.set(ErrorText.of(e));
        }
        return null;
    }

    static Tags tags(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Tags.EMPTY;
        }
        return Tags.of(List.of(text.split("[,\\s]+")));
    }

    /**
     * The due date and time; null for neither. {@code time} is what quick add reads as a time (HH:mm, H:mm, 7:15pm,
     * 9am, noon), or empty for "some time that day".
     */
    static Due due(LocalDate date, String typedTime) {
        String time = typedTime == null ? "" : typedTime.strip();
        if (time.isEmpty()) {
            return date == null ? null : Due.on(date);
        }
        // The same words quick add takes ("7:15pm", "9am", "17:30"), so a time typed there can be typed here.
        LocalTime parsed = TimeWords.read(time);
        if (parsed == null) {
            throw new FieldException(Messages.text("detail.time.unreadable"));
        }
        if (date == null) {
            throw new FieldException(Messages.text("detail.time.without.date"));
        }
        return Due.at(date, parsed);
    }

    /** Fails with {@link #notADate} when the date field holds text that is not a date. */
    static Void date(String unreadable, LocalDate today) {
        if (unreadable != null && !unreadable.isEmpty()) {
            throw new FieldException(notADate(unreadable, today));
        }
        return null;
    }

    /** The message for text in a date field that is not a date, with an example in the field's own format. */
    static String notADate(String typed, LocalDate today) {
        return Messages.format("detail.date.unreadable", typed, Formats.DATE.format(today));
    }

    /** A whole number from 1 to {@code max}; else {@code message}. */
    static int number(String text, int max, String message) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new FieldException(message);
    }

    /** A field that cannot be read; the message is shown beside it. */
    static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
