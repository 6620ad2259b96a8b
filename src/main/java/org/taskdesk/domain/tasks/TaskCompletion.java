package org.taskdesk.domain.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What "done" does to a task, as a pure function so it is the same in the UI, the CLI and sync.
 *
 * <p>A repeating task is one row that moves forward: it stays open, its due date moves to the next occurrence
 * (keeping the time of day), its count of times left goes down by one, and {@code completedAt} records when
 * this occurrence was done. When the series has ended (COUNT used up or past UNTIL), or the task does not
 * repeat, the task is simply completed.
 */
public final class TaskCompletion {

    /** The task after completing, and whether it moved on to a next occurrence instead of being closed. */
    public record Result(Task task, boolean advanced) {
    }

    private TaskCompletion() {
    }

    /**
     * Completes {@code task} on {@code today} at {@code now}. A task that is already completed is returned
     * unchanged, so a double click does not skip an occurrence.
     */
    public static Result complete(Task task, LocalDate today, Instant now) {
        return complete(task, today, now, ZoneOffset.UTC);
    }

    /**
     * As {@link #complete(Task, LocalDate, Instant)} for a person in {@code zone}, where a repeat's UNTIL with a time
     * of day (from a calendar) is compared with the task's due time.
     */
    public static Result complete(Task task, LocalDate today, Instant now, ZoneId zone) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
        if (task.completed()) {
            return new Result(task, false);
        }
        RecurrenceRule rule = task.recurrence();
        if (rule != null) {
            // A repeating task without a due date counts from today, which is when the person did it.
            LocalDate currentDue = task.due() == null ? today : task.due().date();
            LocalTime dueTime = task.due() == null ? null : task.due().time();
            Optional<LocalDate> next = rule.nextDueAfterCompletion(currentDue, dueTime, zone, today);
            if (next.isPresent()) {
                // The time chosen comes back after an occurrence that a daylight-saving gap moved (02:30 shown 03:30).
                Due nextDue = task.due() == null ? Due.on(next.get())
                        : new Due(next.get(), rule.keptTime().orElse(task.due().time()));
                Task advanced = new Task(task.id(), task.title(), task.description(), false, task.priority(),
                        task.tags(), nextDue, rule.withOneOccurrenceUsed().withoutKeptTime(), task.createdAt(), now, now);
                return new Result(advanced, true);
            }
        }
        Task done = new Task(task.id(), task.title(), task.description(), true, task.priority(), task.tags(),
                task.due(), rule, task.createdAt(), now, now);
        return new Result(done, false);
    }
}
