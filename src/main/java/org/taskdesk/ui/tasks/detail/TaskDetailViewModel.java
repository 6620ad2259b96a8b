package org.taskdesk.ui.tasks.detail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskRules;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.RepeatWords;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The detail pane of the selected task: every field as an editable property, checked as it is typed (each field
 * has its own error text, empty when fine). Edits are saved as one undoable step when the person leaves a field,
 * leaves the task (another selection) or the window ({@link #save()}, {@link #leave()}); a field that does not read
 * stays as typed, marked, and is never written: the task keeps its saved value there.
 */
public final class TaskDetailViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final TaskCommands commands;
    private final UndoManager undo;
    private final Clock clock;
    private final LongPredicate stillListed;
    private final Supplier<List<String>> tagsInUse;
    private final Consumer<String> tell;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private Task task;
    private boolean loading;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NONE);
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>(this, "dueDate");
    private final StringProperty dueTime = new SimpleStringProperty(this, "dueTime", "");
    // Text typed into a date field that is not a date (empty when it is one): kept so the person can correct it.
    private final StringProperty dueDateText = new SimpleStringProperty(this, "dueDateText", "");
    private final StringProperty untilText = new SimpleStringProperty(this, "untilText", "");

    private final ObjectProperty<RepeatPreset> preset = new SimpleObjectProperty<>(this, "preset", RepeatPreset.NEVER);
    private final StringProperty interval = new SimpleStringProperty(this, "interval", "1");
    private final ObjectProperty<RepeatUnit> unit = new SimpleObjectProperty<>(this, "unit", RepeatUnit.DAYS);
    private final Map<DayOfWeek, BooleanProperty> weekdays = new EnumMap<>(DayOfWeek.class);
    private final ObjectProperty<RepeatEnd> end = new SimpleObjectProperty<>(this, "end", RepeatEnd.NEVER);
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final StringProperty count = new SimpleStringProperty(this, "count", "5");
    private final BooleanProperty afterCompletion = new SimpleBooleanProperty(this, "afterCompletion");
    // A rule the editor cannot show field by field ("every month on the 2nd Tuesday") is kept until touched.
    private RecurrenceRule untouchedRule;
    private boolean recurrenceTouched;

    private final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper(this, "titleError", "");
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper(this, "descriptionError", "");
    private final ReadOnlyStringWrapper tagsError = new ReadOnlyStringWrapper(this, "tagsError", "");
    private final ReadOnlyStringWrapper dueTimeError = new ReadOnlyStringWrapper(this, "dueTimeError", "");
    private final ReadOnlyStringWrapper dueDateError = new ReadOnlyStringWrapper(this, "dueDateError", "");
    private final ReadOnlyStringWrapper recurrenceError = new ReadOnlyStringWrapper(this, "recurrenceError", "");
    private final ReadOnlyStringWrapper recurrenceText = new ReadOnlyStringWrapper(this, "recurrenceText", "");
    private final ObservableList<String> nextDates = FXCollections.observableArrayList();
    private final ObservableList<String> readNextDates = FXCollections.unmodifiableObservableList(nextDates);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private Task edited;
    // What the fields are compared with when a new copy of the same task arrives, so it keeps only what the person
    // changed: what show() put in them, or what was last sent to be saved.
    private Fields shownFields;
    /** Whether the repeat fits the due date that would be saved; when not, neither is saved (see validate). */
    private boolean repeatFits = true;
    // The task as the database last confirmed it and its fields: a failed save goes back to them, so the edits
    // it carried are unsaved (dirty) again and saved again on leaving.
    private Task confirmed;
    private Fields confirmedFields;

    /**
     * @param commands    makes the undoable edit that saves the pane
     * @param undo        runs it in the background, as one step the person can undo
     * @param clock       stamps the edit and places "today"
     * @param selected    the only selected task, or null: the pane follows it
     * @param stillListed whether a task (by id) is still in the list, i.e. not deleted meanwhile
     * @param tagsInUse   every tag in use, for completion in the tags field
     * @param tell        shows the person a short note (which fields could not be saved on leaving)
     */
    public TaskDetailViewModel(TaskCommands commands, UndoManager undo, Clock clock, ObservableValue<Task> selected,
                               LongPredicate stillListed, Supplier<List<String>> tagsInUse, Consumer<String> tell) {
        this.commands = commands;
        this.undo = undo;
        this.clock = clock;
        this.stillListed = stillListed;
        this.tagsInUse = tagsInUse;
        this.tell = tell;
        for (DayOfWeek day : DayOfWeek.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, day.name());
            weekdays.put(day, on);
            on.addListener(this::recurrenceChanged);
        }
        for (Observable field : List.of(title, description, priority, tags, dueDate, dueTime, dueDateText)) {
            field.addListener(o -> changed());
        }
        for (Observable field : List.of(interval, unit, end, until, untilText, count, afterCompletion)) {
            field.addListener(this::recurrenceChanged);
        }
        preset.addListener((obs, old, now) -> applyPreset(now));
        selected.addListener((obs, old, now) -> arrived(now));
        show(selected.getValue());
    }

    // ---- fields --------------------------------------------------------------------------------------

    /** Whether a task is shown (exactly one is selected). */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
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

    public ObjectProperty<RepeatPreset> presetProperty() {
        return preset;
    }

    /** The N of "every N units", as typed. */
    public StringProperty intervalProperty() {
        return interval;
    }

    public ObjectProperty<RepeatUnit> unitProperty() {
        return unit;
    }

    /** Monday to Sunday check boxes for weekly repeats; none means the due date's weekday. */
    public BooleanProperty weekdayProperty(DayOfWeek day) {
        return weekdays.get(day);
    }

    public ObjectProperty<RepeatEnd> endProperty() {
        return end;
    }

    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    /**
     * What was typed into the due date field when it is not a date ("31/31/2026"), else empty. The date field
     * reports it here instead of throwing; the field is then marked and its text kept.
     */
    public StringProperty dueDateTextProperty() {
        return dueDateText;
    }

    /** As {@link #dueDateTextProperty()}, for the repeat's last date. */
    public StringProperty untilTextProperty() {
        return untilText;
    }

    public ReadOnlyStringProperty dueDateErrorProperty() {
        return dueDateError.getReadOnlyProperty();
    }

    /** How many times, as typed, when the repeat ends after a number of times. */
    public StringProperty countProperty() {
        return count;
    }

    public BooleanProperty afterCompletionProperty() {
        return afterCompletion;
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

    public ReadOnlyStringProperty dueTimeErrorProperty() {
        return dueTimeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recurrenceErrorProperty() {
        return recurrenceError.getReadOnlyProperty();
    }

    /** The repeat in words, "every 2 weeks on Monday", or empty. */
    public ReadOnlyStringProperty recurrenceTextProperty() {
        return recurrenceText.getReadOnlyProperty();
    }

    /** The next five dates of the repeat as edited, in words. */
    public ObservableList<String> nextDates() {
        return readNextDates;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the fields differ from the saved task. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
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

    // ---- commands ------------------------------------------------------------------------------------

    /**
     * Saves what changed as one undoable edit: every field that reads; a field that does not keeps its saved value
     * in the database and its text on screen. False when there was nothing to save.
     */
    public boolean save() {
        validate();
        if (task == null || edited == null || sameFields(edited, task)) {
            return false;
        }
        Task started = task;
        Task sent = edited;
        // From now on the fields are compared with what was just sent, so leaving the field and then the task
        // does not save the same edit twice, and a value changed back before the reply arrives counts as an edit.
        // Set before running: a synchronous background replies inside run().
        task = sent;
        shownFields = sentFields(capture(), shownFields);
        undo.execute(commands.replace(started, sent), () -> { }, () -> saveFailed(sent));
        validate();
        return true;
    }

    /** The save of {@code sent} failed: what it carried is unsaved again, compared with the confirmed task. */
    private void saveFailed(Task sent) {
        if (task == null || confirmed == null || task.id() != sent.id()) {
            return; // the pane moved on; the failure is reported to the person all the same
        }
        task = confirmed;
        shownFields = confirmedFields;
        validate();
    }

    /**
     * The person leaves this task (another selection, signing out, closing the window): saves what reads, and
     * says which fields were not saved and why, since their text is about to go from the screen.
     */
    public void leave() {
        if (task == null || !stillListed.test(task.id())) {
            return; // nothing shown, or the task is gone (deleted): nothing to save it into
        }
        save();
        List<String> unsaved = unsavedFields();
        if (!unsaved.isEmpty()) {
            tell.accept("\"" + task.title() + "\": " + String.join("; ", unsaved));
        }
    }

    /** "the due time was not saved (Type the time as HH:mm…)" for each field that does not read. */
    private List<String> unsavedFields() {
        List<String> result = new ArrayList<>();
        Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
        errors.put("title", titleError);
        errors.put("description", descriptionError);
        errors.put("tags", tagsError);
        errors.put("due date", dueDateError);
        errors.put("due time", dueTimeError);
        errors.put("repeat", recurrenceError);
        errors.forEach((name, error) -> {
            if (!error.get().isEmpty()) {
                result.add("the " + name + " was not saved (" + error.get() + ")");
            }
        });
        return result;
    }

    /** Puts the fields back to the saved task: as the database last confirmed it, not as a save in flight sent it. */
    public void revert() {
        show(confirmed);
    }

    // ---- inside --------------------------------------------------------------------------------------

    /**
     * A new copy of the selected task (or another task) arrived. A new copy of the task being edited, after a list
     * action, an undo or the reply to a save, keeps the person's unsaved edits: each field they changed from what
     * was shown (or last sent) stays as typed, the repeat's fields one by one as the others: the count a completion
     * used up is not put back because another repeat field was being edited.
     */
    private void arrived(Task now) {
        if (task != null && (now == null || now.id() != task.id())) {
            leave();
        }
        if (now == null || task == null || now.id() != task.id() || !dirty.get() || shownFields == null) {
            show(now);
            return;
        }
        Fields typed = capture();
        Fields before = shownFields;
        boolean repeatTouched = recurrenceTouched;
        show(now);
        loading = true;
        try {
            keep(title, typed.title(), before.title());
            keep(description, typed.description(), before.description());
            keep(priority, typed.priority(), before.priority());
            keep(tags, typed.tags(), before.tags());
            keep(dueDate, typed.dueDate(), before.dueDate());
            keep(dueTime, typed.dueTime(), before.dueTime());
            keep(dueDateText, typed.dueDateText(), before.dueDateText());
            if (repeatTouched) {
                boolean kept = keep(preset, typed.preset(), before.preset());
                kept |= keep(interval, typed.interval(), before.interval());
                kept |= keep(unit, typed.unit(), before.unit());
                for (DayOfWeek day : DayOfWeek.values()) {
                    kept |= keep(weekdays.get(day), typed.weekdays().get(day), before.weekdays().get(day));
                }
                kept |= keep(end, typed.end(), before.end());
                kept |= keep(until, typed.until(), before.until());
                kept |= keep(untilText, typed.untilText(), before.untilText());
                kept |= keep(count, typed.count(), before.count());
                kept |= keep(afterCompletion, typed.afterCompletion(), before.afterCompletion());
                // Built from the fields only where one was changed; else the new copy's rule stands as it is.
                recurrenceTouched = kept;
            }
        } finally {
            loading = false;
        }
        changed();
        if (!dirty.get()) {
            show(now); // the edits are what was saved: start clean from the saved task
        }
    }

    /** Puts {@code typed} back where the person changed the field from {@code shown}; true when it did. */
    private static <T> boolean keep(Property<T> field, T typed, T shown) {
        if (!Objects.equals(typed, shown)) {
            field.setValue(typed);
            return true;
        }
        return false;
    }

    /** The editable fields' values, to tell which the person changed from what was shown. */
    private record Fields(String title, String description, Priority priority, String tags, LocalDate dueDate,
                          String dueTime, String dueDateText, RepeatPreset preset, String interval, RepeatUnit unit,
                          Map<DayOfWeek, Boolean> weekdays, RepeatEnd end, LocalDate until, String untilText,
                          String count, boolean afterCompletion) {
    }

    /**
     * The fields as sent to be saved: {@code typed}, except that a field which does not read was not sent and keeps
     * its value from {@code before}, so it still counts as the person's unsaved edit when the reply arrives.
     */
    private Fields sentFields(Fields typed, Fields before) {
        boolean dueOk = dueDateError.get().isEmpty() && dueTimeError.get().isEmpty() && repeatFits;
        Fields due = dueOk ? typed : before;
        Fields rule = recurrenceError.get().isEmpty() ? typed : before;
        return new Fields(titleError.get().isEmpty() ? typed.title() : before.title(),
                descriptionError.get().isEmpty() ? typed.description() : before.description(), typed.priority(),
                tagsError.get().isEmpty() ? typed.tags() : before.tags(), due.dueDate(), due.dueTime(),
                due.dueDateText(), rule.preset(), rule.interval(), rule.unit(), rule.weekdays(), rule.end(),
                rule.until(), rule.untilText(), rule.count(), rule.afterCompletion());
    }

    private Fields capture() {
        Map<DayOfWeek, Boolean> days = new EnumMap<>(DayOfWeek.class);
        weekdays.forEach((day, on) -> days.put(day, on.get()));
        return new Fields(title.get(), description.get(), priority.get(), tags.get(), dueDate.get(), dueTime.get(),
                dueDateText.get(), preset.get(), interval.get(), unit.get(), days, end.get(), until.get(),
                untilText.get(), count.get(), afterCompletion.get());
    }

    private void show(Task shown) {
        loading = true;
        try {
            task = shown;
            showing.set(shown != null);
            Task t = shown == null ? Task.create("-", Instant.EPOCH) : shown;
            title.set(shown == null ? "" : t.title());
            description.set(t.description());
            priority.set(t.priority());
            tags.set(String.join(" ", t.tags().names()));
            dueDateText.set("");
            dueDate.set(t.due() == null ? null : t.due().date());
            dueTime.set(t.due() == null || !t.due().hasTime() ? "" : t.due().time().toString());
            showRule(t.recurrence());
            created.set(shown == null ? "" : "Created " + stamp(t.createdAt()));
            updated.set(shown == null ? "" : "Updated " + stamp(t.updatedAt()));
            shownFields = capture();
            // Every task shown comes from the list, i.e. as the database holds it.
            confirmed = shown;
            confirmedFields = shownFields;
        } finally {
            loading = false;
        }
        changed();
    }

    private void showRule(RecurrenceRule rule) {
        recurrenceTouched = false;
        untouchedRule = rule;
        untilText.set("");
        for (BooleanProperty day : weekdays.values()) {
            day.set(false);
        }
        if (rule == null) {
            preset.set(RepeatPreset.NEVER);
            interval.set("1");
            unit.set(RepeatUnit.DAYS);
            end.set(RepeatEnd.NEVER);
            until.set(null);
            count.set("5");
            afterCompletion.set(false);
            return;
        }
        interval.set(Integer.toString(rule.interval()));
        unit.set(RepeatUnit.of(rule.frequency()));
        for (DayOfWeek day : rule.days()) {
            weekdays.get(day).set(true);
        }
        end.set(rule.endDate().isPresent() ? RepeatEnd.UNTIL
                : rule.timesLeft().isPresent() ? RepeatEnd.COUNT : RepeatEnd.NEVER);
        until.set(rule.endDate().orElse(null));
        count.set(rule.timesLeft().map(String::valueOf).orElse("5"));
        afterCompletion.set(rule.isAfterCompletion());
        preset.set(presetOf(rule));
    }

    private static RepeatPreset presetOf(RecurrenceRule rule) {
        if (rule.interval() != 1 || rule.monthDay().isPresent() || rule.weekdayOrdinal() != 0) {
            return RepeatPreset.CUSTOM;
        }
        return switch (rule.frequency()) {
            case DAILY -> RepeatPreset.DAILY;
            case WEEKLY -> rule.days().equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
                    ? RepeatPreset.WEEKDAYS : rule.days().size() <= 1 ? RepeatPreset.WEEKLY : RepeatPreset.CUSTOM;
            case MONTHLY -> RepeatPreset.MONTHLY;
            case YEARLY -> RepeatPreset.YEARLY;
        };
    }

    private void applyPreset(RepeatPreset chosen) {
        if (loading || chosen == null) {
            return;
        }
        loading = true;
        try {
            if (chosen != RepeatPreset.CUSTOM && chosen != RepeatPreset.NEVER) {
                interval.set("1");
                unit.set(switch (chosen) {
                    case DAILY -> RepeatUnit.DAYS;
                    case WEEKDAYS, WEEKLY -> RepeatUnit.WEEKS;
                    case MONTHLY -> RepeatUnit.MONTHS;
                    default -> RepeatUnit.YEARS;
                });
                for (DayOfWeek day : DayOfWeek.values()) {
                    weekdays.get(day).set(chosen == RepeatPreset.WEEKDAYS && day.getValue() <= 5);
                }
            }
        } finally {
            loading = false;
        }
        recurrenceTouched = true;
        changed();
    }

    private void recurrenceChanged(Observable ignored) {
        if (loading) {
            return;
        }
        recurrenceTouched = true;
        if (preset.get() == RepeatPreset.NEVER) {
            // Editing "every N …" means the person wants a repeat.
            loading = true;
            try {
                preset.set(RepeatPreset.CUSTOM);
            } finally {
                loading = false;
            }
        }
        changed();
    }

    private void changed() {
        if (loading) {
            return;
        }
        validate();
    }

    private void validate() {
        if (task == null) {
            clearErrors();
            edited = null;
            valid.set(true);
            dirty.set(false);
            nextDates.clear();
            recurrenceText.set("");
            return;
        }
        String newTitle = check(titleError, () -> TaskRules.checkTitle(title.get()));
        String newDescription = check(descriptionError, () -> TaskRules.checkDescription(description.get()));
        Tags newTags = check(tagsError, this::parseTags);
        check(dueDateError, this::checkDueDate);
        Due newDue = dueDateError.get().isEmpty() ? check(dueTimeError, this::parseDue) : null;
        boolean dueOk = dueDateError.get().isEmpty() && dueTimeError.get().isEmpty();
        RecurrenceRule newRule = check(recurrenceError, this::buildRule);
        repeatFits = true;
        if (recurrenceError.get().isEmpty()) {
            // The repeat must fit the due date that would be saved, which stays the old one while the new one does
            // not read: buildRule could only check it against the date on screen. When they do not fit, neither
            // is saved, so no saved task repeats until before it is due.
            Due savedDue = dueOk ? newDue : task.due();
            repeatFits = check(recurrenceError, () -> {
                TaskRules.checkRepeatEnd(savedDue, newRule);
                return Boolean.TRUE;
            }) != null;
        }
        boolean ruleOk = recurrenceError.get().isEmpty();
        boolean ok = newTitle != null && newDescription != null && newTags != null && dueOk && ruleOk;
        valid.set(ok);
        recurrenceText.set(newRule == null ? "" : Formats.capitalise(RepeatWords.describe(newRule)));
        nextDates.setAll(next(newRule, dueOk ? newDue : task.due()));
        // What would be saved now: each field that reads, and the saved value where one does not.
        Instant now = clock.instant();
        try {
            edited = new Task(task.id(), newTitle != null ? newTitle : task.title(),
                    newDescription != null ? newDescription : task.description(), task.completed(), priority.get(),
                    newTags != null ? newTags : task.tags(), dueOk && repeatFits ? newDue : task.due(),
                    ruleOk ? newRule : task.recurrence(), task.createdAt(), now, task.completedAt());
        } catch (RuntimeException e) {
            edited = null; // the readable fields do not fit with the saved ones: nothing can be saved yet
        }
        dirty.set(!ok || edited == null || !sameFields(edited, task));
    }

    private static boolean sameFields(Task a, Task b) {
        return a.title().equals(b.title()) && a.description().equals(b.description()) && a.priority() == b.priority()
                && a.tags().equals(b.tags()) && Objects.equals(a.due(), b.due())
                && Objects.equals(a.recurrence(), b.recurrence());
    }

    private void clearErrors() {
        for (ReadOnlyStringWrapper e : List.of(titleError, descriptionError, tagsError, dueTimeError, recurrenceError)) {
            e.set("");
        }
    }

    /** Runs {@code parse}; its failure message becomes {@code error}. Null when it failed. */
    private static <T> T check(ReadOnlyStringWrapper error, Callable<T> parse) {
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

    private Tags parseTags() {
        String text = tags.get() == null ? "" : tags.get().strip();
        if (text.isEmpty()) {
            return Tags.EMPTY;
        }
        return Tags.of(List.of(text.split("[,\\s]+")));
    }

    private Void checkDueDate() {
        String typed = dueDateText.get();
        if (typed != null && !typed.isEmpty()) {
            throw new FieldException(notADate(typed));
        }
        return null;
    }

    /** The message for text in a date field that is not a date, with an example in the field's own format. */
    private String notADate(String typed) {
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        // The pattern DatePicker's default converter uses: the locale's short date, with the year in full.
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        if (!pattern.contains("yyy")) {
            pattern = pattern.replaceAll("y+", "yyyy");
        }
        String example = DateTimeFormatter.ofPattern(pattern, locale).format(LocalDate.now(clock));
        return "\u201c" + typed + "\u201d is not a date: pick one from the calendar, or type it like " + example + ".";
    }

    private Due parseDue() {
        String time = dueTime.get() == null ? "" : dueTime.get().strip();
        LocalDate date = dueDate.get();
        if (time.isEmpty()) {
            return date == null ? null : Due.on(date);
        }
        LocalTime parsed;
        try {
            parsed = LocalTime.parse(time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time,
                    Formats.TIME);
        } catch (DateTimeParseException e) {
            throw new FieldException("Type the time as HH:mm, e.g. 09:30, or leave it empty.");
        }
        if (date == null) {
            throw new FieldException("Pick a date for this time, or clear the time.");
        }
        return Due.at(date, parsed);
    }

    private RecurrenceRule buildRule() {
        if (preset.get() == RepeatPreset.NEVER) {
            return null;
        }
        if (!recurrenceTouched && untouchedRule != null) {
            return untouchedRule;
        }
        int n = number(interval.get(), "The repeat interval", RecurrenceRule.MAX_INTERVAL);
        RecurrenceRule rule = switch (unit.get()) {
            case DAYS -> RecurrenceRule.daily(n);
            case WEEKS -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                weekdays.forEach((day, on) -> {
                    if (on.get()) {
                        days.add(day);
                    }
                });
                yield RecurrenceRule.weekly(n, days);
            }
            case MONTHS -> RecurrenceRule.monthly(n);
            case YEARS -> RecurrenceRule.yearly(n);
        };
        if (end.get() == RepeatEnd.UNTIL) {
            if (untilText.get() != null && !untilText.get().isEmpty()) {
                throw new FieldException(notADate(untilText.get()));
            }
            if (until.get() == null) {
                throw new FieldException("Pick the last date of the repeat.");
            }
            if (dueDate.get() != null && until.get().isBefore(dueDate.get())) {
                throw new FieldException("The repeat cannot end before the task is due.");
            }
            rule = rule.until(until.get());
        } else if (end.get() == RepeatEnd.COUNT) {
            rule = rule.times(number(count.get(), "The number of times", RecurrenceRule.MAX_COUNT));
        }
        return afterCompletion.get() ? rule.afterCompletion() : rule;
    }

    private static int number(String text, String what, int max) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new FieldException(what + " must be a whole number from 1 to " + max + ".");
    }

    private List<String> next(RecurrenceRule rule, Due due) {
        if (rule == null) {
            return List.of();
        }
        LocalDate start = due == null ? LocalDate.now(clock) : due.date();
        List<String> result = new ArrayList<>();
        for (LocalDate date : rule.nextOccurrences(start, 5)) {
            result.add(DAY.format(date));
        }
        return result;
    }

    private String stamp(Instant instant) {
        return STAMP.format(instant.atZone(clock.getZone()));
    }

    /** A field that cannot be read; the message is shown beside it. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
