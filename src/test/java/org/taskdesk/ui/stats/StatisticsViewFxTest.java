package org.taskdesk.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics window, headless, over a real H2 database and the real background thread. */
@ExtendWith(ApplicationExtension.class)
class StatisticsViewFxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final FxBackgroundTasks background = new FxBackgroundTasks();

    @TempDir
    Path folder;

    private TestDesk desk;
    private Stage main;

    @Start
    void start(Stage stage) {
        desk = new TestDesk(folder, clock);
        TaskService tasks = desk.workspace.tasks();
        tasks.add(desk.ann, quickAdd("Report 2026-11-18 !high", clock));
        tasks.add(desk.ann, quickAdd("Shop !low", clock));
        tasks.complete(desk.ann, tasks.add(desk.ann, quickAdd("Post letter", clock)).id());
        clock.advance(Duration.ofDays(2));
        tasks.complete(desk.ann, tasks.add(desk.ann, quickAdd("Pay bill", clock)).id());
        tasks.complete(desk.ann, tasks.add(desk.ann, quickAdd("Water plants", clock)).id());
        main = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        background.close();
        desk.close();
    }

    @Test
    void opensOverTheMainWindowWithTheChartsFilledAndEscClosesIt(FxRobot robot) throws Exception {
        robot.interact(() -> StatisticsView.open(desk.context(background), main));
        Label summary = robot.lookup("#statistics-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !summary.getText().isEmpty());
        // The view model fills the summary and the charts' descriptions in one pass on the JavaFX thread: let that
        // pass end before reading them (a loaded machine once showed the summary with the descriptions still empty).
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summary.getText()).isEqualTo("3 tasks done in the last 30 days · 2 open · 1 overdue now");
        BarChart<?, ?> completed = robot.lookup("#" + StatisticsView.COMPLETED_CHART).queryAs(BarChart.class);
        assertThat(completed.getData()).hasSize(1);
        assertThat(completed.getData().get(0).getData()).hasSize(30);
        assertThat(completed.getData().get(0).getData().get(29).getXValue()).isEqualTo("21 Nov");
        assertThat(completed.getData().get(0).getData().get(29).getYValue()).isEqualTo(2);
        assertThat(completed.getAccessibleText()).startsWith("Tasks completed per day, 23 Oct to 21 Nov: 3 in all");
        PieChart priorities = robot.lookup("#" + StatisticsView.PRIORITY_CHART).queryAs(PieChart.class);
        assertThat(priorities.getData()).extracting(PieChart.Data::getName).containsExactly("High (1)", "Low (1)");
        LineChart<?, ?> overdue = robot.lookup("#" + StatisticsView.OVERDUE_CHART).queryAs(LineChart.class);
        assertThat(overdue.getData().get(0).getData()).extracting(d -> ((Number) d.getYValue()).intValue())
                .endsWith(0, 1, 1, 1);

        Window statistics = completed.getScene().getWindow();
        assertThat(((Stage) statistics).getOwner()).isSameAs(main);
        assertThat(((Stage) statistics).getTitle()).isEqualTo("TaskDesk – Statistics");
        robot.targetWindow(statistics).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statistics.isShowing()).isFalse();
        assertThat(main.isShowing()).isTrue();
    }
}
