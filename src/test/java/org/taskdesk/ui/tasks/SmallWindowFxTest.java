package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Half of a small screen: the main window works at 600×400, folding the detail pane away until there is room. */
@ExtendWith(ApplicationExtension.class)
class SmallWindowFxTest {
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
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theWindowFitsTheSmallestSizeAndTheDetailPaneComesBackWhenThereIsRoom(FxRobot robot) {
        fixture = new MainWindowFixture(folder);
        fixture.add("Pay rent tomorrow 9am #home #money !high every month");
        MainWindowView[] view = new MainWindowView[1];
        robot.interact(() -> {
            view[0] = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view[0].root(), WindowPlace.MIN_WIDTH, WindowPlace.MIN_HEIGHT));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view[0].root().minWidth(-1)).isLessThanOrEqualTo(WindowPlace.MIN_WIDTH);
        assertThat(view[0].root().minHeight(-1)).as(() -> minHeights(view[0].root(), 0))
                .isLessThanOrEqualTo(WindowPlace.MIN_HEIGHT);
        assertThat(robot.lookup(".detail-pane").tryQuery()).as("detail pane folded away").isEmpty();
        for (String id : List.of("#quick-add", "#task-list", "#sidebar", "#status-count")) {
            Node node = robot.lookup(id).query();
            assertThat(node.localToScene(node.getLayoutBounds()).getMaxX()).as(id).isLessThanOrEqualTo(WindowPlace.MIN_WIDTH);
        }

        robot.interact(() -> stage.setWidth(1100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".detail-pane").tryQuery()).as("detail pane back").isPresent();

        robot.interact(() -> view[0].placeDividers(List.of(0.25, 0.6)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view[0].dividers()).hasSize(2);
        assertThat(view[0].dividers().get(0)).isCloseTo(0.25, within(0.02));
        assertThat(view[0].dividers().get(1)).isCloseTo(0.6, within(0.02));
    }

    private static String minHeights(Node node, int depth) {
        StringBuilder out = new StringBuilder("\n" + "  ".repeat(depth) + node.getClass().getSimpleName() + " "
                + node.getStyleClass() + " " + node.minHeight(-1));
        if (depth < 7 && node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.append(minHeights(child, depth + 1));
            }
        }
        return out.toString();
    }
}
