package org.taskdesk.ui.tasks.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tag completion with the keyboard, in the quick-add bar and in the Add-tag dialog of a real main window. */
@ExtendWith(ApplicationExtension.class)
class TagCompletionFxTest {
    @TempDir
    Path folder;

    private Stage stage;
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        if (fixture != null) {
            fixture.close();
        }
    }

    private void showMainWindow(FxRobot robot) {
        fixture = new MainWindowFixture(folder);
        fixture.add("Quarterly report #work/reports", "Team retro #work", "Expenses #work #money");
        robot.interact(() -> {
            MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view.root(), 1000, 650));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theQuickAddBarOffersTagsWithCountsAndTakesTheChosenOneWithTab(FxRobot robot) {
        showMainWindow(robot);
        TextField bar = robot.lookup("#quick-add").queryAs(TextField.class);
        robot.clickOn(bar).write("Plan #wo");

        assertThat(shownSuggestions(robot)).containsExactly("#work 3", "#work/reports 1");

        robot.type(KeyCode.DOWN).type(KeyCode.TAB);
        assertThat(bar.getText()).isEqualTo("Plan #work/reports ");
        assertThat(bar.isFocused()).as("Tab took the tag, it did not leave the bar").isTrue();
        assertThat(suggestionsShowing(robot)).isFalse();

        robot.write("#m");
        assertThat(shownSuggestions(robot)).containsExactly("#money 1");
        robot.type(KeyCode.ESCAPE);
        assertThat(suggestionsShowing(robot)).isFalse();
        assertThat(bar.getText()).as("Esc closed the list, not the line").isEqualTo("Plan #work/reports #m");

        robot.type(KeyCode.BACK_SPACE).write("mo").type(KeyCode.ENTER);
        assertThat(bar.getText()).as("Enter took the tag; the task is not added yet").isEqualTo("Plan #work/reports #money ");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<Task> added = fixture.workspace.tasks().list(fixture.user, TaskQuery.of("Plan")).tasks();
        assertThat(added).singleElement().satisfies(task ->
                assertThat(task.tags().names()).containsExactlyInAnyOrder("work/reports", "money"));
    }

    @Test
    void enterAfterATagTypedInFullAddsTheTaskWithThatTagNotALongerOne(FxRobot robot) {
        showMainWindow(robot);
        TextField bar = robot.lookup("#quick-add").queryAs(TextField.class);
        robot.clickOn(bar).write("Plan #work");
        assertThat(shownSuggestions(robot)).containsExactly("#work/reports 1");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<Task> added = fixture.workspace.tasks().list(fixture.user, TaskQuery.of("Plan")).tasks();
        assertThat(added).singleElement().satisfies(task ->
                assertThat(task.tags().names()).containsExactly("work"));
        assertThat(bar.getText()).as("the task was added, the bar emptied").isEmpty();
    }

    @Test
    void theAddTagDialogOffersTagsAndEnterTakesOneBeforeItAddsIt(FxRobot robot) {
        showMainWindow(robot);
        robot.clickOn("Team retro");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        TextField field = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertThat(field.isFocused()).as("the dialog's field has the keyboard").isTrue();
        robot.targetWindow(field.getScene().getWindow()); // TestFX types into the window it last clicked in
        robot.write("mo");
        assertThat(field.getText()).isEqualTo("mo");
        assertThat(shownSuggestions(robot)).containsExactly("#money 1");
        robot.type(KeyCode.ENTER);
        assertThat(field.getText()).isEqualTo("money");
        assertThat(field.getScene().getWindow().isShowing()).as("the dialog is still open").isTrue();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.workspace.tasks().list(fixture.user, TaskQuery.of("retro")).tasks())
                .singleElement().satisfies(task ->
                        assertThat(task.tags().names()).containsExactlyInAnyOrder("work", "money"));
    }

    private static boolean suggestionsShowing(FxRobot robot) {
        return robot.lookup("#tag-completion").tryQuery().filter(n -> n.getScene().getWindow().isShowing())
                .filter(n -> !((Pane) n).getChildren().isEmpty()).isPresent();
    }

    /** Each suggestion row as "#tag count". */
    private static List<String> shownSuggestions(FxRobot robot) {
        assertThat(suggestionsShowing(robot)).as("suggestions showing").isTrue();
        Pane rows = robot.lookup("#tag-completion").queryAs(Pane.class);
        return rows.getChildren().stream().map(row -> ((Pane) row).getChildren().stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .reduce((a, b) -> a + " " + b).orElse("")).toList();
    }
}
