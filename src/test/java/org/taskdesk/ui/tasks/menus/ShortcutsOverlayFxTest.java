package org.taskdesk.ui.tasks.menus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The F1 card in the smallest window: every shortcut and what it does is shown whole, Close within reach. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsOverlayFxTest {
    private ShortcutsOverlay overlay;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        overlay = new ShortcutsOverlay();
        StackPane root = new StackPane(new Region(), overlay.root());
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindowView.class.getResource("main-window.css").toExternalForm());
        stage.setScene(new Scene(root, WindowPlace.MIN_WIDTH, WindowPlace.MIN_HEIGHT));
        stage.show();
    }

    @Test
    void everyShortcutIsShownWhole(FxRobot robot) {
        robot.interact(overlay::show);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#shortcuts-overlay .label").queryAllAs(Label.class))
                .hasSizeGreaterThan(Shortcuts.ALL.size() * 2)
                .allSatisfy(label -> assertThat(drawn(label)).as("drawn").isEqualTo(label.getText()));
        Node close = robot.lookup("#shortcuts-close").query();
        assertThat(close.localToScene(close.getLayoutBounds()).getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(close.localToScene(close.getLayoutBounds()).getMaxY()).isLessThanOrEqualTo(WindowPlace.MIN_HEIGHT);
    }

    /** What the label draws: its skin's text, with an ellipsis when the label is too small for it. */
    private static String drawn(Label label) {
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }
}
