package org.taskdesk.ui.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A snoozed reminder is announced again when its snooze ends, even if that is long after the due time (the app
 * may have been restarted meanwhile); a snooze is forgotten once its task is done, deleted or due at another time.
 */
public final class ReminderSchedule {

    private final Clock clock;
    private final Instant since;
    private final Set<String> announced = new HashSet<>();
    private final Map<String, Snooze> snoozed = new LinkedHashMap<>();

    /** @param grace how long before now a due time may lie and still be announced at the first check */
    public ReminderSchedule(Clock clock, Duration grace) {
        this.clock = clock;
        this.since = clock.instant().minus(grace);
    }

    /** One reminder to show. */
    public record Reminder(long taskId, String title, Instant dueAt, String message) {
    }

    /**
     * The reminders due now among {@code tasks} (the person's open tasks); each is returned only once, by the first
     * check that finds it, and once more when a snooze of it ends.
     */
    public List<Reminder> check(List<Task> tasks) {
        Instant now = clock.instant();
        List<Reminder> due = new ArrayList<>();
        Set<String> stillDue = new HashSet<>();
        for (Task task : tasks) {
            if (task.completed() || task.due() == null || !task.due().hasTime()) {
                continue;
            }
            Instant dueAt = task.due().toLocalDateTime().atZone(clock.getZone()).toInstant();
            String key = key(task.id(), dueAt);
            stillDue.add(key);
            Snooze snooze = snoozed.get(key);
            boolean cameDue = snooze == null ? !dueAt.isAfter(now) && dueAt.isAfter(since) && announced.add(key)
                    : !snooze.until().isAfter(now) && snoozed.remove(key) != null;
            if (cameDue) {
                announced.add(key);
                due.add(new Reminder(task.id(), task.title(), dueAt, Messages.format("reminders.due.now", task.title(),
                        Formats.TIME.format(dueAt.atZone(clock.getZone())))));
            }
        }
        snoozed.keySet().retainAll(stillDue);
        return due;
    }

    /** Announces {@code reminder} again at {@code until} (a later snooze of the same reminder replaces it). */
    public void snooze(Reminder reminder, Instant until) {
        String key = key(reminder.taskId(), reminder.dueAt());
        announced.add(key);
        snoozed.put(key, new Snooze(reminder.taskId(), reminder.dueAt(), until));
    }

    /** The snoozes not yet ended, to keep for the next start. */
    public List<Snooze> snoozes() {
        return List.copyOf(snoozed.values());
    }

    /** Takes back the snoozes kept from the last run; their reminders are not announced before they end. */
    public void restore(List<Snooze> kept) {
        for (Snooze snooze : kept) {
            String key = key(snooze.taskId(), snooze.dueAt());
            announced.add(key);
            snoozed.putIfAbsent(key, snooze);
        }
    }

    private static String key(long taskId, Instant dueAt) {
        return taskId + "@" + dueAt;
    }
}
