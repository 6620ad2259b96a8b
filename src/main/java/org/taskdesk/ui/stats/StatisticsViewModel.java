package org.taskdesk.ui.stats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
                    error.set("The statistics could not be loaded. " + ErrorText.of(failure));
                });
    }

    /** A day as the charts label it, e.g. "5 Nov". */
    public static String dayLabel(LocalDate day) {
        return Formats.DAY_MONTH.format(day);
    }

    private void show(TaskStatistics stats) {
        statistics.set(stats);
        String window = dayLabel(stats.firstDay()) + " to " + dayLabel(stats.today());
        summary.set(plural(stats.totalCompleted(), "task") + " done in the last " + stats.completedPerDay().size()
                + " days · " + stats.totalOpen() + " open · " + stats.overdueToday() + " overdue now");
        completedDescription.set("Tasks completed per day, " + window + ": " + stats.totalCompleted() + " in all"
                + busiest(stats.completedPerDay(), ", most on "));
        priorityDescription.set("Open tasks by priority: " + String.join(", ", stats.openByPriority().stream()
                .map(p -> p.count() + " " + PriorityNames.of(p.priority()).toLowerCase(Locale.ENGLISH)).toList()) + ".");
        overdueDescription.set("Overdue tasks at the end of each day, " + window + ": " + stats.overdueToday()
                + " today" + busiest(stats.overduePerDay(), ", most on "));
        busy.set(false);
    }

    private static String busiest(List<DayCount> days, String lead) {
        return days.stream().filter(d -> d.count() > 0)
                .max(Comparator.comparingInt(DayCount::count).thenComparing(DayCount::day))
                .map(d -> lead + dayLabel(d.day()) + " (" + d.count() + ").").orElse(".");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
