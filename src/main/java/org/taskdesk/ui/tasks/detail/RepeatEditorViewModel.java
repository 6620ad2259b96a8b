package org.taskdesk.ui.tasks.detail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.RepeatWords;
import org.taskdesk.ui.tasks.detail.FieldReading.FieldException;

/**
 * The repeat editor: a preset ("Every week") or "every N units" with weekdays, how the repeat ends, and whether it
 * counts from completion; the rule in words and its next five dates as edited. A rule the editor cannot show field
 * by field ("every month on the 2nd Tuesday") is kept as it is until the person touches the editor.
 */
public final class RepeatEditorViewModel {
    private final Runnable edited;
    private final Supplier<LocalDate> dueDate;
    private boolean loading;

    private final ObjectProperty<RepeatPreset> preset = new SimpleObjectProperty<>(this, "preset", RepeatPreset.NEVER);
    private final StringProperty interval = new SimpleStringProperty(this, "interval", "1");
    private final ObjectProperty<RepeatUnit> unit = new SimpleObjectProperty<>(this, "unit", RepeatUnit.DAYS);
    private final Map<DayOfWeek, BooleanProperty> weekdays = new EnumMap<>(DayOfWeek.class);
    private final ObjectProperty<RepeatEnd> end = new SimpleObjectProperty<>(this, "end", RepeatEnd.NEVER);
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final StringProperty untilText = new SimpleStringProperty(this, "untilText", "");
    private final StringProperty count = new SimpleStringProperty(this, "count", "5");
    private final BooleanProperty afterCompletion = new SimpleBooleanProperty(this, "afterCompletion");

    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ObservableList<String> nextDates = FXCollections.observableArrayList();
    private final ObservableList<String> readNextDates = FXCollections.unmodifiableObservableList(nextDates);

    private RecurrenceRule untouchedRule;
    private boolean touched;

    /** @param edited called when the person changes the repeat (not when a task's repeat is shown) */
    RepeatEditorViewModel(Runnable edited) {
        this(edited, () -> null);
    }

    /**
     * @param edited  called when the person changes the repeat (not when a task's repeat is shown)
     * @param dueDate the task's due date as the form has it (null: none), whose weekday a plain weekly repeat uses
     */
    RepeatEditorViewModel(Runnable edited, Supplier<LocalDate> dueDate) {
        this.edited = edited;
        this.dueDate = dueDate;
        for (DayOfWeek day : DayOfWeek.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, day.name());
            weekdays.put(day, on);
            on.addListener(this::fieldChanged);
        }
        for (Observable field : List.of(interval, unit, end, until, untilText, count, afterCompletion)) {
            field.addListener(this::fieldChanged);
        }
        preset.addListener((obs, old, now) -> applyPreset(now));
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

    /** What was typed into the repeat's last date when it is not a date, else empty (as the due date's). */
    public StringProperty untilTextProperty() {
        return untilText;
    }

    /** How many times, as typed, when the repeat ends after a number of times. */
    public StringProperty countProperty() {
        return count;
    }

