package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The task list at the window's default size: long titles and many tags give way, the due date never does. */
@ExtendWith(ApplicationExtension.class)
class TaskListLayoutFxTest {
    /** The size the window opens at under a window manager on a small screen. */
    private static final double WIDTH = 878;
    private static final double HEIGHT = 535;

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
    void dueDatesShowWholeAndNoSidewaysScrollingAtTheDefaultSize(FxRobot robot) {
        fixture = new MainWindowFixture(folder);
        fixture.add("Quarterly report for the board with all the appendices friday #work #reports !high",
                "Book flights to Lisbon and the hotel near the river dec 12 #travel #family !medium",
                "Renew passport 2026-11-16 #travel #admin !high",
                "Buy birthday present for Sam nov 28 #family #shopping !low",
                "Team retro every other week on thursday 15:00 #work #meetings",
                "Call the dentist mon 14:30 #health #calls",
                "Submit expense report 2026-11-19 #work #money !medium",
                "Pay rent tomorrow 9am #home #money !high every month",
                "Water the plants every 3 days #home #garden",
                "Read chapter 4 of Designing Data-Intensive Applications dec 5 #reading #work",
                "Back up the laptop every month #home #computers",
                "Plan the garden for spring 2027-03-01 #home #garden !low",
                "Stretch for ten minutes every weekday 7:30 #health #morning");
        robot.interact(() -> {
            MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view.root(), WIDTH, HEIGHT));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> shownDue = robot.lookup("#task-list .due").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .filter(label -> !label.getText().isEmpty())
                .collect(Collectors.toList());
        assertThat(shownDue).isNotEmpty()
                .allSatisfy(label -> assertThat(rendered(label)).as("due date drawn").isEqualTo(label.getText()));
        assertThat(robot.lookup("#task-list .scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .allSatisfy(bar -> assertThat(bar.isVisible()).as("horizontal scrollbar shown").isFalse());
    }

    /** What the label actually draws: its skin's text, which has an ellipsis when the label is too narrow. */
    private static String rendered(Label label) {
        return label.lookupAll(".text").stream()
                .filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }
}
