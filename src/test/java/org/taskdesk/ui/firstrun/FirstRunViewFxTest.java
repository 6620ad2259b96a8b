package org.taskdesk.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The very first screen in the smallest window: its question and both explanations are shown whole. */
@ExtendWith(ApplicationExtension.class)
class FirstRunViewFxTest {
    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        FirstRunViewModel model = new FirstRunViewModel(TestDesktop.backend(folder, Clock.systemUTC(), null),
                new DirectBackgroundTasks());
        stage.setScene(new Scene(new FirstRunView(model, () -> { }).root(), WindowPlace.MIN_WIDTH,
                WindowPlace.MIN_HEIGHT));
        stage.show();
    }

    @Test
    void everySentenceIsShownWholeAtTheSmallestSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .filteredOn(label -> !label.getText().isEmpty() && label.isVisible())
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(label -> assertThat(drawn(label)).as("drawn").isEqualTo(label.getText()));
        Node next = robot.lookup("Continue").query();
        assertThat(next.localToScene(next.getLayoutBounds()).getMaxY()).as("Continue within the window")
                .isLessThanOrEqualTo(WindowPlace.MIN_HEIGHT);
    }

    /** What the label draws: its skin's text, cut with an ellipsis when the label is too small for it. */
    private static String drawn(Label label) {
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }
}
