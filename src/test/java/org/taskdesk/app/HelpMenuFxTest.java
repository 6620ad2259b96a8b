package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.cli.VersionProvider;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The signed-in window's File and Help menus as the composition root builds them, and the About window. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuFxTest {
    @TempDir
    Path folder;

    private Stage stage;
    private MainWindowFixture fixture;
    private MainScreen screen;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
            if (screen != null) {
                screen.close();
            }
        });
        if (fixture != null) {
            fixture.close();
        }
    }

    private MenuBar showMainWindow(FxRobot robot) {
        fixture = new MainWindowFixture(folder.resolve("db"));
        Path log = folder.resolve("logs").resolve("taskdesk.log");
        robot.interact(() -> {
            screen = MainScreens.factory(StartupProbe.NONE, log, opened::add)
                    .apply(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(screen.root(), 1000, 650));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }

    @Test
    void quitIsTheFileMenusLastItemAndHelpHasTheGuideAndAbout(FxRobot robot) {
        MenuBar bar = showMainWindow(robot);

        assertThat(texts(menu(bar, "File"))).containsExactly("Sign out", "Import…", "Export", "Settings…", "—", "Quit");
        assertThat(texts(menu(bar, "Help"))).containsExactly("Keyboard shortcuts", "User guide", "About TaskDesk");

        robot.interact(() -> item(menu(bar, "Help"), "User guide").fire());
        assertThat(opened).singleElement().asString().startsWith("file:").endsWith("taskdesk-user-guide.md");
    }

    @Test
    void aboutShowsTheVersionTheDatabaseAndTheLogFileAndLinksTheGuide(FxRobot robot) {
        MenuBar bar = showMainWindow(robot);

        robot.interact(() -> item(menu(bar, "Help"), "About TaskDesk").fire());
        WaitForAsyncUtils.waitForFxEvents();

        Stage about = (Stage) robot.lookup("#about").query().getScene().getWindow();
        assertThat(about.getTitle()).isEqualTo("About TaskDesk");
        assertThat(about.getOwner()).isSameAs(stage);
        assertThat(robot.lookup("#about-version").queryLabeled().getText())
                .isEqualTo("Version " + VersionProvider.version()).doesNotContain("unknown");
        assertThat(robot.lookup("#about-database").queryAs(TextField.class).getText())
                .isEqualTo(fixture.workspace.databaseName()).contains(folder.resolve("db").toString());
        assertThat(robot.lookup("#about-log").queryAs(TextField.class).getText())
                .isEqualTo(folder.resolve("logs").resolve("taskdesk.log").toString());

        robot.clickOn("#about-guide");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).singleElement().asString().startsWith("file:");
    }

    private static Menu menu(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(m -> text.equals(m.getText())).findFirst().orElseThrow();
    }

    private static MenuItem item(Menu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    private static List<String> texts(Menu menu) {
        return menu.getItems().stream().map(i -> i instanceof SeparatorMenuItem ? "—" : i.getText()).toList();
    }
}
