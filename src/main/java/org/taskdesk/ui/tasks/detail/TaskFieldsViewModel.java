package org.taskdesk.ui.tasks.detail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Task;

/**
 * The task's own fields in the detail pane (title, description, priority, tags, due date and time), as the person
 * types them, each with its error text (empty when it reads). {@link DetailValidation} reads them and fills in the
 * errors; {@link TaskDetailViewModel} shows a task in them and keeps the person's edits when a new copy arrives.
 */
public final class TaskFieldsViewModel {
    private final Supplier<List<String>> tagsInUse;
    private boolean loading;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NONE);
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>(this, "dueDate");
    private final StringProperty dueTime = new SimpleStringProperty(this, "dueTime", "");
    // Text typed into the date field that is not a date (empty when it is one): kept so the person can correct it.
    private final StringProperty dueDateText = new SimpleStringProperty(this, "dueDateText", "");

    final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper(this, "titleError", "");
    final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper(this, "descriptionError", "");
    final ReadOnlyStringWrapper tagsError = new ReadOnlyStringWrapper(this, "tagsError", "");
    final ReadOnlyStringWrapper dueDateError = new ReadOnlyStringWrapper(this, "dueDateError", "");
    final ReadOnlyStringWrapper dueTimeError = new ReadOnlyStringWrapper(this, "dueTimeError", "");

    /** @param edited called when the person changes a field (not when a task is shown in them) */
    TaskFieldsViewModel(Supplier<List<String>> tagsInUse, Runnable edited) {
        this.tagsInUse = tagsInUse;
        for (Observable field : List.of(title, description, priority, tags, dueDate, dueTime, dueDateText)) {
            field.addListener(o -> {
                if (!loading) {
                    edited.run();
                }
            });
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    /** The tags as typed: names separated by spaces or commas, with or without #. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public ObjectProperty<LocalDate> dueDateProperty() {
        return dueDate;
    }

    /** HH:mm, or empty for "some time that day". */
    public StringProperty dueTimeProperty() {
        return dueTime;
    }

    /**
     * What was typed into the due date field when it is not a date ("31/31/2026"), else empty. The date field
     * reports it here instead of throwing; the field is then marked and its text kept.
     */
    public StringProperty dueDateTextProperty() {
        return dueDateText;
    }

    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionErrorProperty() {
        return descriptionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tagsErrorProperty() {
        return tagsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueDateErrorProperty() {
        return dueDateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueTimeErrorProperty() {
        return dueTimeError.getReadOnlyProperty();
    }

    /** Existing tags that start like the last word typed in the tags field, for completion. */
    public List<String> tagSuggestions(String typed) {
        String text = typed == null ? "" : typed;
        int start = Math.max(text.lastIndexOf(' '), text.lastIndexOf(',')) + 1;
        String prefix = text.substring(start).replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        List<String> result = new ArrayList<>();
        for (String tag : tagsInUse.get()) {
            if (tag.startsWith(prefix) && !tag.equals(prefix)) {
                result.add(tag);
            }
        }
        return result;
    }

    /** The tags field with its last word replaced by {@code tag}. */
    public static String completeTag(String typed, String tag) {
        String text = typed == null ? "" : typed;
        int start = Math.max(text.lastIndexOf(' '), text.lastIndexOf(',')) + 1;
        return text.substring(0, start) + tag + " ";
    }

    /** The fields' values, to tell which the person changed from what was shown. */
    record Values(String title, String description, Priority priority, String tags, LocalDate dueDate,
                  String dueTime, String dueDateText) {

        /**
         * These values as sent to be saved: a field that did not read was not sent and keeps its value from
         * {@code before}, so it still counts as the person's unsaved edit when the reply arrives.
         */
        Values sent(Values before, TaskFieldsViewModel errors, boolean dueSent) {
            Values due = dueSent ? this : before;
            return new Values(errors.titleError.get().isEmpty() ? title : before.title,
                    errors.descriptionError.get().isEmpty() ? description : before.description, priority,
                    errors.tagsError.get().isEmpty() ? tags : before.tags, due.dueDate, due.dueTime, due.dueDateText);
        }
    }

    Values values() {
        return new Values(title.get(), description.get(), priority.get(), tags.get(), dueDate.get(), dueTime.get(),
                dueDateText.get());
    }

    /** Shows {@code task} (or empties the fields for null) without counting it as an edit. */
    void show(Task task) {
        loading = true;
        try {
            Task t = task == null ? Task.create("-", Instant.EPOCH) : task;
            title.set(task == null ? "" : t.title());
            description.set(t.description());
            priority.set(t.priority());
            tags.set(String.join(" ", t.tags().names()));
            dueDateText.set("");
            dueDate.set(t.due() == null ? null : t.due().date());
            dueTime.set(t.due() == null || !t.due().hasTime() ? "" : t.due().time().toString());
        } finally {
            loading = false;
        }
    }

    /** Puts back each field the person changed from {@code shown} to what they {@code typed}. */
    void keep(Values typed, Values shown) {
        loading = true;
        try {
            keep(title, typed.title, shown.title);
            keep(description, typed.description, shown.description);
            keep(priority, typed.priority, shown.priority);
            keep(tags, typed.tags, shown.tags);
            keep(dueDate, typed.dueDate, shown.dueDate);
            keep(dueTime, typed.dueTime, shown.dueTime);
            keep(dueDateText, typed.dueDateText, shown.dueDateText);
        } finally {
            loading = false;
        }
    }

    void clearErrors() {
        for (ReadOnlyStringWrapper e : List.of(titleError, descriptionError, tagsError, dueTimeError)) {
            e.set("");
        }
    }

    /** Puts {@code typed} back where the person changed the field from {@code shown}; true when it did. */
    static <T> boolean keep(Property<T> field, T typed, T shown) {
        if (!Objects.equals(typed, shown)) {
            field.setValue(typed);
            return true;
        }
        return false;
    }
}
