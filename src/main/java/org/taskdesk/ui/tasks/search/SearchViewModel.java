package org.taskdesk.ui.tasks.search;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.domain.tasks.FilterSyntaxException;
import org.taskdesk.domain.tasks.TaskFilter;

/**
 * The search box: free words or the filter language, read as they are typed. A malformed filter says what is wrong
 * and where, and keeps the last good one in force, so the list does not jump while a filter is half typed.
 */
public final class SearchViewModel {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final IntegerProperty errorPosition = new SimpleIntegerProperty(this, "errorPosition", -1);
    // Set anew on every good reading (filters have no equality), so every reading reaches the list.
    private final ReadOnlyObjectWrapper<TaskFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", TaskFilter.all());

    public SearchViewModel() {
        text.addListener((obs, old, now) -> read(now));
    }

    /** Free words or the filter language; a malformed filter keeps the last good one in force. */
    public StringProperty textProperty() {
        return text;
    }

    /** Empty, or what is wrong with the search text and where. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The 0-based position of the problem in the search text, or -1. */
    public ReadOnlyIntegerProperty errorPositionProperty() {
        return errorPosition;
    }

    /** The filter in force: the last text that read well. */
    public ReadOnlyObjectProperty<TaskFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /**
     * Whether {@code now} can only show fewer tasks than {@code before}: both are plain words (letters, digits,
     * spaces: each word must occur, so no operator, key or quote), and {@code now} only adds characters at the end.
     * Adding to the last word or adding a word then narrows the previous result.
     */
    public static boolean narrows(String before, String now) {
        return before != null && now != null && now.startsWith(before) && plainWords(before) && plainWords(now);
    }

    private static boolean plainWords(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private void read(String now) {
        try {
            TaskFilter read = TaskFilter.parse(now);
            error.set("");
            errorPosition.set(-1);
            filter.set(read);
        } catch (FilterSyntaxException e) {
            error.set(e.getMessage());
            errorPosition.set(e.position());
        }
    }
}
