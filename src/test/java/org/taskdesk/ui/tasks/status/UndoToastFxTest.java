package org.taskdesk.ui.tasks.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.animation.Animation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * A delete's toast carries an Undo button that brings the tasks back; it stays while the pointer is on it, and
 * Ctrl+Z in the list still undoes the delete (the toast then goes). A real scene on a real H2 database.
 */
@ExtendWith(ApplicationExtension.class)
class UndoToastFxTest {
    private final MainWindowFixture fixture = openFixture();
    private FxBackgroundTasks background;

    @Start
    void start(Stage stage) {
        background = new FxBackgroundTasks();
        Theme.LIGHT.apply(Map.of());
        MainWindowView view = new MainWindowView(fixture.context(background, () -> { }));
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    private static MainWindowFixture openFixture() {
        try {
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("undo-toast-test"));
            opened.add("Pay rent", "Call mum");
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

    private boolean stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .anyMatch(t -> t.title().equals(title));
    }

    private void deleteWithTheKeyboard(FxRobot robot, String title) {
        @SuppressWarnings("unchecked")
        ListView<Task> list = robot.lookup("#task-list").query();
        waitUntil(() -> list.getItems().stream().anyMatch(t -> t.title().equals(title)));
        Callable<Optional<Node>> cell = () -> robot.lookup(".task-cell")
                .match((ListCell<?> c) -> c.isVisible() && c.getItem() instanceof Task t && t.title().equals(title))
                .tryQuery();
        waitUntil(() -> cell.call().isPresent());
        robot.clickOn(fx(cell).orElseThrow());
        robot.push(KeyCode.DELETE); // the fixture's dialogs say yes
        waitUntil(() -> !stored(title));
    }

    private Optional<Node> toast(FxRobot robot) {
        return robot.lookup(".action-toast").tryQuery();
    }

    @Test
    void theToastsUndoBringsTheDeletedTaskBack(FxRobot robot) {
        deleteWithTheKeyboard(robot, "Pay rent");
        waitUntil(() -> toast(robot).isPresent());
        Button undo = robot.from(toast(robot).orElseThrow()).lookup(".toast-action").queryButton();
        assertThat(fx(undo::getText)).isEqualTo("Undo");

        robot.clickOn(undo);

        waitUntil(() -> stored("Pay rent"));
        waitUntil(() -> toast(robot).isEmpty());
    }

    @Test
    void theToastStaysWhileThePointerIsOnItAndLongerThanAPlainNote(FxRobot robot) {
        deleteWithTheKeyboard(robot, "Call mum");
        waitUntil(() -> toast(robot).isPresent());
        Node toast = toast(robot).orElseThrow();
        Animation life = (Animation) toast.getProperties().get(Toasts.LIFE);
        assertThat(fx(life::getTotalDuration).toSeconds()).as("long enough to reach").isGreaterThanOrEqualTo(8);

        robot.moveTo(toast);
        waitUntil(() -> life.getStatus() == Animation.Status.PAUSED);
        robot.moveTo("#task-list");
        waitUntil(() -> life.getStatus() == Animation.Status.RUNNING);
    }

    @Test
    void ctrlZInTheListStillUndoesTheDeleteAndTheToastGoes(FxRobot robot) {
        deleteWithTheKeyboard(robot, "Pay rent");
        waitUntil(() -> toast(robot).isPresent());

        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitUntil(() -> stored("Pay rent"));
        waitUntil(() -> toast(robot).isEmpty());
    }
}
