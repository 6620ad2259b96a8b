package org.taskdesk.ui.tasks.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A search saved from the search box (Ctrl+S) appears in the sidebar with its live count, like a tag's, and is
 * renamed (F2, or its context menu): with keyboard and mouse in a real scene over a real H2 database.
 */
@ExtendWith(ApplicationExtension.class)
class SavedSearchSidebarFxTest {
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
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("saved-search-test"));
            opened.add("Write report #work", "Call the printer #work", "Buy milk #home");
            return opened;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The sidebar row of the saved search called {@code name}, if shown. */
    private static Optional<ListCell<?>> savedRow(FxRobot robot, String name) {
        return robot.lookup(".saved-entry").match((ListCell<?> c) -> c.isVisible()
                && c.getItem() instanceof SidebarEntry e && e.label().equals(name)).tryQuery();
    }

    private static String countOf(FxRobot robot, String name) {
        return fx(() -> savedRow(robot, name).map(row -> ((Labeled) robot.from(row).lookup(".count-badge").query())
                .getText()).orElse(null));
    }

    @Test
    void ctrlSInTheSearchBoxSavesItAsASidebarListWithALiveCountThatF2Renames(FxRobot robot) {
        Button save = robot.lookup("#save-search").query();
        assertThat(fx(save::isVisible)).as("nothing to save yet").isFalse();

        robot.clickOn("#search").write("#work");
        assertThat(fx(save::isVisible)).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        TextField name = robot.lookup("#saved-search-name").query();
        String offered = fx(name::getText);
        assertThat(offered).as("what was typed is offered").isEqualTo("#work");
        // Not modal: a modal window un-maximises the main window under openbox (OwnedDialogs).
        assertThat(fx(() -> ((javafx.stage.Stage) name.getScene().getWindow()).getModality()))
                .isEqualTo(javafx.stage.Modality.NONE);
        robot.clickOn(name).push(KeyCode.CONTROL, KeyCode.A).write("Work").push(KeyCode.ENTER);

        waitUntil(() -> savedRow(robot, "Work").isPresent());
        assertThat(countOf(robot, "Work")).isEqualTo("2");
        // Lined up with the lists above it (it sat 5 px further left, its count 5 px further right).
        ListCell<?> inbox = robot.lookup(".smart-entry").queryAs(ListCell.class);
        assertThat(fx(() -> savedRow(robot, "Work").orElseThrow().getPadding())).isEqualTo(fx(inbox::getPadding));
        assertThat(fx(() -> ((TextField) robot.lookup("#search").query()).getText())).isEmpty();

        robot.clickOn("#quick-add").write("Plan the offsite #work").push(KeyCode.ENTER);
        waitUntil(() -> "3".equals(countOf(robot, "Work")));

        ListCell<?> row = fx(() -> savedRow(robot, "Work").orElseThrow());
        List<String> onRightClick = fx(() -> row.getContextMenu().getItems().stream().map(MenuItem::getText).toList());
        assertThat(onRightClick).containsExactly("Rename…", "Delete saved search");
        robot.clickOn(row).push(KeyCode.F2);
        TextField newName = robot.lookup("#saved-search-name").query();
        robot.clickOn(newName).push(KeyCode.CONTROL, KeyCode.A).write("Office").push(KeyCode.ENTER);

        waitUntil(() -> savedRow(robot, "Office").isPresent());
        assertThat(countOf(robot, "Office")).isEqualTo("3");
        assertThat(savedRow(robot, "Work")).isEmpty();
    }
}
