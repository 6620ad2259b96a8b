package org.taskdesk.ui.tasks.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edits in the detail pane are never thrown away: saved when the person leaves a field or the task, or signs out,
 * each as an undoable step; a field that does not read stays marked with its text. Driven with keyboard and mouse
 * in a real scene, on a real H2 database with the real background thread.
 */
@ExtendWith(ApplicationExtension.class)
class DetailPaneEditsFxTest {
    // Opened here, off the JavaFX thread and outside TestFX's 10 s limit for @Start: migrating and starting
    // Hibernate can take longer than that on a loaded machine.
    private final MainWindowFixture fixture = openFixture();
    private FxBackgroundTasks background;
    private MainWindowView view;
    private boolean signedOut;
    /** Whatever the JavaFX thread threw: a control's converter, an event handler. */
    private final List<Throwable> thrownOnFxThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> thrownOnFxThread.add(e));
        background = new FxBackgroundTasks();
        Theme.LIGHT.apply(Map.of());
        view = new MainWindowView(fixture.context(background, () -> signedOut = true));
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    private static MainWindowFixture openFixture() {
        try {
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("detail-pane-test"));
            opened.add("Pay rent 2026-11-25", "Write report #work", "Call mum");
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

    /** Waits until the database holds a task called {@code title}, and returns it. */
    private Task waitForStored(String title) {
        waitUntil(() -> stored(title) != null);
        return stored(title);
    }

    private void select(FxRobot robot, String title) {
        @SuppressWarnings("unchecked")
        ListView<Task> list = robot.lookup("#task-list").query();
        waitUntil(() -> list.getItems().stream().anyMatch(t -> t.title().equals(title)));
        Callable<java.util.Optional<Node>> cell = () -> robot.lookup(".task-cell")
                .match((javafx.scene.control.ListCell<?> c) -> c.isVisible() && c.getScene() != null
                        && c.getItem() instanceof Task t && t.title().equals(title)).tryQuery();
        waitUntil(() -> cell.call().isPresent()); // the list lays its rows out a pulse after it has the items
        robot.clickOn(fx(cell).orElseThrow());
        TextField shownTitle = robot.lookup("#detail-title").query();
        waitUntil(() -> shownTitle.getText().equals(title));
    }

    private static boolean marked(Node node) {
        return fx(() -> node.getPseudoClassStates().toString().contains("danger"));
    }

    private void undo(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<Task> list = robot.lookup("#task-list").query();
        robot.clickOn(list); // out of any text field, where Ctrl+Z would undo typing
        robot.push(KeyCode.CONTROL, KeyCode.Z);
    }

    @Test
    void anEditIsSavedWhenAnotherTaskIsSelectedAndUndoTakesItBack(FxRobot robot) {
        select(robot, "Write report");
        robot.clickOn("#detail-title").push(KeyCode.CONTROL, KeyCode.A).write("Write the annual report");

        select(robot, "Call mum");

        assertThat(waitForStored("Write the annual report").tags().names()).containsExactly("work");
        undo(robot);
        waitUntil(() -> stored("Write report") != null);
        assertThat(thrownOnFxThread).isEmpty();
    }

    @Test
    void anEditIsSavedWhenTheFieldIsLeft(FxRobot robot) {
        select(robot, "Call mum");
        TextArea notes = robot.lookup("#detail-description").query();
        robot.clickOn(notes).write("About Sunday");
        robot.clickOn("#detail-tags"); // leave the notes for another field of the same task

        waitUntil(() -> "About Sunday".equals(stored("Call mum").description()));
        assertThat(thrownOnFxThread).isEmpty();
    }

    @Test
    void signingOutWithAnEditInProgressSavesItFirst(FxRobot robot) {
        select(robot, "Call mum");
        robot.clickOn("#detail-title").push(KeyCode.CONTROL, KeyCode.A).write("Call mum back");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);

        assertThat(signedOut).isTrue();
        waitForStored("Call mum back");
    }

    @Test
    void closingTheWindowWithAnEditInProgressSavesIt(FxRobot robot) {
        select(robot, "Call mum");
        robot.clickOn("#detail-title").push(KeyCode.CONTROL, KeyCode.A).write("Call dad");

        robot.interact(view::close); // what the app does when the window closes (MainScreen.close)

        waitForStored("Call dad");
    }

    @Test
    void anUnreadableDateIsMarkedKeepsItsTextAndIsNeverSaved(FxRobot robot) {
        select(robot, "Pay rent");
        DatePicker date = robot.lookup("#detail-due-date").query();
        TextField editor = fx(date::getEditor);
        robot.clickOn(editor).push(KeyCode.CONTROL, KeyCode.A).write("31/31/2026");
        robot.push(KeyCode.TAB); // focus leaves the date field: DatePicker commits what was typed
        robot.clickOn("#detail-title");
        robot.push(KeyCode.ENTER); // Enter in the title saves

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(thrownOnFxThread).as("nothing thrown on the JavaFX thread").isEmpty();
        String kept = fx(editor::getText);
        assertThat(kept).isEqualTo("31/31/2026");
        assertThat(marked(date)).isTrue();
        Label error = robot.lookup("#detail-due-date-error").query();
        assertThat(fx(error::getText)).contains("31/31/2026").contains("calendar");
        assertThat(stored("Pay rent").due().date()).isEqualTo(LocalDate.of(2026, 11, 25));

        // Typing a real date clears the mark and saves on leaving.
        String firstOfDecember = fx(() -> new DatePicker().getConverter().toString(LocalDate.of(2026, 12, 1)));
        robot.clickOn(editor).push(KeyCode.CONTROL, KeyCode.A).write(firstOfDecember);
        robot.push(KeyCode.TAB);
        waitUntil(() -> stored("Pay rent").due().date().equals(LocalDate.of(2026, 12, 1)));
        assertThat(marked(date)).isFalse();
        assertThat(thrownOnFxThread).isEmpty();
    }

    @Test
    void leavingATaskWithAnUnreadableFieldSavesTheRestAndSaysWhatWasNotSaved(FxRobot robot) {
        select(robot, "Pay rent");
        robot.clickOn("#detail-title").push(KeyCode.CONTROL, KeyCode.A).write("Pay the rent");
        TextField time = robot.lookup("#detail-due-time").query();
        robot.clickOn(time).write("25:99");

        select(robot, "Call mum");

        Task saved = waitForStored("Pay the rent");
        assertThat(saved.due().hasTime()).isFalse();
        assertThat(robot.lookup(".toast").queryAll()).extracting(n -> ((Label) n).getText())
                .anyMatch(text -> text.contains("Pay the rent") && text.contains("time") && text.contains("not saved"));
        assertThat(thrownOnFxThread).isEmpty();
    }

    @Test
    void theRepeatsLastDateFieldAlsoMarksUnreadableText(FxRobot robot) {
        select(robot, "Pay rent");
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#detail-repeat").query()).getSelectionModel()
                .select(2));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.taskdesk.ui.tasks.detail.RepeatEnd> end = robot.lookup("#detail-repeat-end").query();
        robot.interact(() -> end.setValue(org.taskdesk.ui.tasks.detail.RepeatEnd.UNTIL));
        DatePicker until = robot.lookup("#detail-repeat-until").query();
        robot.clickOn(fx(until::getEditor)).write("not a date");
        robot.push(KeyCode.TAB);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(thrownOnFxThread).isEmpty();
        String kept = fx(() -> until.getEditor().getText());
        assertThat(kept).isEqualTo("not a date");
        assertThat(marked(until)).isTrue();
        assertThat(stored("Pay rent").recurrence()).isNull();
    }

    /** Types a date into the due date field and stays there: DatePicker has not committed the text yet. */
    private void typeDueDateWithoutLeaving(FxRobot robot, LocalDate date) {
        select(robot, "Pay rent");
        DatePicker picker = robot.lookup("#detail-due-date").query();
        String text = fx(() -> new DatePicker().getConverter().toString(date));
        robot.clickOn(fx(picker::getEditor)).push(KeyCode.CONTROL, KeyCode.A).write(text);
        assertThat(fx(picker::getValue)).as("not committed yet").isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void closingTheWindowWithADateTypedButNotCommittedSavesIt(FxRobot robot) {
        typeDueDateWithoutLeaving(robot, LocalDate.of(2026, 12, 3));

        robot.interact(view::close);

        waitUntil(() -> stored("Pay rent").due().date().equals(LocalDate.of(2026, 12, 3)));
        assertThat(thrownOnFxThread).isEmpty();
    }

    @Test
    void signingOutWithADateTypedButNotCommittedSavesIt(FxRobot robot) {
        typeDueDateWithoutLeaving(robot, LocalDate.of(2026, 12, 4));

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);

        assertThat(signedOut).isTrue();
        waitUntil(() -> stored("Pay rent").due().date().equals(LocalDate.of(2026, 12, 4)));
        assertThat(thrownOnFxThread).isEmpty();
    }
}
