package org.taskdesk.ui.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Without desktop notifications a reminder waits in the window, with buttons that complete, snooze or dismiss it.
 * A real H2 database; the desktop route is a fake that has no notification service.
 */
@ExtendWith(ApplicationExtension.class)
class ReminderCardsFxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final TestDesk desk = openDesk();
    private final List<Long> completed = new CopyOnWriteArrayList<>();
    private Reminders reminders;

    private TestDesk openDesk() {
        try {
            TestDesk opened = new TestDesk(Files.createTempDirectory("reminder-cards-test"), clock);
            opened.workspace.tasks().add(opened.ann, quickAdd("Call mum 2026-11-21 10:59", clock));
            return opened;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        reminders = new Reminders(desk.context(new DirectBackgroundTasks()), note -> { },
                (reminder, chosen, notShown) -> notShown.run(), note -> { }, completed::add);
        StackPane window = new StackPane(new ReminderCards(reminders).root());
        window.getStylesheets().add(org.taskdesk.ui.tasks.MainWindowView.class.getResource("main-window.css")
                .toExternalForm());
        window.getStyleClass().add("main-window");
        stage.setScene(new Scene(window, 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void remind(FxRobot robot) {
        robot.interact(reminders::checkNow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReminderStaysUntilSnoozedAndSnoozingRemindsAgainLater(FxRobot robot) {
        remind(robot);
        assertThat(robot.lookup(".reminder-card").queryAll()).hasSize(1);
        clock.advance(java.time.Duration.ofMinutes(5));
        remind(robot);
        assertThat(robot.lookup(".reminder-card").queryAll()).as("still there, once").hasSize(1);

        Button snooze = robot.lookup(".reminder-snooze-10m").queryButton();
        assertThat(fx(snooze::getText)).isEqualTo("10 minutes");
        robot.clickOn(snooze);

        assertThat(robot.lookup(".reminder-card").tryQuery()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(10));
        remind(robot);
        assertThat(robot.lookup(".reminder-card").queryAll()).hasSize(1);
    }

    @Test
    void completeAndDismissTakeTheReminderAway(FxRobot robot) {
        remind(robot);
        robot.clickOn(robot.lookup(".reminder-complete").queryButton());

        assertThat(completed).hasSize(1);
        assertThat(robot.lookup(".reminder-card").tryQuery()).isEmpty();

        desk.workspace.tasks().add(desk.ann, quickAdd("Pay rent 2026-11-21 11:00", clock));
        remind(robot);
        Button dismiss = robot.lookup(".reminder-dismiss").queryButton();
        assertThat(fx(dismiss::getText)).isEqualTo("Dismiss");
        robot.clickOn(dismiss);
        assertThat(robot.lookup(".reminder-card").tryQuery()).isEmpty();
        assertThat(completed).hasSize(1);
    }
}
