package org.taskdesk.ui.tasks.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A repeat rule from a calendar that the repeat editor cannot show field by field: the detail pane shows it as its
 * text with its next dates, and editing something else of the task leaves it exactly as it was. A real scene on a
 * real H2 database with the real background thread.
 */
@ExtendWith(ApplicationExtension.class)
class CalendarRepeatFxTest {
    /** RFC 5545's "second-to-last weekday of the month". */
    private static final String RULE = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2";

    private final MainWindowFixture fixture = openFixture();
    private FxBackgroundTasks background;

    @Start
    void start(Stage stage) {
        background = new FxBackgroundTasks();
        Theme.LIGHT.apply(Map.of());
        MainWindowView view = new MainWindowView(fixture.context(background, () -> { }));
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    private static MainWindowFixture openFixture() {
        try {
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("calendar-repeat-test"));
            opened.add("Pay rent 2026-11-25", "Call mum");
            Task rent = opened.workspace.tasks().list(opened.user, TaskQuery.of("")).tasks().stream()
                    .filter(t -> t.title().equals("Pay rent")).findFirst().orElseThrow();
            opened.workspace.tasks().update(opened.user, rent.id(),
                    t -> t.withRecurrence(RecurrenceRule.parse(RULE), opened.clock.instant()));
            return opened;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        background.close();
        fixture.close();
    }

    private Task stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.title().equals(title)).findFirst().orElse(null);
    }

    private void select(FxRobot robot, String title) {
        @SuppressWarnings("unchecked")
        ListView<Task> list = robot.lookup("#task-list").query();
        waitUntil(() -> list.getItems().stream().anyMatch(t -> t.title().equals(title)));
        Callable<java.util.Optional<Node>> cell = () -> robot.lookup(".task-cell")
                .match((javafx.scene.control.ListCell<?> c) -> c.isVisible() && c.getScene() != null
                        && c.getItem() instanceof Task t && t.title().equals(title)).tryQuery();
        waitUntil(() -> cell.call().isPresent());
        robot.clickOn(fx(cell).orElseThrow());
        TextField shownTitle = robot.lookup("#detail-title").query();
        waitUntil(() -> shownTitle.getText().equals(title));
    }

    @Test
    void aCalendarRuleIsShownAsTextWithItsNextDatesAndSurvivesAnotherEdit(FxRobot robot) {
        select(robot, "Pay rent");

        Label rule = robot.lookup("#detail-repeat-rule").query();
        Label next = robot.lookup("#detail-next-dates").query();
        waitUntil(() -> rule.isVisible() && !next.getText().isEmpty());
        assertThat(fx(rule::getText)).contains(RULE);
        // Due Wednesday 25 November 2026; November ends on Monday 30, December on Thursday 31.
        assertThat(fx(next::getText)).isEqualTo(
                "Next: Fri 27 Nov 2026, Wed 30 Dec 2026, Thu 28 Jan 2027, Thu 25 Feb 2027, Tue 30 Mar 2027");

        robot.clickOn("#detail-title").push(KeyCode.CONTROL, KeyCode.A).write("Pay the rent");
        select(robot, "Call mum");

        waitUntil(() -> stored("Pay the rent") != null);
        assertThat(stored("Pay the rent").recurrence().toStored()).isEqualTo(RULE);
    }
}
