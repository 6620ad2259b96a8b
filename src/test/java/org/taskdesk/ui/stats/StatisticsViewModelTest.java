package org.taskdesk.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskStatistics.DayCount;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Messages;

/** The view model without JavaFX running: real H2 data, background work done at once. */
class StatisticsViewModelTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    private TestDesk desk;

    @BeforeEach
    void twoDaysOfAnnsTasks() {
        desk = new TestDesk(folder, clock);
        TaskService tasks = desk.workspace.tasks();
        tasks.add(desk.ann, quickAdd("Report 2026-11-18 !high", clock));
        tasks.add(desk.ann, quickAdd("Shop !low", clock));
        tasks.complete(desk.ann, tasks.add(desk.ann, quickAdd("Post letter", clock)).id());
        clock.advance(Duration.ofDays(2));
        tasks.complete(desk.ann, tasks.add(desk.ann, quickAdd("Pay bill", clock)).id());
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void loadingFillsTheNumbersAndDescribesThemInWords() {
        StatisticsViewModel model = new StatisticsViewModel(desk.context(new DirectBackgroundTasks()));
        assertThat(model.statisticsProperty().get()).isNull();

        model.load();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.statisticsProperty().get().completedPerDay()).hasSize(30)
                .contains(new DayCount(LocalDate.of(2026, 11, 19), 1), new DayCount(LocalDate.of(2026, 11, 21), 1));
        assertThat(model.summaryProperty().get()).isEqualTo("2 tasks done in the last 30 days · 2 open · 1 overdue now");
        assertThat(model.completedDescriptionProperty().get())
                .isEqualTo("Tasks completed per day, 23 Oct to 21 Nov: 2 in all, most on 21 Nov (1).");
        assertThat(model.priorityDescriptionProperty().get())
                .isEqualTo("Open tasks by priority: 1 high, 0 medium, 1 low, 0 no priority.");
        // The report, due 18 Nov, is overdue at the end of 19, 20 and 21 Nov.
        assertThat(model.overdueDescriptionProperty().get())
                .isEqualTo("Overdue tasks at the end of each day, 23 Oct to 21 Nov: 1 today, most on 21 Nov (1).");
    }

    @Test
    void theSummaryCountsOneTaskInTheSingularAndOtherCountsInThePlural() {
        assertThat(Messages.format("stats.summary", 1, 30, 0, 0)).isEqualTo("1 task done in the last 30 days · 0 open · 0 overdue now");
        assertThat(Messages.format("stats.summary", 0, 30, 3, 1)).isEqualTo("0 tasks done in the last 30 days · 3 open · 1 overdue now");
    }

    @Test
    void aChartWithNothingOnAnyDayIsDescribedWithoutABusiestDay() {
        try (TestDesk empty = new TestDesk(folder.resolve("empty"), clock)) {
            StatisticsViewModel model = new StatisticsViewModel(empty.context(new DirectBackgroundTasks()));

            model.load();

            assertThat(model.completedDescriptionProperty().get())
                    .isEqualTo("Tasks completed per day, 23 Oct to 21 Nov: 0 in all.");
            assertThat(model.overdueDescriptionProperty().get())
                    .isEqualTo("Overdue tasks at the end of each day, 23 Oct to 21 Nov: 0 today.");
        }
    }

    @Test
    void aFailureIsShownAsASentenceAndTheWindowStopsWaiting() {
        StatisticsViewModel model = new StatisticsViewModel(desk.context(new DirectBackgroundTasks()));
        desk.workspace.close();

        model.load();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statisticsProperty().get()).isNull();
        assertThat(model.errorProperty().get()).startsWith("The statistics could not be loaded. ");
    }
}
