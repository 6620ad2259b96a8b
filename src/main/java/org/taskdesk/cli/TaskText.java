package org.taskdesk.cli;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Task;

/**
 * How the command line shows a task: one line in lists, a block for {@code show}, an object for {@code --json}.
 * Text people typed is escaped for the terminal ({@link TerminalText}) in the first two, exact in JSON.
 */
final class TaskText {
    private TaskText() {
    }

    /** {@code #12 [ ] Pay rent  !high #home  Tomorrow 09:00  (every month)} */
    static String line(Task task, ZonedDateTime now) {
        List<String> parts = new ArrayList<>();
        parts.add("#" + task.id() + " " + (task.completed() ? "[x]" : "[ ]") + " " + TerminalText.escape(task.title()));
        List<String> marks = new ArrayList<>();
        if (task.priority() != Priority.NONE) {
            marks.add("!" + task.priority().storedValue());
        }
        task.tags().forEach(tag -> marks.add("#" + tag));
        if (!marks.isEmpty()) {
            parts.add(String.join(" ", marks));
        }
        if (task.due() != null) {
            parts.add(DueText.describe(task.due(), now));
        }
        if (task.recurrence() != null) {
            parts.add("(" + RepeatText.describe(task.recurrence()) + ")");
        }
        return String.join("  ", parts);
    }

    static String details(Task task, ZonedDateTime now) {
        StringBuilder out = new StringBuilder();
        out.append("#").append(task.id()).append(" ").append(TerminalText.escape(task.title())).append('\n');
        out.append("  status:      ").append(task.completed() ? "done" : "open").append('\n');
        out.append("  priority:    ").append(task.priority().name().toLowerCase(Locale.ROOT)).append('\n');
        out.append("  tags:        ").append(task.tags().isEmpty() ? "-" : "#" + String.join(" #", task.tags().names()))
                .append('\n');
        out.append("  due:         ").append(task.due() == null ? "-" : task.due().toLocalDateTime().toLocalDate()
                + (task.due().hasTime() ? " " + task.due().time() : "") + " (" + DueText.describe(task.due(), now) + ")").append('\n');
        out.append("  repeats:     ").append(task.recurrence() == null ? "-" : RepeatText.describe(task.recurrence())).append('\n');
        if (task.recurrence() != null && task.due() != null && !task.completed()) {
            out.append("  next dates:  ").append(task.recurrence().nextOccurrences(task.due().date(), 5)).append('\n');
        }
        out.append("  created:     ").append(task.createdAt().atZone(now.getZone()).toLocalDateTime().withNano(0)).append('\n');
        out.append("  updated:     ").append(task.updatedAt().atZone(now.getZone()).toLocalDateTime().withNano(0)).append('\n');
        if (task.completedAt() != null) {
            out.append("  completed:   ").append(task.completedAt().atZone(now.getZone()).toLocalDateTime().withNano(0))
                    .append('\n');
        }
        if (!task.description().isEmpty()) {
            out.append('\n').append(TerminalText.escapeKeepingLines(task.description()).indent(2));
        }
        return out.toString();
    }

    static Map<String, Object> json(Task task) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", task.id());
        object.put("title", task.title());
        object.put("description", task.description());
        object.put("completed", task.completed());
        object.put("priority", task.priority().name().toLowerCase(Locale.ROOT));
        object.put("tags", List.copyOf(task.tags().names()));
        object.put("due", task.due() == null ? null : task.due().hasTime()
                ? task.due().toLocalDateTime().toString() : task.due().date().toString());
        object.put("recurrence", task.recurrence() == null ? null : task.recurrence().toStored());
        object.put("repeats", task.recurrence() == null ? null : RepeatText.describe(task.recurrence()));
        object.put("createdAt", task.createdAt().toString());
        object.put("updatedAt", task.updatedAt().toString());
        object.put("completedAt", task.completedAt() == null ? null : task.completedAt().toString());
        return object;
    }
}
