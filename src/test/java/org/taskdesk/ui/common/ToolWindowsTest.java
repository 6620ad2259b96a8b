package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One tool window of each kind, and none left open after sign-out. */
@ExtendWith(ApplicationExtension.class)
class ToolWindowsTest {
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 300, 200));
        stage.show();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void askingAgainBringsTheOpenWindowBackAndCloseAllClosesEveryWindow() throws Exception {
        ToolWindows tools = new ToolWindows();
        AtomicInteger opened = new AtomicInteger();
        Callable<Stage> statistics = () -> tools.show("statistics", () -> {
            opened.incrementAndGet();
            return ToolWindow.show(main, "Statistics", new StackPane(), 200, 100);
        });

        Stage first = fx(statistics);
        Stage second = fx(statistics);
        Stage settings = fx(() -> tools.show("settings", () -> ToolWindow.show(main, "Settings", new StackPane(), 200, 100)));

        assertThat(second).isSameAs(first);
        assertThat(opened).hasValue(1);

        fx(() -> {
            tools.closeAll();
            return null;
        });
        assertThat(fx(first::isShowing)).isFalse();
        assertThat(fx(settings::isShowing)).isFalse();

        Stage again = fx(statistics);
        assertThat(again).isNotSameAs(first);
        assertThat(opened).hasValue(2);
        fx(() -> {
            again.close();
            return null;
        });
    }
}
