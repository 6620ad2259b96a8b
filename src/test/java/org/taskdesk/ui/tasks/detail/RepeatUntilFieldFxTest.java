package org.taskdesk.ui.tasks.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The repeat editor's last date at the first window's size: its year was cut ("Dec 31, 202") because the field had
 * a fixed 140 pixels, calendar button included. Seen in the real window under Openbox.
 */
@ExtendWith(ApplicationExtension.class)
class RepeatUntilFieldFxTest {
    @TempDir
    Path folder;

    private MainWindowFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theLastDateOfARepeatIsShownWhole(FxRobot robot) {
        fixture = new MainWindowFixture(folder);
        fixture.add("Weekly sync every 2 weeks until dec 31 2026");
        robot.interact(() -> {
            Theme.LIGHT.apply(Map.of());
            Stage stage = new Stage();
            MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view.root(), 1200, 760));
            stage.show();
            ((ListView<?>) view.root().lookup("#task-list")).getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();

        DatePicker until = robot.lookup("#detail-repeat-until").queryAs(DatePicker.class);
        TextField editor = until.getEditor();
        assertThat(until.isVisible()).isTrue();
        assertThat(editor.getText()).contains("2026");
        Text shown = new Text(editor.getText());
        shown.setFont(editor.getFont());
        double needed = shown.getLayoutBounds().getWidth() + editor.snappedLeftInset() + editor.snappedRightInset();
        assertThat(editor.getWidth()).as("room for \"%s\"", editor.getText()).isGreaterThanOrEqualTo(needed);
    }
}
