package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Add-tag dialog over a maximised main window: the window stays maximised, the dialog opens centred on it. */
@ExtendWith(ApplicationExtension.class)
class TagDialogsFxTest {
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
        robot.interact(() -> stage.setMaximized(false));
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theAddTagDialogLeavesTheWindowMaximisedAndOpensCentredOnIt(FxRobot robot) {
        fixture = new MainWindowFixture(folder);
        fixture.add("Pay rent tomorrow 9am #home");
        robot.interact(() -> {
            MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view.root(), 900, 600));
            stage.show();
            stage.setMaximized(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Pay rent");
        assertThat(stage.isMaximized()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        assertThat(((Stage) dialog).getOwner()).isSameAs(stage);
        assertThat(stage.isMaximized()).as("main window still maximised").isTrue();
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(stage.getX() + stage.getWidth() / 2, within(2.0));
        assertThat(dialog.getY() + dialog.getHeight() / 2).isCloseTo(stage.getY() + stage.getHeight() / 2, within(2.0));
    }
}
