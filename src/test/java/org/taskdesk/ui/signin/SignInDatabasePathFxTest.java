package org.taskdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in form in the smallest window (600×400): a long database path shortens in its middle, never mid-word. */
@ExtendWith(ApplicationExtension.class)
class SignInDatabasePathFxTest {
    private static final String LONG_PATH =
            "/home/annabelle-example/.local/share/taskdesk/projects-and-everything-else/taskdesk-tasks.mv.db";

    @TempDir
    static Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @Test
    void theDatabasePathShortensInTheMiddleOnOneLineWithTheWholePathInATooltip(FxRobot robot) {
        // Opened here, not in @Start: migrating a new database can outlast TestFX's set-up time on a busy machine.
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), folder.resolve("tasks.mv.db").toString());
        Workspace workspace = desktop.openWorkspace(step -> { });
        SignInViewModel model = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());
        robot.interact(() -> {
            stage.setScene(new Scene(new SignInView(model, LONG_PATH, session -> { }).root(), 600, 400));
            stage.setWidth(600);
            stage.setHeight(400);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label where = robot.lookup((Label l) -> l.getText().startsWith("Tasks are kept in")).queryAs(Label.class);
        Text drawn = (Text) where.lookup(".text");

        assertThat(drawn.getText()).startsWith("Tasks are kept in /").contains("…").endsWith("taskdesk-tasks.mv.db")
                .doesNotContain("\n");
        assertThat(drawn.getLayoutBounds().getHeight()).as("one line").isLessThan(2 * drawn.getFont().getSize());
        assertThat(where.getLayoutBounds().getWidth()).isLessThanOrEqualTo(600);
        assertThat(where.getTooltip().getText()).isEqualTo(LONG_PATH);
        workspace.close();
    }
}
