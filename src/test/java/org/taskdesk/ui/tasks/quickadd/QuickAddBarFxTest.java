package org.taskdesk.ui.tasks.quickadd;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The quick-add bar in a real scene: a click on a chip gives its word back; an over-long title is marked. */
@ExtendWith(ApplicationExtension.class)
class QuickAddBarFxTest {
    private final QuickAddViewModel model = new QuickAddViewModel(null, null,
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin")));

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        stage.setScene(new Scene(new StackPane(new QuickAddView(model, () -> { }).root()), 700, 200));
        stage.show();
    }

    @Test
    void clickingTheDateChipPutsTheWordBackInTheTitle(FxRobot robot) {
        robot.interact(() -> model.textProperty().set("Read Tomorrow Never Dies #books"));
        Label date = robot.lookup(".chip-date").queryAs(Label.class);
        assertThat(date.getText()).isEqualTo("Tomorrow");

        robot.clickOn(date);

        assertThat(model.titleProperty().get()).isEqualTo("Read Tomorrow Never Dies");
        assertThat(robot.lookup(".chip-date").tryQuery()).isEmpty();
        assertThat(robot.lookup(".chip-tag").queryAs(Label.class).getText()).isEqualTo("#books");
    }

    @Test
    void anOverLongTitleMarksTheBarWithItsLength(FxRobot robot) {
        robot.interact(() -> model.textProperty().set("z".repeat(230)));
        TextField field = robot.lookup("#quick-add").queryAs(TextField.class);
        Label error = robot.lookup("#quick-add-error").queryAs(Label.class);

        assertThat(field.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("230").contains("200");

        robot.interact(() -> model.textProperty().set("Short"));
        assertThat(field.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(error.isVisible()).isFalse();
    }
}
