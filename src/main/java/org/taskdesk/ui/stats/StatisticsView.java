package org.taskdesk.ui.stats;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.taskdesk.tasks.TaskStatistics;
import org.taskdesk.tasks.TaskStatistics.DayCount;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;
import org.taskdesk.ui.common.ToolWindow;
import org.taskdesk.ui.tasks.MainContext;

/**
 * The statistics window: completions per day, open tasks by priority, overdue tasks over time. A thin view: it
 * draws what {@link StatisticsViewModel} holds. Colours and fonts come from the AtlantaFX theme, so it follows
 * light and dark without styles of its own.
 */
public final class StatisticsView extends BorderPane {
    static final String COMPLETED_CHART = "completed-chart";
    static final String PRIORITY_CHART = "priority-chart";
    static final String OVERDUE_CHART = "overdue-chart";

    private final BarChart<String, Number> completed;
    private final NumberAxis completedCount = countAxis(Messages.text("stats.completed.axis"));
    private final PieChart byPriority = new PieChart();
    private final Label noOpenTasks = new Label(Messages.text("stats.priority.none.open"));
    private final LineChart<Number, Number> overdue;
    private final NumberAxis overdueDays = new NumberAxis();
    private final NumberAxis overdueCount = countAxis(Messages.text("stats.overdue.axis"));

    public StatisticsView(StatisticsViewModel model) {
        CategoryAxis days = new CategoryAxis();
        days.setLabel(Messages.text("stats.day"));
        completed = new BarChart<>(days, completedCount);
        completed.setTitle(Messages.text("stats.completed.title"));
        completed.setLegendVisible(false);
        completed.setCategoryGap(3);
        completed.setId(COMPLETED_CHART);
        completed.accessibleTextProperty().bind(model.completedDescriptionProperty());

        byPriority.setTitle(Messages.text("stats.priority.title"));
        byPriority.setLegendVisible(false);
        byPriority.setId(PRIORITY_CHART);
        byPriority.accessibleTextProperty().bind(model.priorityDescriptionProperty());
        noOpenTasks.getStyleClass().add(Styles.TEXT_MUTED);
        noOpenTasks.setVisible(false);

        overdueDays.setLabel(Messages.text("stats.day"));
        overdueDays.setMinorTickVisible(false);
        overdueDays.setAutoRanging(false);
        overdue = new LineChart<>(overdueDays, overdueCount);
        overdue.setTitle(Messages.text("stats.overdue.title"));
        overdue.setLegendVisible(false);
        overdue.setCreateSymbols(false);
        overdue.setId(OVERDUE_CHART);
        overdue.accessibleTextProperty().bind(model.overdueDescriptionProperty());
        for (var chart : List.of(completed, byPriority, overdue)) {
            chart.setAnimated(false); // data arrives in one go; animation would only delay and blur snapshots
        }

        setTop(header(model));
        setCenter(charts());
        setPadding(new Insets(16));
        model.statisticsProperty().addListener((observable, old, stats) -> {
            if (stats != null) {
                show(stats);
            }
        });
        if (model.statisticsProperty().get() != null) {
            show(model.statisticsProperty().get());
        }
    }

    /**
     * Opens the statistics in a window of their own over {@code owner}, loads them in the background, and returns
     * the window.
     */
    public static Stage open(MainContext context, Window owner) {
        StatisticsViewModel model = new StatisticsViewModel(context);
        Stage stage = ToolWindow.show(owner, Messages.text("stats.window.title"), new StatisticsView(model), 1000, 700);
        model.load();
        return stage;
    }

    private VBox header(StatisticsViewModel model) {
        Label title = new Label(Messages.text("stats.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setId("statistics-summary");
        Label loading = new Label(Messages.text("stats.loading"));
        loading.visibleProperty().bind(model.busyProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId("statistics-error");
        VBox header = new VBox(4, title, summary, loading, error);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    private GridPane charts() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(60);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(40);
        grid.getColumnConstraints().addAll(wide, narrow);
        for (int row = 0; row < 2; row++) {
            RowConstraints half = new RowConstraints();
            half.setPercentHeight(50);
            half.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(half);
        }
        grid.add(completed, 0, 0, 2, 1);
        grid.add(overdue, 0, 1);
        grid.add(new StackPane(byPriority, noOpenTasks), 1, 1);
        return grid;
    }

    private void show(TaskStatistics stats) {
        XYChart.Series<String, Number> done = new XYChart.Series<>();
        done.setName(Messages.text("stats.completed.series"));
        for (DayCount day : stats.completedPerDay()) {
            done.getData().add(new XYChart.Data<>(StatisticsViewModel.dayLabel(day.day()), day.count()));
        }
        completed.getData().setAll(List.of(done));
        fit(completedCount, stats.completedPerDay());

        byPriority.getData().setAll(stats.openByPriority().stream().filter(p -> p.count() > 0)
                .map(p -> new PieChart.Data(Messages.format("stats.priority.slice", PriorityNames.of(p.priority()), p.count()),
                        p.count()))
                .toList());
        noOpenTasks.setVisible(stats.totalOpen() == 0);

        // Days as numbers, labelled with dates every week: thirty date labels do not fit under the narrower chart.
        XYChart.Series<Number, Number> late = new XYChart.Series<>();
        late.setName(Messages.text("stats.overdue.series"));
        List<DayCount> days = stats.overduePerDay();
        for (int i = 0; i < days.size(); i++) {
            late.getData().add(new XYChart.Data<>(i, days.get(i).count()));
        }
        overdueDays.setLowerBound(0);
        overdueDays.setUpperBound(Math.max(1, days.size() - 1));
        overdueDays.setTickUnit(7);
        overdueDays.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                return StatisticsViewModel.dayLabel(stats.firstDay().plusDays(index.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("labels only"); // not shown: the axis never reads a label back
            }
        });
        overdue.getData().setAll(List.of(late));
        fit(overdueCount, days);
    }

    /** A count axis from 0 with whole-number ticks, about five of them. */
    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(1);
        axis.setTickUnit(1);
        axis.setMinorTickVisible(false);
        return axis;
    }

    private static void fit(NumberAxis axis, List<DayCount> days) {
        int max = days.stream().mapToInt(DayCount::count).max().orElse(0);
        int unit = Math.max(1, (int) Math.ceil(max / 5.0));
        axis.setTickUnit(unit);
        axis.setUpperBound(Math.max(1, (int) Math.ceil((max + 1) / (double) unit) * unit));
    }
}
