package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Selecting several tasks shows "3 selected" with the bulk actions where the detail pane was; one reschedules all. */
@ExtendWith(ApplicationExtension.class)
class ManySelectedFxTest {
    // Opened off the JavaFX thread, outside TestFX's time limit for @Start (see DetailPaneEditsFxTest).
    private final MainWindowFixture fixture = openFixture();

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    private static MainWindowFixture openFixture() {
        try {
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("many-selected-test"));
            opened.add("Pay rent 2026-11-25 9am", "Call mum", "Write report 2026-11-27");
            return opened;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean shown(Node node) {
        return fx(() -> node.isVisible() && node.getScene() != null && node.getParent().isVisible());
    }

    private Due stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.title().equals(title)).findFirst().orElseThrow().due();
    }

    @Test
    void selectingSeveralShowsHowManyWithTheBulkActionsThatRescheduleThemAll(FxRobot robot) {
        Label count = robot.lookup("#selection-count").query();
        Node nothingSelected = robot.lookup(".detail-pane .label").match((Label l) -> l.getText()
                .equals(org.taskdesk.ui.common.Messages.text("detail.empty"))).query();
        assertThat(shown(count)).isFalse();

        robot.clickOn("#task-list").push(KeyCode.CONTROL, KeyCode.A);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(count)).isTrue();
        String heading = fx(count::getText);
        assertThat(heading).isEqualTo("3 selected");
        assertThat(shown(nothingSelected)).as("the note gives way to the pane").isFalse();
        Label inStatusBar = robot.lookup("#status-selected").query();
        String status = fx(inStatusBar::getText);
        assertThat(status).as("also in the status bar, for when the pane is folded away").isEqualTo("3 selected");
        Node tomorrow = robot.lookup("#reschedule-tomorrow").query();
        assertThat(fx(() -> tomorrow.localToScene(tomorrow.getLayoutBounds()).getMaxX()))
                .as("inside the window").isLessThanOrEqualTo(1200);

        robot.clickOn(tomorrow);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stored("Pay rent")).isEqualTo(Due.at(LocalDate.of(2026, 11, 22), LocalTime.of(9, 0)));
        assertThat(stored("Call mum")).isEqualTo(Due.on(LocalDate.of(2026, 11, 22)));
        String after = fx(count::getText);
        assertThat(after).as("still all three").isEqualTo("3 selected");

        robot.push(KeyCode.ESCAPE).clickOn("Call mum");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(count)).as("one task: the detail pane").isFalse();
        assertThat(shown(inStatusBar)).isFalse();
    }
}
