package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.DesktopApp;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.FxBackgroundTasks;

/**
 * The whole desktop app as the composition root builds it, on a new local database, driven by keyboard and mouse:
 * first run → sign up → quick add three tasks (one recurring) → edit one in the detail pane → complete the recurring
 * one and see its next date → search with a filter → bulk complete → undo → sign out → a second person sees none of it.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopEndToEndTest {
    @TempDir
    Path folder;

    private final FxBackgroundTasks background = new FxBackgroundTasks();
    /** Fixed, so that "tomorrow" cannot change meaning when the test runs across midnight. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"), ZoneId.of("Europe/Berlin"));

    @Start
    void start(Stage stage) {
        new DesktopApp(TestDesktop.backend(folder, clock, null), background,
                MainScreens.factory(StartupProbe.NONE, folder.resolve("taskdesk.log"), uri -> { })).show(stage);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void aNewPersonsFirstSessionAndASecondPersonWhoSeesNoneOfIt(FxRobot robot) {
        waitUntil(20, () -> robot.lookup("Continue").tryQuery().isPresent());
        robot.clickOn("Continue");
        signUp(robot, "Ann", "ann@example.com");

        robot.push(KeyCode.CONTROL, KeyCode.N).write("Buy milk tomorrow #home").push(KeyCode.ENTER);
        robot.write("Water plants every day").push(KeyCode.ENTER);
        robot.write("Write report !high #work").push(KeyCode.ENTER);
        waitForTitles(robot, "Buy milk", "Water plants", "Write report");

        robot.clickOn(cell(robot, "Write report")).push(KeyCode.ENTER);
        TextField title = robot.lookup("#detail-title").query();
        waitUntil(20, title::isFocused);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("Write the quarterly report").push(KeyCode.CONTROL, KeyCode.S);
        waitForTitles(robot, "Buy milk", "Water plants", "Write the quarterly report");
        robot.push(KeyCode.ESCAPE);

        robot.clickOn(cell(robot, "Water plants")).push(KeyCode.SPACE);
        waitUntil(20, () -> shown(robot, "Water plants").due().date().equals(LocalDate.of(2026, 11, 11)));
        assertThat(shown(robot, "Water plants").completed()).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.F).write("#home | #work");
        waitForTitles(robot, "Buy milk", "Write the quarterly report");
        robot.push(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.CONTROL, KeyCode.ENTER);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitForTitles(robot, "Buy milk", "Write the quarterly report");
        assertThat(visible(robot)).as("the Completed list").allMatch(Task::completed);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitForTitles(robot);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitForTitles(robot, "Buy milk", "Write the quarterly report");
        assertThat(visible(robot)).noneMatch(Task::completed);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);
        signUp(robot, "Bob", "bob@example.com");
        waitUntil(20, () -> robot.lookup("#status-user").tryQuery().isPresent());
        Label who = robot.lookup("#status-user").query();
        waitUntil(20, () -> who.getText().contains("bob@example.com"));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot)).as("Bob's inbox").isEmpty();
    }

    private void signUp(FxRobot robot, String name, String email) {
        // The first person finds the form to create an account already open (no account yet); later ones ask for it.
        waitUntil(20, () -> robot.lookup("New here? Create an account").tryQuery().isPresent()
                || robot.lookup("Create your account").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        if (robot.lookup("Create your account").tryQuery().isEmpty()) {
            robot.clickOn("New here? Create an account");
        }
        robot.clickOn("#name").write(name);
        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write("a good password");
        robot.clickOn("#confirmation").write("a good password");
        robot.clickOn("#submit");
        waitUntil(20, () -> robot.lookup("#task-list").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<Task> visible(FxRobot robot) {
        ListView<Task> list = (ListView<Task>) robot.lookup("#task-list").query();
        return fx(() -> List.copyOf(list.getItems()));
    }

    private static Task shown(FxRobot robot, String title) {
        return visible(robot).stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private static void waitForTitles(FxRobot robot, String... titles) {
        waitUntil(20, () -> visible(robot).stream().map(Task::title).sorted().toList()
                .equals(Arrays.stream(titles).sorted().toList()));
    }

    private static Node cell(FxRobot robot, String title) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".task-cell").match((ListCell<?> c) -> c.isVisible() && c.getScene() != null
                && c.getItem() instanceof Task t && t.title().equals(title)).query();
    }
}