    public BooleanProperty afterCompletionProperty() {
        return afterCompletion;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The repeat in words, "Every 2 weeks on Monday", or empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The next five dates of the repeat as edited, in words. */
    public ObservableList<String> nextDates() {
        return readNextDates;
    }

    /** The editor's values, to tell which the person changed from what was shown. */
    record Values(RepeatPreset preset, String interval, RepeatUnit unit, Map<DayOfWeek, Boolean> weekdays, RepeatEnd end,
                  LocalDate until, String untilText, String count, boolean afterCompletion) {
    }

    Values values() {
        Map<DayOfWeek, Boolean> days = new EnumMap<>(DayOfWeek.class);
        weekdays.forEach((day, on) -> days.put(day, on.get()));
        return new Values(preset.get(), interval.get(), unit.get(), days, end.get(), until.get(), untilText.get(),
                count.get(), afterCompletion.get());
    }

    /** Whether the person touched the editor since a repeat was shown: then the rule is built from the fields. */
    boolean touched() {
        return touched;
    }

    /** Shows {@code rule} (null: does not repeat) without counting it as an edit. */
    void show(RecurrenceRule rule) {
        loading = true;
        try {
            touched = false;
            untouchedRule = rule;
            untilText.set("");
            for (BooleanProperty day : weekdays.values()) {
                day.set(false);
            }
            interval.set(rule == null ? "1" : Integer.toString(rule.interval()));
            unit.set(rule == null ? RepeatUnit.DAYS : RepeatUnit.of(rule.frequency()));
            if (rule != null) {
                for (DayOfWeek day : rule.days()) {
                    weekdays.get(day).set(true);
                }
                if (rule.frequency() == RecurrenceRule.Frequency.WEEKLY && rule.days().isEmpty()) {
                    tickDueWeekday();
                }
            }
            end.set(rule == null ? RepeatEnd.NEVER : rule.endDate().isPresent() ? RepeatEnd.UNTIL
                    : rule.timesLeft().isPresent() ? RepeatEnd.COUNT : RepeatEnd.NEVER);
            until.set(rule == null ? null : rule.endDate().orElse(null));
            count.set(rule == null ? "5" : rule.timesLeft().map(String::valueOf).orElse("5"));
            afterCompletion.set(rule != null && rule.isAfterCompletion());
            preset.set(rule == null ? RepeatPreset.NEVER : RepeatPreset.of(rule));
        } finally {
            loading = false;
        }
    }

    /**
     * Puts back each field the person changed from {@code shown} to what they {@code typed}, one by one, so that
     * the count a completion used up is not put back because another repeat field was being edited. The rule is
     * then built from the fields only where one was changed; else the new copy's rule stands as it is.
     */
    void keep(Values typed, Values shown) {
        loading = true;
        try {
            boolean kept = TaskFieldsViewModel.keep(preset, typed.preset(), shown.preset());
            kept |= TaskFieldsViewModel.keep(interval, typed.interval(), shown.interval());
            kept |= TaskFieldsViewModel.keep(unit, typed.unit(), shown.unit());
            for (DayOfWeek day : DayOfWeek.values()) {
                kept |= TaskFieldsViewModel.keep(weekdays.get(day), typed.weekdays().get(day), shown.weekdays().get(day));
            }
            kept |= TaskFieldsViewModel.keep(end, typed.end(), shown.end());
            kept |= TaskFieldsViewModel.keep(until, typed.until(), shown.until());
            kept |= TaskFieldsViewModel.keep(untilText, typed.untilText(), shown.untilText());
            kept |= TaskFieldsViewModel.keep(count, typed.count(), shown.count());
            kept |= TaskFieldsViewModel.keep(afterCompletion, typed.afterCompletion(), shown.afterCompletion());
            touched = kept;
        } finally {
            loading = false;
        }
    }

    /**
     * The rule as edited, checked against the due date on screen; null when the task does not repeat.
     *
     * @param today for the example in the message when the last date does not read
     * @throws FieldException with the message for the person when a field does not read
     */
    RecurrenceRule rule(LocalDate dueDate, LocalDate today) {
        if (preset.get() == RepeatPreset.NEVER) {
            return null;
        }
        if (!touched && untouchedRule != null) {
            return untouchedRule;
        }
        int n = FieldReading.number(interval.get(), RecurrenceRule.MAX_INTERVAL,
                Messages.format("detail.repeat.interval.range", RecurrenceRule.MAX_INTERVAL));
        RecurrenceRule rule = switch (unit.get()) {
            case DAYS -> RecurrenceRule.daily(n);
            case WEEKS -> RecurrenceRule.weekly(n, daysToStore(dueDate));
            case MONTHS -> RecurrenceRule.monthly(n);
            case YEARS -> RecurrenceRule.yearly(n);
        };
        if (end.get() == RepeatEnd.UNTIL) {
            if (untilText.get() != null && !untilText.get().isEmpty()) {
                throw new FieldException(FieldReading.notADate(untilText.get(), today));
            }
            if (until.get() == null) {
                throw new FieldException(Messages.text("detail.repeat.until.missing"));
            }
            if (dueDate != null && until.get().isBefore(dueDate)) {
                throw new FieldException(Messages.text("detail.repeat.until.before.due"));
            }
            rule = rule.until(until.get());
        } else if (end.get() == RepeatEnd.COUNT) {
            rule = rule.times(FieldReading.number(count.get(), RecurrenceRule.MAX_COUNT,
                    Messages.format("detail.repeat.count.range", RecurrenceRule.MAX_COUNT)));
        }
        return afterCompletion.get() ? rule.afterCompletion() : rule;
    }

    /** Shows {@code rule} in words and its next five dates from {@code start}; nothing for null. */
    void preview(RecurrenceRule rule, LocalDate start) {
        text.set(rule == null ? "" : Formats.capitalise(RepeatWords.describe(rule)));
        if (rule == null) {
            nextDates.clear();
            return;
        }
        nextDates.setAll(rule.nextOccurrences(start, 5).stream().map(Formats.DAY::format).toList());
    }

    /** A plain weekly repeat falls on its due date's weekday: shown ticked, so "Every week" does not look dayless. */
    private void tickDueWeekday() {
        LocalDate due = dueDate.get();
        if (due != null) {
            weekdays.get(due.getDayOfWeek()).set(true);
        }
    }

    /**
     * The ticked days, or none when only the due date's weekday is ticked: that is what a plain weekly repeat
     * means (and shows), so it is stored as one and reads back as "Every week" rather than as a custom repeat.
     */
    private Set<DayOfWeek> daysToStore(LocalDate due) {
        Set<DayOfWeek> days = chosenDays();
        return due != null && days.equals(Set.of(due.getDayOfWeek())) ? Set.of() : days;
    }

    private Set<DayOfWeek> chosenDays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        weekdays.forEach((day, on) -> {
            if (on.get()) {
                days.add(day);
            }
        });
        return days;
    }

    private void applyPreset(RepeatPreset chosen) {
        if (loading || chosen == null) {
            return;
        }
        loading = true;
        try {
            if (chosen != RepeatPreset.CUSTOM && chosen != RepeatPreset.NEVER) {
                interval.set("1");
                unit.set(chosen.unit());
                for (DayOfWeek day : DayOfWeek.values()) {
                    weekdays.get(day).set(chosen == RepeatPreset.WEEKDAYS && day.getValue() <= 5);
                }
                if (chosen == RepeatPreset.WEEKLY) {
                    tickDueWeekday();
                }
            }
        } finally {
            loading = false;
        }
        touched = true;
        edited.run();
    }

    private void fieldChanged(Observable ignored) {
        if (loading) {
            return;
        }
        touched = true;
        if (preset.get() == RepeatPreset.NEVER) {
            // Editing "every N …" means the person wants a repeat.
            loading = true;
            try {
                preset.set(RepeatPreset.CUSTOM);
            } finally {
                loading = false;
            }
        }
        edited.run();
    }
}
