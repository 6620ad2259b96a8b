package org.taskdesk.tasks;

import java.time.LocalDate;
import java.util.List;
import org.taskdesk.domain.tasks.Priority;

/**
 * What the statistics window shows, for one person over a run of days ending today (in their zone).
 *
 * @param firstDay        the first day of the window
 * @param today           the last day of the window
 * @param completedPerDay how many completions each day had, one entry per day, oldest first
 * @param openByPriority  open tasks per priority, highest first, every priority present (0 when none)
 * @param overduePerDay   how many tasks were overdue at the end of each day, one entry per day, oldest first
 */
public record TaskStatistics(LocalDate firstDay, LocalDate today, List<DayCount> completedPerDay,
                             List<PriorityCount> openByPriority, List<DayCount> overduePerDay) {

    public TaskStatistics {
        completedPerDay = List.copyOf(completedPerDay);
        openByPriority = List.copyOf(openByPriority);
        overduePerDay = List.copyOf(overduePerDay);
    }

    public record DayCount(LocalDate day, int count) {
    }

    public record PriorityCount(Priority priority, int count) {
    }

    public int totalCompleted() {
        return completedPerDay.stream().mapToInt(DayCount::count).sum();
    }

    public int totalOpen() {
        return openByPriority.stream().mapToInt(PriorityCount::count).sum();
    }

    /** Overdue at the end of today, i.e. now. */
    public int overdueToday() {
        return overduePerDay.isEmpty() ? 0 : overduePerDay.get(overduePerDay.size() - 1).count();
    }
}
