package org.taskdesk.domain.tasks;

import java.time.Instant;
import java.util.Objects;

/**
 * One task as the rest of the program sees it: an immutable value, never a live database entity.
 *
 * <p>The compact constructor applies {@link TaskRules}, so an invalid task cannot exist: the title is trimmed
 * and must hold 1 to 200 characters, the description at most 10,000. A null description becomes empty, a null
 * priority {@link Priority#NONE}, null tags {@link Tags#EMPTY}; {@code due}, {@code recurrence} and
 * {@code completedAt} stay nullable because "none" is a real state for them. {@code id} is 0 for a task that
 * has not been saved yet.
 */
public record Task(long id, String title, String description, boolean completed, Priority priority, Tags tags,
                   Due due, RecurrenceRule recurrence, Instant createdAt, Instant updatedAt, Instant completedAt) {

    public Task {
        title = TaskRules.checkTitle(title);
        description = TaskRules.checkDescription(description);
        priority = priority == null ? Priority.NONE : priority;
        tags = tags == null ? Tags.EMPTY : tags;
        Objects.requireNonNull(createdAt, "createdAt");
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A new, unsaved, open task with only a title. */
    public static Task create(String title, Instant now) {
        return new Task(0, title, "", false, Priority.NONE, Tags.EMPTY, null, null, now, now, null);
    }

    public boolean isRecurring() {
        return recurrence != null;
    }

    public Task withTitle(String newTitle, Instant now) {
        return new Task(id, newTitle, description, completed, priority, tags, due, recurrence, createdAt, now,
                completedAt);
    }

    public Task withDescription(String newDescription, Instant now) {
        return new Task(id, title, newDescription, completed, priority, tags, due, recurrence, createdAt, now,
                completedAt);
    }

    public Task withPriority(Priority newPriority, Instant now) {
        return new Task(id, title, description, completed, newPriority, tags, due, recurrence, createdAt, now,
                completedAt);
    }

    public Task withTags(Tags newTags, Instant now) {
        return new Task(id, title, description, completed, priority, newTags, due, recurrence, createdAt, now,
                completedAt);
    }

    /**
     * Also checks the new date (a year from {@link TaskRules#FIRST_YEAR} to {@link TaskRules#LAST_YEAR}, and not
     * after the repeat's end). Here rather than in the constructor, so that a row saved before these rules still
     * loads: only a change is refused.
     */
    public Task withDue(Due newDue, Instant now) {
        if (newDue != null) {
            TaskRules.checkDate(newDue.date(), "due date");
        }
        TaskRules.checkRepeatEnd(newDue, recurrence);
        // A time kept across a daylight-saving gap belongs to the old due date; a new one is what the person chose.
        RecurrenceRule rule = recurrence == null || Objects.equals(newDue, due) ? recurrence : recurrence.withoutKeptTime();
        return new Task(id, title, description, completed, priority, tags, newDue, rule, createdAt, now,
                completedAt);
    }

    /** Also checks that the new repeat does not end before the due date; see {@link #withDue}. */
    public Task withRecurrence(RecurrenceRule newRecurrence, Instant now) {
        TaskRules.checkRepeatEnd(due, newRecurrence);
        return new Task(id, title, description, completed, priority, tags, due, newRecurrence, createdAt, now,
                completedAt);
    }

    /** The same task under the id the database gave it. */
    public Task withId(long newId) {
        return new Task(newId, title, description, completed, priority, tags, due, recurrence, createdAt, updatedAt,
                completedAt);
    }

    /** Open again, as after an undo of "done". */
    public Task reopened(Instant now) {
        return new Task(id, title, description, false, priority, tags, due, recurrence, createdAt, now, null);
    }
}
