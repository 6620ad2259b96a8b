package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: in dark mode medium and low priority looked the same red (the quick-add chip was red for every
 * priority). Low, medium and high must each have a colour of their own, in the list's marks and in the chips,
 * in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class PriorityColoursFxTest {
    private static final List<String> LEVELS = List.of("low", "medium", "high");

    private final List<Region> marks = new ArrayList<>();
    private final List<Label> chips = new ArrayList<>();
    private VBox root;

    @Start
    void start(Stage stage) {
        root = new VBox();
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindowView.class.getResource("main-window.css").toExternalForm());
        for (String level : LEVELS) {
            Region mark = new Region();
            mark.getStyleClass().addAll("priority-mark", "priority-" + level);
            Label chip = new Label(level);
            chip.getStyleClass().addAll("chip", "chip-priority", "chip-priority-" + level);
            marks.add(mark);
            chips.add(chip);
            root.getChildren().addAll(mark, chip);
        }
        stage.setScene(new Scene(root, 300, 300));
        stage.show();
    }

    @Test
    void eachPriorityHasItsOwnColourInTheDarkTheme(FxRobot robot) {
        assertDistinctIn(Theme.DARK, robot);
    }

    @Test
    void eachPriorityHasItsOwnColourInTheLightTheme(FxRobot robot) {
        assertDistinctIn(Theme.LIGHT, robot);
    }

    private void assertDistinctIn(Theme theme, FxRobot robot) {
        robot.interact(() -> {
            theme.apply(Map.of());
            root.applyCss();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertHuesApart(theme + " marks", marks.stream().map(PriorityColoursFxTest::fill).toList());
        assertHuesApart(theme + " chips", chips.stream().map(c -> (Color) c.getTextFill()).toList());
        assertHuesApart(theme + " chip backgrounds", chips.stream().map(PriorityColoursFxTest::fill).toList());
    }

    private static Color fill(Region region) {
        Background background = region.getBackground();
        assertThat(background).as(region.getStyleClass().toString()).isNotNull();
        return (Color) background.getFills().get(0).getFill();
    }

    /** Low, medium and high at least 25 degrees of hue apart from each other: told apart at a glance. */
    private static void assertHuesApart(String what, List<Color> colours) {
        for (int a = 0; a < colours.size(); a++) {
            for (int b = a + 1; b < colours.size(); b++) {
                double d = Math.abs(colours.get(a).getHue() - colours.get(b).getHue());
                double apart = Math.min(d, 360 - d);
                assertThat(apart).as("%s: %s %s vs %s %s", what, LEVELS.get(a), colours.get(a), LEVELS.get(b),
                        colours.get(b)).isGreaterThan(25);
            }
        }
    }
}
