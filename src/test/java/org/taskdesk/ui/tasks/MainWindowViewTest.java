package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
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
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window driven as a person would, with keyboard and mouse, on a real H2 database in the background. */
@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    // Opened here, off the JavaFX thread and outside TestFX's 10 s limit for @Start: migrating and starting
    // Hibernate took longer than that on a loaded machine.
    private final MainWindowFixture fixture = openFixture();
    private FxBackgroundTasks background;
    private MainWindowView view;
    private boolean signedOut;

    private static MainWindowFixture openFixture() {
        try {
            return new MainWindowFixture(Files.createTempDirectory("main-window-test"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        background = new FxBackgroundTasks();
        Theme.LIGHT.apply(Map.of());
        view = new MainWindowView(fixture.context(background, () -> signedOut = true));
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.close();
        fixture.close();
    }

    private static String text(Callable<String> read) {
        return fx(read);
    }

    private static boolean flag(Callable<Boolean> read) {
        return fx(read);
    }

    @SuppressWarnings("unchecked")
    private ListView<Task> list(FxRobot robot) {
        return (ListView<Task>) robot.lookup("#task-list").query();
    }

    private List<String> titles(FxRobot robot) {
        ListView<Task> list = list(robot);
        return fx(() -> list.getItems().stream().map(Task::title).toList());
    }

    private Task shown(FxRobot robot, String title) {
        ListView<Task> list = list(robot);
        return fx(() -> list.getItems().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow());
    }

    private void waitForTitles(FxRobot robot, String... titles) {
        ListView<Task> list = list(robot);
        waitUntil(() -> list.getItems().stream().map(Task::title).sorted().toList()
                .equals(java.util.Arrays.stream(titles).sorted().toList()));
    }

    /** The row showing {@code title}, once the list has laid it out (rows are reused, so match on the item). */
    private Node cell(FxRobot robot, String title) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".task-cell").match((javafx.scene.control.ListCell<?> c) -> c.isVisible()
                && c.getScene() != null && c.getItem() instanceof Task t && t.title().equals(title)).query();
    }

    @Test
    void theFocusedEmptyQuickAddBarShowsItsExampleAndTheEmptyListTeachesQuickAdd(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        TextField quickAdd = robot.lookup("#quick-add").query();
        assertThat(flag(quickAdd::isFocused)).isTrue();
        assertThat(text(quickAdd::getText)).isEmpty();

        // The skin draws the prompt as a Text node, shown only while its fill is not transparent.
        List<String> shownPrompts = fx(() -> quickAdd.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && t.isVisible() && t.getText().startsWith("Add a task"))
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList());
        assertThat(shownPrompts).singleElement().asString().contains("Pay rent tomorrow 9am #home !high every month");

        Label empty = robot.lookup("#task-list-empty").query();
        waitUntil(() -> empty.getText().startsWith("Nothing here yet"));
        assertThat(flag(empty::isVisible)).isTrue();
    }

    @Test
    void aDayWithTheKeyboardAndMouse(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty() || robot.lookup("#task-list").query() != null);

        // Ctrl+N, then three tasks by quick add; the chips show what was understood before Enter.
        robot.push(KeyCode.CONTROL, KeyCode.N);
        TextField quickAdd = robot.lookup("#quick-add").query();
        assertThat(flag(quickAdd::isFocused)).isTrue();
        robot.write("Buy milk tomorrow #home").push(KeyCode.ENTER);
        waitForTitles(robot, "Buy milk");
        robot.write("Water plants every day");
        assertThat(robot.lookup("#quick-add-chips .chip").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("Every day");
        Label understoodTitle = robot.lookup("#quick-add-chips .chip-title").query();
        assertThat(text(understoodTitle::getText)).isEqualTo("“Water plants”");
        robot.push(KeyCode.ENTER);
        waitForTitles(robot, "Buy milk", "Water plants");
        robot.write("Write report !high #work").push(KeyCode.ENTER);
        waitForTitles(robot, "Buy milk", "Water plants", "Write report");
        assertThat(text(quickAdd::getText)).isEmpty();
        assertThat(shown(robot, "Water plants").due().date()).isEqualTo(TODAY);

        // Select one with the mouse, Enter to the detail pane, edit the title, Ctrl+S.
        robot.clickOn(cell(robot, "Write report"));
        robot.push(KeyCode.ENTER);
        TextField title = robot.lookup("#detail-title").query();
        assertThat(flag(title::isFocused)).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.A).write("Write the quarterly report");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitForTitles(robot, "Buy milk", "Water plants", "Write the quarterly report");
        Label saved = robot.lookup("#status-saved").query();
        assertThat(text(saved::getText)).isEqualTo("Saved 11:00");

        // Invalid time in the detail pane: marked at the field, not saved.
        TextField time = robot.lookup("#detail-due-time").query();
        robot.clickOn(time).write("25:99");
        String states = fx(() -> time.getPseudoClassStates().toString());
        assertThat(states).contains("danger");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "Write the quarterly report").due()).isNull();
        robot.push(KeyCode.ESCAPE);

        // Complete the repeating one with Space: it stays, due tomorrow, and a toast says so.
        robot.clickOn(cell(robot, "Water plants"));
        robot.push(KeyCode.SPACE);
        waitUntil(() -> shown(robot, "Water plants").due().date().equals(TODAY.plusDays(1)));
        Label due = robot.from(cell(robot, "Water plants")).lookup(".due").query();
        assertThat(text(due::getText)).isEqualTo("Tomorrow");
        assertThat(robot.lookup(".toast").queryAll()).extracting(n -> ((Label) n).getText())
                .anyMatch(text -> text.contains("Water plants") && text.contains("Tomorrow"));

        // Search with a filter; a malformed one shows an error under the box and keeps the list.
        robot.push(KeyCode.CONTROL, KeyCode.F).write("#home");
        waitForTitles(robot, "Buy milk");
        robot.write(" & (");
        Label error = robot.lookup("#search-error").query();
        assertThat(flag(error::isVisible)).isTrue();
        assertThat(text(error::getText)).contains("position");
        assertThat(titles(robot)).containsExactly("Buy milk");
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        waitForTitles(robot, "Buy milk", "Water plants", "Write the quarterly report");
        assertThat(flag(error::isVisible)).isFalse();
        robot.push(KeyCode.ESCAPE);
        assertThat(flag(() -> list(robot).isFocused())).isTrue();

        // Select all, bulk complete with Ctrl+Enter: only the repeating task stays open, moved on again.
        robot.push(KeyCode.CONTROL, KeyCode.A);
        assertThat((int) fx(() -> list(robot).getSelectionModel().getSelectedItems().size())).isEqualTo(3);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitForTitles(robot, "Water plants");
        assertThat(shown(robot, "Water plants").due().date()).isEqualTo(TODAY.plusDays(2));
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        javafx.scene.control.MenuItem undo = fx(() -> bar.getMenus().get(1).getItems().get(0));
        assertThat(text(undo::getText)).isEqualTo("Undo Complete 3 tasks");

        // Ctrl+Z brings all three back as they were.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitForTitles(robot, "Buy milk", "Water plants", "Write the quarterly report");
        waitUntil(() -> shown(robot, "Water plants").due().date().equals(TODAY.plusDays(1)));
        assertThat(text(undo::getText)).isEqualTo("Undo Complete 1 task");
        // Ctrl+Y redoes it.
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitForTitles(robot, "Water plants");

        // F1 shows the shortcuts, Esc hides them; Ctrl+2 picks "Today".
        robot.push(KeyCode.F1);
        Node overlay = robot.lookup("#shortcuts-overlay").query();
        assertThat(flag(overlay::isVisible)).isTrue();
        robot.push(KeyCode.ESCAPE);
        assertThat(flag(overlay::isVisible)).isFalse();
        robot.write("?");
        assertThat(flag(overlay::isVisible)).isTrue();
        robot.push(KeyCode.ESCAPE);
        assertThat(flag(overlay::isVisible)).isFalse();
        // In a text field "?" is just a character.
        robot.push(KeyCode.CONTROL, KeyCode.F).write("?");
        assertThat(flag(overlay::isVisible)).isFalse();
        TextField search = robot.lookup("#search").query();
        assertThat(text(search::getText)).isEqualTo("?");
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitForTitles(robot, "Buy milk", "Write the quarterly report");

        // notify() shows a toast; Sign out calls back to the shell.
        robot.interact(() -> view.notify("Reminder: Buy milk"));
        assertThat(robot.lookup(".toast").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("Reminder: Buy milk");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);
        assertThat(signedOut).isTrue();
    }

    @Test
    void otherFeaturesCanAddMenuItemsAndRefreshShowsChangesMadeElsewhere(FxRobot robot) {
        javafx.scene.control.MenuItem stats = new javafx.scene.control.MenuItem("Statistics");
        javafx.scene.control.MenuItem sync = new javafx.scene.control.MenuItem("Sync now");
        robot.interact(() -> {
            view.addMenuItem("View", stats);
            view.addMenuItem("Sync", sync);
        });
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        List<String> names = fx(() -> bar.getMenus().stream().map(javafx.scene.control.Menu::getText).toList());
        assertThat(names)
                .containsExactly("File", "Edit", "Task", "View", "Sync", "Help");
        assertThat(flag(() -> bar.getMenus().get(3).getItems().contains(stats))).isTrue();

        fixture.add("Made in another window #home");
        robot.interact(view::refresh);
        waitForTitles(robot, "Made in another window");
        Label user = robot.lookup("#status-user").query();
        assertThat(text(user::getText)).isEqualTo("Signed in as Ann Example <ann@example.com>");
        Label database = robot.lookup("#status-database").query();
        assertThat(text(database::getText)).startsWith("Database: ").endsWith("tasks.mv.db");
    }

    @Test
    void theSidebarTellsScreenReadersTheCountAsItChanges(FxRobot robot) {
        Callable<String> inbox = () -> robot.lookup("#sidebar .list-cell").queryAll().stream()
                .map(Node::getAccessibleText).filter(t -> t != null && t.startsWith("Inbox, ")).findFirst().orElse("");
        waitUntil(() -> !inbox.call().isEmpty());
        String before = fx(inbox);
        int count = Integer.parseInt(before.replaceAll("\\D", ""));

        fixture.add("One more for the inbox");
        robot.interact(view::refresh);
        waitForTitles(robot, "One more for the inbox");

        waitUntil(() -> inbox.call().equals("Inbox, " + (count + 1) + " tasks"));
    }

    @Test
    void aSignedOutWindowIsNotKeptAliveByTheSharedScene(FxRobot robot) throws Exception {
        Scene scene = fx(() -> view.root().getScene());
        java.lang.ref.WeakReference<MainWindowView> gone = fx(() -> {
            MainWindowView other = new MainWindowView(fixture.context(background, () -> { }));
            scene.setRoot(other.root()); // sign in again on the same scene
            return new java.lang.ref.WeakReference<>(other);
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            scene.setRoot(view.root()); // and sign out
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 20 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(gone.get()).isNull();
    }
}
