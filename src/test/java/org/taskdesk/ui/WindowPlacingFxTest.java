package org.taskdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.taskdesk.ui.common.WindowPlace;

/**
 * Under openbox a new window is first given GTK's default 200×200 and then kept at its minimum size (what people saw:
 * a first window of 600×400). Here the window manager's answer is played by shrinking the window right after it is
 * shown, in the same turn of the JavaFX thread, as the window manager's event arrives before anything queued later.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacingFxTest {

    @Test
    void aFirstWindowGetsItsFirstSizeBackAfterTheWindowManagerShrankIt() {
        double[] size = shownThenShrunk(Optional.empty());

        var screen = Screen.getPrimary().getVisualBounds();
        assertThat(size[0]).isEqualTo(Math.min(1200, screen.getWidth() * 0.9));
        assertThat(size[1]).isEqualTo(Math.min(760, screen.getHeight() * 0.9));
        assertThat(size[0]).isGreaterThan(WindowPlace.MIN_WIDTH);
    }

    @Test
    void aRememberedSizeComesBackTheSameWay() {
        double[] size = shownThenShrunk(Optional.of(new WindowPlace(10, 20, 900, 610, false, List.of())));

        assertThat(size).containsExactly(900, 610);
    }

    private static double[] shownThenShrunk(Optional<WindowPlace> remembered) {
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new Pane()));
            stage[0].setMinWidth(WindowPlace.MIN_WIDTH);
            stage[0].setMinHeight(WindowPlace.MIN_HEIGHT);
            WindowPlacing placing = new WindowPlacing(stage[0]);
            placing.restore(remembered);
            stage[0].show();
            placing.settle();
            stage[0].setWidth(WindowPlace.MIN_WIDTH);
            stage[0].setHeight(WindowPlace.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] size = WaitForAsyncUtils.waitForAsyncFx(10_000,
                () -> new double[] {stage[0].getWidth(), stage[0].getHeight()});
        WaitForAsyncUtils.waitForAsyncFx(10_000, stage[0]::close);
        return size;
    }
}
