package org.taskdesk.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskStatistics.DayCount;
import org.taskdesk.tasks.TaskStatistics.PriorityCount;

/**
 * Turns tasks and their completion history into {@link TaskStatistics}; pure, so the rules are tested without a
 * database as well as through {@link StatisticsService}.
 *
 * <p>Overdue history is reconstructed, not recorded. A task is overdue on day D when it existed on D, one of its
 * due dates lies before D, and that occurrence was not completed by the end of D. The occurrences are the due dates
 * in the completion history (each with its completion day) and the task's current due date (open, or closed on
 * the task's completion day). Each task counts at most once a day. What this cannot know: deleted tasks (their
 * history goes with them), due dates that were edited (only the ones at completion time and the current one are
 * known), and completions made before migration 5 other than a task's latest.
 */
final class StatisticsCalculator {
    private StatisticsCalculator() {
    }

    static TaskStatistics compute(List<Task> tasks, List<PastCompletion> completions, ZoneId zone, LocalDate today,
                                  int days) {
        LocalDate first = today.minusDays(days - 1L);
        return new TaskStatistics(first, today, completedPerDay(completions, zone, first, days),
                openByPriority(tasks), overduePerDay(tasks, completions, zone, first, days));
    }

    private static List<DayCount> completedPerDay(List<PastCompletion> completions, ZoneId zone, LocalDate first,
                                                  int days) {
        int[] counts = new int[days];
        for (PastCompletion completion : completions) {
            long index = ChronoUnit.DAYS.between(first, day(completion.completedAt(), zone));
            if (index >= 0 && index < days) {
                counts[(int) index]++;
            }
        }
        return perDay(first, counts);
    }

    private static List<PriorityCount> openByPriority(List<Task> tasks) {
        Map<Priority, Integer> counts = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            counts.put(priority, 0);
        }
        tasks.stream().filter(task -> !task.completed()).forEach(task -> counts.merge(task.priority(), 1, Integer::sum));
        List<PriorityCount> result = new ArrayList<>();
        Priority[] all = Priority.values();
        for (int i = all.length - 1; i >= 0; i--) {
            result.add(new PriorityCount(all[i], counts.get(all[i])));
        }
        return result;
    }

    private static List<DayCount> overduePerDay(List<Task> tasks, List<PastCompletion> completions, ZoneId zone,
                                                LocalDate first, int days) {
        // Per task, which days of the window it was overdue on: a task with several late occurrences counts once.
        Map<Long, boolean[]> overdueDays = new HashMap<>();
        Map<Long, LocalDate> createdOn = new HashMap<>();
        for (Task task : tasks) {
            createdOn.put(task.id(), day(task.createdAt(), zone));
        }
        for (PastCompletion completion : completions) {
            if (completion.due() != null) {
                mark(overdueDays, completion.taskId(), createdOn.get(completion.taskId()), completion.due().date(),
                        day(completion.completedAt(), zone), first, days);
            }
        }
        for (Task task : tasks) {
            if (task.due() == null || (task.completed() && task.completedAt() == null)) {
                continue;
            }
            LocalDate closed = task.completed() ? day(task.completedAt(), zone) : null;
            mark(overdueDays, task.id(), createdOn.get(task.id()), task.due().date(), closed, first, days);
        }
        int[] counts = new int[days];
        for (boolean[] taskDays : overdueDays.values()) {
            for (int i = 0; i < days; i++) {
                counts[i] += taskDays[i] ? 1 : 0;
            }
        }
        return perDay(first, counts);
    }

    /** Marks the days D of the window with due < D, D before {@code closed} (null: still open), D from creation. */
    private static void mark(Map<Long, boolean[]> overdueDays, long taskId, LocalDate created, LocalDate due,
                             LocalDate closed, LocalDate first, int days) {
        boolean[] taskDays = overdueDays.computeIfAbsent(taskId, id -> new boolean[days]);
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            boolean existed = created == null || !day.isBefore(created);
            boolean open = closed == null || closed.isAfter(day);
            if (existed && due.isBefore(day) && open) {
                taskDays[i] = true;
            }
        }
    }

    private static List<DayCount> perDay(LocalDate first, int[] counts) {
        List<DayCount> result = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            result.add(new DayCount(first.plusDays(i), counts[i]));
        }
        return result;
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
