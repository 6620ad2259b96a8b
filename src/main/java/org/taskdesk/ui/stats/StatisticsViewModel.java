package org.taskdesk.ui.stats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.tasks.TaskStatistics;
import org.taskdesk.tasks.TaskStatistics.DayCount;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;
import org.taskdesk.ui.tasks.MainContext;

/**
 * The statistics window's state: the numbers, and the sentences that describe them for people and screen readers.
 * Loads through the context's background tasks; never touches a control.
 */
public final class StatisticsViewModel {

    private final MainContext context;
    private final ReadOnlyObjectWrapper<TaskStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper completedDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper priorityDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overdueDescription = new ReadOnlyStringWrapper("");

    public StatisticsViewModel(MainContext context) {
        this.context = context;
    }

    /** The numbers; null until the first load succeeds. */
    public ReadOnlyObjectProperty<TaskStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the numbers could not be loaded; empty when they could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** One line on top of the window: done, open, overdue now. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the completed-per-day chart shows, in words (its accessible text). */
    public ReadOnlyStringProperty completedDescriptionProperty() {
        return completedDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty priorityDescriptionProperty() {
        return priorityDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overdueDescriptionProperty() {
        return overdueDescription.getReadOnlyProperty();
    }

    /** Loads (or reloads) the last {@link StatisticsService#DAYS} days in the background. */
    public void load() {
        busy.set(true);
        error.set("");
        context.background().run(() -> context.workspace().statistics().lastThirtyDays(context.user()),
                this::show, failure -> {
                    busy.set(false);
                    error.set(Messages.format("stats.load.failed", ErrorText.of(failure)));
                });
    }

    /** A day as the charts label it, e.g. "5 Nov". */
    public static String dayLabel(LocalDate day) {
        return Formats.DAY_MONTH.format(day);
    }

    private void show(TaskStatistics stats) {
        statistics.set(stats);
        String from = dayLabel(stats.firstDay());
        String to = dayLabel(stats.today());
        int done = stats.totalCompleted();
        summary.set(Messages.format("stats.summary", done, stats.completedPerDay().size(), stats.totalOpen(),
                stats.overdueToday()));
        completedDescription.set(busiest(stats.completedPerDay())
                .map(d -> Messages.format("stats.completed.description.busiest", from, to, done, dayLabel(d.day()), d.count()))
                .orElseGet(() -> Messages.format("stats.completed.description", from, to, done)));
        priorityDescription.set(Messages.format("stats.priority.description", String.join(", ", stats.openByPriority()
                .stream().map(p -> Messages.format("stats.priority.count", p.count(),
                        PriorityNames.of(p.priority()).toLowerCase(Locale.ENGLISH))).toList())));
        int overdueNow = stats.overdueToday();
        overdueDescription.set(busiest(stats.overduePerDay())
                .map(d -> Messages.format("stats.overdue.description.busiest", from, to, overdueNow, dayLabel(d.day()), d.count()))
                .orElseGet(() -> Messages.format("stats.overdue.description", from, to, overdueNow)));
        busy.set(false);
    }

    /** The day with the most, the latest of equals; none when every count is zero. */
    private static Optional<DayCount> busiest(List<DayCount> days) {
        return days.stream().filter(d -> d.count() > 0)
                .max(Comparator.comparingInt(DayCount::count).thenComparing(DayCount::day));
    }
}
