package org.taskdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.testing.ScreenshotFolder;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.workspace.Workspace;

/** Renders the sign-up form, with one field marked, to sign-in.png in the screenshot folder (see ScreenshotFolder) for the README. */
@ExtendWith(ApplicationExtension.class)
class SignInScreenshotTest {
    @TempDir
    static Path folder;

    private Scene scene;
    private SignInViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(java.util.Map.of());
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), folder.resolve("tasks.mv.db").toString());
        Workspace workspace = desktop.openWorkspace(step -> { });
        model = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());
        model.signingUpProperty().set(true);
        model.nameProperty().set("Ann Example");
        model.emailProperty().set("ann@example");
        model.passwordProperty().set("correct horse battery");
        model.confirmationProperty().set("correct horse battery");
        scene = new Scene(new SignInView(model, workspace.databaseName().replace(folder.toString(), "~/.local/share/taskdesk")
                .replace("tasks.mv.db", "taskdesk.mv.db"), session -> { }).root(), 900, 700);
        stage.setScene(scene);
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @Test
    void rendersTheSignUpFormWithAnInlineProblem(FxRobot robot) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(shot[0], null);
        Path target = ScreenshotFolder.get().resolve("sign-in.png");
        Files.createDirectories(target.getParent());
        ImageIO.write(png, "png", target.toFile());

        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(model.emailProblemProperty().get()).contains("is not an email address");
        assertThat(robot.lookup("'ann@example' is not an email address: write it like ann@example.com.").tryQuery())
                .isPresent();
    }
}
