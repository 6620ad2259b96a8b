package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tool window opens over the main window, centred on it, and large enough for its content. */
@ExtendWith(ApplicationExtension.class)
class ToolWindowFxTest {
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new Scene(new StackPane(), 700, 500));
        stage.setX(40);
        stage.setY(30);
        stage.show();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void opensCentredOnItsOwnerAtLeastAsLargeAsItsContent() throws Exception {
        Region content = new Region();
        content.setPrefSize(420, 320);
        content.setMinSize(380, 280);

        Stage tool = fx(() -> ToolWindow.show(main, "Statistics", new StackPane(content), 200, 200));

        assertThat(tool.getOwner()).isSameAs(main);
        assertThat(tool.getWidth()).isGreaterThanOrEqualTo(420);
        assertThat(tool.getHeight()).isGreaterThanOrEqualTo(320);
        assertThat(tool.getMinWidth()).isGreaterThanOrEqualTo(380);
        assertThat(tool.getX() + tool.getWidth() / 2).isCloseTo(main.getX() + main.getWidth() / 2, within(2.0));
        assertThat(tool.getY() + tool.getHeight() / 2).isCloseTo(main.getY() + main.getHeight() / 2, within(2.0));
        fx(() -> {
            tool.close();
            return null;
        });
    }
}
