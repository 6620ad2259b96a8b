package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.transfer.TransferFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Export and File → Import… in the window the composition root builds, with the file chooser answered by the
 * test: the tasks go out to a file, are deleted, and come back in with the import's summary in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class TransferMenuFxTest {
    @TempDir
    Path folder;

    private Stage stage;
    private MainWindowFixture fixture;
    private MainScreen screen;
    private final HeldBackgroundTasks background = HeldBackgroundTasks.runningUntilHeld();
    /** What the file chooser answers, and the windows it was asked over. */
    private Path chosen;
    private final List<Window> askedOver = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            background.release();
            if (screen != null) {
                screen.close();
            }
        });
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theTasksExportedToAFileComeBackWhenItIsImported(FxRobot robot) throws Exception {
        fixture = new MainWindowFixture(folder.resolve("db"));
        fixture.add("Pay rent tomorrow 9am #home !high", "Quarterly report #work");
        MenuBar bar = showMainWindow(robot);
        waitUntil(() -> titles(robot).size() == 2);
        chosen = folder.resolve("tasks.json");

        robot.interact(() -> item(submenu(menu(bar, "File"), "Export"), "All tasks…").fire());
        waitUntil(() -> result(robot).equals("2 tasks exported to tasks.json."));
        assertThat(Files.readString(chosen)).contains("Pay rent", "Quarterly report");
        assertThat(askedOver).containsExactly(stage);

        fixture.workspace.tasks().delete(fixture.user, fixture.workspace.tasks().list(fixture.user, TaskQuery.of(""))
                .tasks().stream().map(Task::id).toList());
        waitUntil(() -> titles(robot).isEmpty()); // the window notices the tasks went

        robot.interact(() -> {
            background.hold();
            item(menu(bar, "File"), "Import…").fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ProgressIndicator busy = robot.lookup("#transfer-busy").query();
        assertThat(fx(busy::isVisible)).as("the progress indicator while the import runs").isTrue();
        assertThat(fx(() -> item(menu(bar, "File"), "Import…").isDisable())).isTrue();

        robot.interact(background::replyAll); // the import, then the reload it starts
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(busy::isVisible)).isFalse();
        assertThat(result(robot)).isEqualTo("2 added, 0 updated.");
        assertThat(titles(robot)).containsExactlyInAnyOrder("Pay rent", "Quarterly report");
        assertThat(askedOver).containsExactly(stage, stage);
    }

    private MenuBar showMainWindow(FxRobot robot) {
        TransferFiles files = new TransferFiles() {
            @Override
            public Optional<Path> fileToImport(Window owner) {
                askedOver.add(owner);
                return Optional.of(chosen);
            }

            @Override
            public Optional<Path> fileToExport(Window owner) {
                askedOver.add(owner);
                return Optional.of(chosen);
            }
        };
        robot.interact(() -> {
            screen = MainScreens.factory(StartupProbe.NONE, folder.resolve("taskdesk.log"), uri -> { }, files)
                    .apply(fixture.context(background, () -> { }));
            stage.setScene(new Scene(screen.root(), 1000, 650));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(FxRobot robot) {
        ListView<Task> list = (ListView<Task>) robot.lookup("#task-list").query();
        return fx(() -> list.getItems().stream().map(Task::title).toList());
    }

    private static String result(FxRobot robot) {
        Label label = robot.lookup("#transfer-result").query();
        return fx(label::getText);
    }

    private static Menu menu(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(m -> text.equals(m.getText())).findFirst().orElseThrow();
    }

    private static Menu submenu(Menu menu, String text) {
        return (Menu) item(menu, text);
    }

    private static MenuItem item(Menu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }
}
