package org.taskdesk.persistence.tasks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.PastCompletion;

/**
 * Converts between rows and the domain's {@link Task}. Times are stored as UTC wall-clock values. A due date with
 * a time is an instant, converted from and to the user's zone; a due date without one is a calendar day and is
 * stored at midnight of that day with {@code due_has_time} false, never shifted by a zone.
 */
final class TaskMapper {
    private final ZoneId zone;

    TaskMapper(ZoneId zone) {
        this.zone = zone;
    }

    Task toTask(TaskEntity row) {
        return new Task(row.getId(), row.getTitle(), row.getDescription(), row.isCompleted(),
                Priority.fromStored(row.getPriority()), Tags.fromStored(row.getTags()), due(row),
                RecurrenceRule.fromStored(row.getRecurrencePattern()), toInstant(row.getCreatedAt()),
                toInstant(row.getUpdatedAt()), toInstant(row.getCompletedAt()));
    }

    /** Copies everything but the id, the owner and the creation time from {@code task} onto {@code row}. */
    void copy(Task task, TaskEntity row) {
        row.setTitle(task.title());
        row.setDescription(task.description() == null || task.description().isEmpty() ? null : task.description());
        row.setCompleted(task.completed());
        row.setPriority(task.priority().storedValue());
        row.setTags(task.tags().isEmpty() ? null : task.tags().toStored());
        row.setRecurrencePattern(task.recurrence() == null ? null : recurrence(task).toStored());
        row.setUpdatedAt(toUtc(task.updatedAt()));
        row.setCompletedAt(toUtc(task.completedAt()));
        row.setDueDate(storedDue(task.due()));
        row.setDueHasTime(task.due() != null && task.due().hasTime());
    }

    /**
     * A due date as the {@code due_date} column keeps it: a time as the UTC wall-clock value of that moment in the
     * person's zone, a day at its midnight, unshifted; null for none.
     */
    LocalDateTime storedDue(Due due) {
        if (due == null) {
            return null;
        }
        return due.hasTime() ? LocalDateTime.ofInstant(due.toLocalDateTime().atZone(zone).toInstant(), ZoneOffset.UTC)
                : due.date().atStartOfDay();
    }

    /** A past completion as its history row keeps it. */
    TaskBatches.CompletionRow completionRow(PastCompletion completion) {
        Due due = completion.due();
        return new TaskBatches.CompletionRow(Math.toIntExact(completion.taskId()), toUtc(completion.completedAt()),
                storedDue(due), due != null && due.hasTime());
    }

    /**
     * The task's repeat, remembering the due time chosen when that time does not exist on the due date in the
     * person's zone (the spring daylight-saving gap): the column below holds an instant, which reads back an hour
     * later (02:30 becomes 03:30), and only this occurrence may move (see {@link RecurrenceRule#keepingTime}).
     */
    private RecurrenceRule recurrence(Task task) {
        RecurrenceRule rule = task.recurrence();
        Due due = task.due();
        if (due != null && due.hasTime() && rule.keptTime().isEmpty()
                && zone.getRules().getValidOffsets(due.toLocalDateTime()).isEmpty()) {
            return rule.keepingTime(due.time());
        }
        return rule;
    }

    private Due due(TaskEntity row) {
        return due(row.getDueDate(), row.isDueHasTime());
    }

    /** A stored due date ({@code due_date}, {@code due_has_time}) in the user's zone; null for none. */
    Due due(LocalDateTime stored, boolean hasTime) {
        if (stored == null) {
            return null;
        }
        if (!hasTime) {
            return Due.on(stored.toLocalDate());
        }
        LocalDateTime local = LocalDateTime.ofInstant(stored.toInstant(ZoneOffset.UTC), zone);
        return Due.at(local.toLocalDate(), local.toLocalTime().withNano(0).equals(LocalTime.MIDNIGHT)
                ? LocalTime.MIDNIGHT : local.toLocalTime().withNano(0));
    }

    static LocalDateTime toUtc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
