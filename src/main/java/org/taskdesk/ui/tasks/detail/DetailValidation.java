package org.taskdesk.ui.tasks.detail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskRules;

/**
 * Checks the detail pane as typed: marks each field that does not read (its error text), shows the repeat as
 * edited, and works out what would be saved now: each field that reads, and the saved value where one does not.
 */
final class DetailValidation {
    private DetailValidation() {
    }

    /**
     * What the pane would save.
     *
     * @param edited the task with every field that reads, or null when nothing can be saved yet
     * @param valid  every field reads
     * @param dirty  the fields differ from {@code task} (or some do not read)
     * @param dueSent whether the due date and time are in {@code edited} (they read, and the repeat fits them)
     * @param ruleSent whether the repeat is in {@code edited}
     */
    record Outcome(Task edited, boolean valid, boolean dirty, boolean dueSent, boolean ruleSent) {
        static final Outcome NOTHING_SHOWN = new Outcome(null, true, false, true, true);
    }

    static Outcome check(Task task, TaskFieldsViewModel fields, RepeatEditorViewModel repeat, Clock clock) {
        if (task == null) {
            fields.clearErrors();
            repeat.error.set("");
            repeat.preview(null, null);
            return Outcome.NOTHING_SHOWN;
        }
        LocalDate today = LocalDate.now(clock);
        String title = FieldReading.check(fields.titleError, () -> TaskRules.checkTitle(fields.titleProperty().get()));
        String description = FieldReading.check(fields.descriptionError,
                () -> TaskRules.checkDescription(fields.descriptionProperty().get()));
        Tags tags = FieldReading.check(fields.tagsError, () -> FieldReading.tags(fields.tagsProperty().get()));
        FieldReading.check(fields.dueDateError, () -> FieldReading.date(fields.dueDateTextProperty().get(), today));
        Due due = fields.dueDateError.get().isEmpty() ? FieldReading.check(fields.dueTimeError,
                () -> FieldReading.due(fields.dueDateProperty().get(), fields.dueTimeProperty().get())) : null;
        boolean dueOk = fields.dueDateError.get().isEmpty() && fields.dueTimeError.get().isEmpty();
        RecurrenceRule rule = FieldReading.check(repeat.error, () -> repeat.rule(fields.dueDateProperty().get(), today));
        boolean repeatFits = true;
        if (repeat.error.get().isEmpty()) {
            // The repeat must fit the due date that would be saved, which stays the old one while the new one does
            // not read: the editor could only check it against the date on screen. When they do not fit, neither
            // is saved, so no saved task repeats until before it is due.
            Due savedDue = dueOk ? due : task.due();
            repeatFits = FieldReading.check(repeat.error, () -> {
                TaskRules.checkRepeatEnd(savedDue, rule);
                return Boolean.TRUE;
            }) != null;
        }
        boolean ruleOk = repeat.error.get().isEmpty();
        boolean ok = title != null && description != null && tags != null && dueOk && ruleOk;
        Due shownDue = dueOk ? due : task.due();
        repeat.preview(rule, shownDue == null ? today : shownDue.date());
        Task edited;
        try {
            Instant now = clock.instant();
            edited = new Task(task.id(), title != null ? title : task.title(),
                    description != null ? description : task.description(), task.completed(),
                    fields.priorityProperty().get(), tags != null ? tags : task.tags(),
                    dueOk && repeatFits ? due : task.due(), ruleOk ? rule : task.recurrence(), task.createdAt(), now,
                    task.completedAt());
        } catch (RuntimeException e) {
            edited = null; // the readable fields do not fit with the saved ones: nothing can be saved yet
        }
        boolean dirty = !ok || edited == null || !sameFields(edited, task);
        return new Outcome(edited, ok, dirty, dueOk && repeatFits, ruleOk);
    }

    /** Whether the two copies hold the same editable fields. */
    static boolean sameFields(Task a, Task b) {
        return a.title().equals(b.title()) && a.description().equals(b.description()) && a.priority() == b.priority()
                && a.tags().equals(b.tags()) && Objects.equals(a.due(), b.due())
                && Objects.equals(a.recurrence(), b.recurrence());
    }
}
