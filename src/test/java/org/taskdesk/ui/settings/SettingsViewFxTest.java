package org.taskdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings window, headless, as a person uses it: clicks, typing, Esc. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewFxTest {
    private final FxBackgroundTasks background = new FxBackgroundTasks();

    @TempDir
    Path folder;

    private TestDesk desk;
    private Stage main;

    @Start
    void start(Stage stage) {
        desk = new TestDesk(folder, new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC")));
        main = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        background.close();
        desk.close();
    }

    @Test
    void everyLabelIsShownWholeInANarrowWindowTheFieldsGiveWayInstead(FxRobot robot) {
        robot.interact(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new SettingsView(new SettingsViewModel(desk.context(background, desk.desktop),
                    theme -> { })), 420, 460));
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .filteredOn(label -> label.getScene() != main.getScene() && !label.getText().isEmpty())
                .isNotEmpty()
                .allSatisfy(label -> assertThat(label.lookupAll(".text").stream()
                        .filter(javafx.scene.text.Text.class::isInstance)
                        .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(""))
                        .as("drawn").isEqualTo(label.getText()));
    }

    @Test
    void darkThemeAppliesAtOnceAndAServerIsTestedThenSavedForTheNextStart(FxRobot robot) throws Exception {
        // The app's real desktop backend: server URLs are really connected to, settings really written.
        org.taskdesk.ui.DesktopServices real = org.taskdesk.app.TestDesktop.backend(folder.resolve("user"), desk.clock, null);
        String server = org.taskdesk.testing.TestPostgres.newDatabaseUrl();
        assertThat(new org.taskdesk.app.TaskDeskCli(org.taskdesk.testing.TestEnvironment.in(folder))
                .run("--database-url", server, "db", "upgrade", "head").exitCode()).isZero();
        robot.interact(() -> SettingsView.open(desk.context(background, real), main));
        assertThat(robot.lookup("#database-name").queryAs(TextField.class).getText())
                .isEqualTo(desk.workspace.databaseName());
        assertThat(robot.lookup("#server-url").queryAs(TextField.class).isDisabled()).isTrue();

        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> real.theme() == Theme.DARK);
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");

        Button save = robot.lookup("#save-database").queryButton();
        robot.clickOn("#storage-server");
        assertThat(save.isDisabled()).as("no URL yet").isTrue();
        robot.clickOn("#server-url").write("postgresql://client:pw@127.0.0.1:1/taskdesk");
        robot.clickOn(save);
        Label message = robot.lookup("#settings-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Not saved."));
        assertThat(message.getText()).contains("Cannot reach the database server");
        assertThat(real.isFirstRun()).as("nothing saved").isTrue();

        TextField url = robot.lookup("#server-url").queryAs(TextField.class);
        robot.interact(url::clear); // selecting all by keyboard differs between platforms; clearing is not the point
        robot.clickOn(url).write(server);
        assertThat(url.getText()).isEqualTo(server);
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().contains("after you restart"));
        assertThat(real.databaseName()).startsWith("postgresql://");

        Window settings = save.getScene().getWindow();
        robot.targetWindow(settings).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.isShowing()).isFalse();
        robot.interact(() -> Theme.LIGHT.apply(Map.of()));
    }

    @Test
    void savingOnThisComputerWhileItsDatabaseIsOpenLeavesTheFileAndItsLockAlone(FxRobot robot) throws Exception {
        // The app's real backend, with its default local database open as the main window has it.
        org.taskdesk.ui.DesktopServices real = org.taskdesk.app.TestDesktop.backend(folder.resolve("user"), desk.clock, null);
        Path file = org.taskdesk.testing.TestEnvironment.defaultDatabaseFile(folder.resolve("user"));
        try (org.taskdesk.workspace.Workspace open = real.openWorkspace(step -> { })) {
            java.nio.file.attribute.FileTime modified = java.nio.file.Files.getLastModifiedTime(file);
            robot.interact(() -> SettingsView.open(desk.context(background, real), main));

            robot.clickOn("#save-database");
            Label message = robot.lookup("#settings-message").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));

            assertThat(java.nio.file.Files.getLastModifiedTime(file)).isEqualTo(modified);
            // Had the save checked the open file, closing its descriptor would have dropped H2's lock on it.
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> org.taskdesk.testing.HeldDatabase.exclusivelyBy(file).close());
            Window settings = message.getScene().getWindow();
            robot.targetWindow(settings).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        }
    }
}
