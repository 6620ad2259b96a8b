package org.taskdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.ui.tasks.MainContext;

/**
 * The window's path as a new user takes it, with a real local database and the real background thread: first run,
 * sign up, signed in, sign out, then a second start that a remembered session skips straight through.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppFlowTest {
    @TempDir
    Path folder;

    private final FxBackgroundTasks background = new FxBackgroundTasks();
    private final AtomicReference<MainContext> signedIn = new AtomicReference<>();
    private Stage firstWindow;

    @Start
    void start(Stage stage) {
        firstWindow = stage;
        newApp().show(stage);
    }

    private DesktopApp newApp() {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemDefaultZone(), null);
        return new DesktopApp(desktop, background, context -> {
            signedIn.set(context);
            Button signOut = new Button("Sign out");
            signOut.setOnAction(e -> context.signOut().run());
            Label who = new Label("Signed in as " + context.user().account().name());
            VBox box = new VBox(who, signOut);
            return () -> box;
        });
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void firstRunSignUpSignOutAndARememberedSessionOnTheNextStart(FxRobot robot) throws Exception {
        waitFor(robot, "Continue");
        robot.clickOn("Continue");

        // No account yet: the form to create one comes first.
        waitFor(robot, "Create your account");
        assertThat(robot.lookup("New here? Create an account").tryQuery()).as("already on the sign-up form").isEmpty();
        robot.clickOn("#name").write("Ann");
        robot.clickOn("#email").write("ann@example.com");
        robot.clickOn("#password").write("short");
        assertThat(robot.lookup("The password is too short: use at least 8 characters.").tryQuery()).isPresent();
        replaceText(robot, "#password", "a good password");
        robot.clickOn("#confirmation").write("a good password");
        robot.clickOn("#submit");

        waitFor(robot, "Signed in as Ann");
        assertThat(signedIn.get().user().account().email()).isEqualTo("ann@example.com");
        robot.clickOn("Sign out");
        waitFor(robot, "New here? Create an account");

        robot.clickOn("#email").write("ann@example.com");
        robot.clickOn("#password").write("wrong password");
        robot.clickOn("#submit");
        waitFor(robot, "Wrong email or password.");
        replaceText(robot, "#password", "a good password");
        robot.clickOn("#submit");
        waitFor(robot, "Signed in as Ann");

        // Quit and start again: "Keep me signed in" (on by default) skips the sign-in form.
        signedIn.set(null);
        robot.interact(() -> firstWindow.close());
        robot.interact(() -> newApp().show(new Stage()));
        waitFor(robot, "Signed in as Ann");
        assertThat(signedIn.get().user().account().email()).isEqualTo("ann@example.com");
        assertThat(robot.lookup("#email").tryQuery()).as("no sign-in form").isEmpty();
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL).write(text);
    }

    /** Waits until {@code text} shows, then until the JavaFX thread has finished laying the new screen out. */
    private static void waitFor(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(text).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
