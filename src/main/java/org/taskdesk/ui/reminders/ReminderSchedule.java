package org.taskdesk.ui.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/**
 * Decides which tasks to remind of: open tasks with a due time that has come since the app started, each once per
 * due time. Plain Java with a clock, so it is tested without JavaFX or waiting.
 *
 * <p>Tasks already due well before the app started are not announced: the task list shows them as overdue, and a
 * burst of old reminders at every start would teach people to ignore them. "Well before" leaves a grace period,
 * so a task due a minute before the app came up is still announced. A task whose due time is moved (edited, or a
 * repeating one moving on) is announced again at its new time; a date without a time is never announced.
 */
public final class ReminderSchedule {

    private final Clock clock;
    private final Instant since;
    private final Set<String> announced = new HashSet<>();

    /** @param grace how long before now a due time may lie and still be announced at the first check */
    public ReminderSchedule(Clock clock, Duration grace) {
        this.clock = clock;
        this.since = clock.instant().minus(grace);
    }

    /** One reminder to show. */
    public record Reminder(long taskId, String title, Instant dueAt, String message) {
    }

    /** The reminders due now among {@code tasks}; each is returned only once, by the first check that finds it. */
    public List<Reminder> check(List<Task> tasks) {
        Instant now = clock.instant();
        List<Reminder> due = new ArrayList<>();
        for (Task task : tasks) {
            if (task.completed() || task.due() == null || !task.due().hasTime()) {
                continue;
            }
            Instant dueAt = task.due().toLocalDateTime().atZone(clock.getZone()).toInstant();
            boolean cameDue = !dueAt.isAfter(now) && dueAt.isAfter(since);
            if (cameDue && announced.add(task.id() + "@" + dueAt)) {
                due.add(new Reminder(task.id(), task.title(), dueAt, Messages.format("reminders.due.now", task.title(),
                        Formats.TIME.format(dueAt.atZone(clock.getZone())))));
            }
        }
        return due;
    }
}
