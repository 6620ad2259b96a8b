package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What {@link QuickAddParser} understood from one line. Fields the line did not mention are null
 * ({@code dueDate}, {@code dueTime}, {@code priority}, {@code recurrence}) or {@link Tags#EMPTY}, so the caller
 * can tell "not said" from "said none". {@code parts} lists the recognised pieces in the order they appear,
 * for the UI to show as chips. {@code problems} are sentences about words that were clearly meant as a part but
 * cannot be one ("every 5th tuesday", "every 0 weeks"): they stay in the title, and adding the task is refused
 * with the first problem, so that nothing the person meant is silently dropped.
 */
public record QuickAdd(String title, LocalDate dueDate, LocalTime dueTime, Priority priority, Tags tags,
                       RecurrenceRule recurrence, List<QuickAddPart> parts, List<String> problems) {

    public QuickAdd {
        tags = tags == null ? Tags.EMPTY : tags;
        parts = parts == null ? List.of() : List.copyOf(parts);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A parse without problems. */
    public QuickAdd(String title, LocalDate dueDate, LocalTime dueTime, Priority priority, Tags tags,
                    RecurrenceRule recurrence, List<QuickAddPart> parts) {
        this(title, dueDate, dueTime, priority, tags, recurrence, parts, List.of());
    }

    /** The due date and time as one value, or null when no date was given. */
    public Due due() {
        return dueDate == null ? null : new Due(dueDate, dueTime);
    }
}
