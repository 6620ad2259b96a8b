package org.taskdesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Makes a {@link DatePicker} write dates as {@link Formats} does, and safe to type into. A date converter throws
 * {@link DateTimeParseException} on the JavaFX thread when the text is not a date ("31/31/2026"), on Enter or when
 * the field loses focus, and the control then puts the old date's text back, so what was typed is lost. Here unreadable text is reported to
 * {@code unreadable} instead (where the view model marks the field), the date keeps its value, and the text stays
 * in the field until it is corrected, a date is picked, or the view model clears {@code unreadable}.
 */
public final class DateFieldText {
    private DateFieldText() {
    }

    public static void keepUnreadable(DatePicker picker, StringProperty unreadable) {
        // The field shows and reads dates as the rest of the app writes them, not in the picker's own format.
        StringConverter<LocalDate> dates = Formats.user().dateConverter();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                String typed = unreadable.get();
                return typed == null || typed.isEmpty() ? dates.toString(date) : typed;
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    LocalDate date = dates.fromString(text);
                    unreadable.set("");
                    return date;
                } catch (DateTimeParseException e) {
                    unreadable.set(text);
                    return picker.getValue();
                }
            }
        });
        // A date picked from the calendar replaces whatever was typed.
        picker.valueProperty().addListener((obs, old, now) -> unreadable.set(""));
        // The view model clears it when it shows another task, or puts it back on a new copy of the same one.
        unreadable.addListener((obs, old, now) -> {
            String text = now == null || now.isEmpty() ? dates.toString(picker.getValue()) : now;
            if (!text.equals(picker.getEditor().getText())) {
                picker.getEditor().setText(text);
            }
        });
    }
}
