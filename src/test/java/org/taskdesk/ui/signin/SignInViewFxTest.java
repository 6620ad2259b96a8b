package org.taskdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/** Where the cursor is: in the first field of the form on screen, whichever form that is. */
@ExtendWith(ApplicationExtension.class)
class SignInViewFxTest {
    @TempDir
    static Path folder;

    private static DesktopServices desktop;
    private static Workspace workspace;
    private SignInViewModel model;
    private Stage stage;

    /** Off the JavaFX thread: migrating a new database can take longer than TestFX waits for a window. */
    @BeforeAll
    static void openDatabase() {
        desktop = TestDesktop.backend(folder, Clock.systemUTC(), folder.resolve("tasks.mv.db").toString());
        workspace = desktop.openWorkspace(step -> { });
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());
        SignInView view = new SignInView(model, workspace.databaseName(), session -> { });
        stage.setScene(new Scene(view.root(), 900, 700));
        stage.show();
        view.focus();
        model.chooseForm(); // no account yet: the sign-up form, decided after the view asked for focus
    }

    @Test
    void aNewPersonStartsTypingTheirNameAndSwitchingFormsMovesToItsFirstField(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.signingUpProperty().get()).isTrue();
        assertThat(focused(robot)).isEqualTo("name");

        robot.clickOn("Have an account? Sign in");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(robot)).isEqualTo("email");

        robot.clickOn("New here? Create an account");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(robot)).isEqualTo("name");
    }

    @Test
    void inTheSmallestWindowTheSignUpFormScrollsInsteadOfLosingItsTopAndBottom(FxRobot robot) {
        robot.interact(() -> {
            stage.getScene().getRoot().resize(600, 400);
            stage.setWidth(600);
            stage.setHeight(400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.signingUpProperty().get()).isTrue();
        Node title = robot.lookup("Create your account").query();
        assertThat(title.localToScene(title.getBoundsInLocal()).getMinY()).as("the heading is not cut at the top")
                .isGreaterThanOrEqualTo(0);

        assertThat(robot.lookup(".scroll-pane").tryQuery()).as("the form can scroll").isPresent();
        Node toggle = robot.lookup("Have an account? Sign in").query();
        assertThat(toggle.localToScene(toggle.getBoundsInLocal()).getMinY()).as("the last link starts off screen")
                .isGreaterThan(stage.getScene().getHeight());

        robot.interact(toggle::requestFocus); // as Tab does, field after field
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.localToScene(toggle.getBoundsInLocal()).getMaxY())
                .as("the control the keyboard moved to is scrolled into view")
                .isLessThanOrEqualTo(stage.getScene().getHeight());
    }

    private static String focused(FxRobot robot) {
        Node owner = robot.lookup("#email").query().getScene().getFocusOwner();
        return owner == null ? "nothing" : owner.getId();
    }
}
