package org.taskdesk.ui.tasks.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.accounts.Account;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long failure in the status bar is shortened, never widens the window. */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewFxTest {
    private static final double WIDTH = 878;
    private static final String LONG_ERROR = "The database server at db.example.com did not answer within 10 seconds; "
            + "check that it is running and that this computer may reach it, then try the change again.";

    private final StatusViewModel model = new StatusViewModel(Clock.systemUTC());
    private BorderPane page;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        StatusBarView bar = new StatusBarView(model, "~/.local/share/taskdesk/taskdesk.mv.db",
                new UserSession(new Account(1, "ann@example.com", "Ann Example"), "token"),
                FXCollections.observableArrayList());
        page = new BorderPane(new Region());
        page.setBottom(bar.root());
        stage.setScene(new Scene(page, WIDTH, 535));
        stage.sizeToScene(); // an earlier test may have sized the shared stage
        stage.show();
    }

    @Test
    void aLongErrorIsShortenedWithTheWholeTextInATooltipAndThePageKeepsItsWidth(FxRobot robot) {
        robot.interact(() -> model.failed(new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, LONG_ERROR)));
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#status-error").queryAs(Label.class);
        assertThat(page.getWidth()).isEqualTo(WIDTH);
        assertThat(page.getBottom().getLayoutBounds().getWidth()).isLessThanOrEqualTo(WIDTH);
        assertThat(error.localToScene(error.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(WIDTH);
        assertThat(error.lookup(".text")).isInstanceOfSatisfying(Text.class,
                shown -> assertThat(shown.getText()).endsWith(error.getEllipsisString()).isNotEqualTo(LONG_ERROR));
        assertThat(error.getTooltip()).isNotNull();
        assertThat(error.getTooltip().getText()).isEqualTo(LONG_ERROR);
    }
}
