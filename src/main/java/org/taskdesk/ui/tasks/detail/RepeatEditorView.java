package org.taskdesk.ui.tasks.detail;

import atlantafx.base.theme.Styles;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.DateFieldText;
import org.taskdesk.ui.common.Messages;

/** The repeat editor: a thin view over {@link RepeatEditorViewModel}. */
final class RepeatEditorView {
    private final RepeatEditorViewModel model;
    private final Runnable save;
    private final DatePicker until = new DatePicker();
    private final VBox root;

    /** @param save saves the pane's edits when a field is left */
    RepeatEditorView(RepeatEditorViewModel model, Runnable save) {
        this.model = model;
        this.save = save;
        Label heading = DetailForm.label(Messages.text("detail.repeat"));

        ComboBox<RepeatPreset> preset = new ComboBox<>();
        preset.setId("detail-repeat");
        preset.setAccessibleText(Messages.text("detail.repeat"));
        preset.getItems().setAll(RepeatPreset.values());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);

        TextField interval = new TextField();
        interval.setId("detail-repeat-interval");
        interval.setAccessibleText(Messages.text("detail.repeat.interval.accessible"));
        interval.setPrefColumnCount(3);
        interval.textProperty().bindBidirectional(model.intervalProperty());
        ComboBox<RepeatUnit> unit = new ComboBox<>();
        unit.setAccessibleText(Messages.text("detail.repeat.unit.accessible"));
        unit.getItems().setAll(RepeatUnit.values());
        unit.valueProperty().bindBidirectional(model.unitProperty());
        HBox every = new HBox(6, new Label(Messages.text("detail.repeat.every")), interval, unit);
        every.setAlignment(Pos.CENTER_LEFT);

        HBox days = weekdays();
        TextField count = new TextField();
        HBox ending = ending(count);

        CheckBox after = new CheckBox(Messages.text("detail.repeat.after.completion"));
        after.setAccessibleText(Messages.text("detail.repeat.after.completion.accessible"));
        after.selectedProperty().bindBidirectional(model.afterCompletionProperty());

        Label error = DetailForm.errorLabel(model.errorProperty());
        for (Control c : List.of(interval, count, until)) {
            model.errorProperty().addListener((o, was, now) -> DetailForm.markInvalid(c, now));
        }
        DetailForm.saveWhenLeft(save, preset, interval, unit, until, count, after);
        VBox details = new VBox(6, every, days, ending, after);
        details.visibleProperty().bind(model.presetProperty().isNotEqualTo(RepeatPreset.NEVER));
        details.managedProperty().bind(details.visibleProperty());
        root = new VBox(5, heading, preset, ruleText(), details, error, summary(), nextDates());
    }

    Node root() {
        return root;
    }

    /** Commits a last date typed but not yet committed (a date picker does so only on Enter or losing the focus). */
    void commitDates() {
        until.commitValue();
    }

    /** Monday to Sunday as toggles, shown for weekly repeats. */
    private HBox weekdays() {
        Locale locale = Messages.language(); // the day names sit among the bundle's words
        HBox days = new HBox(2);
        for (DayOfWeek day : DayOfWeek.values()) {
            String shortName = day.getDisplayName(TextStyle.SHORT, locale);
            ToggleButton toggle = new ToggleButton(shortName.substring(0, Math.min(2, shortName.length())));
            toggle.setAccessibleText(Messages.format("detail.repeat.on.day", day.getDisplayName(TextStyle.FULL, locale)));
            toggle.getStyleClass().add(Styles.SMALL);
            toggle.selectedProperty().bindBidirectional(model.weekdayProperty(day));
            days.getChildren().add(toggle);
            DetailForm.saveWhenLeft(save, toggle);
        }
        days.visibleProperty().bind(model.unitProperty().isEqualTo(RepeatUnit.WEEKS));
        days.managedProperty().bind(days.visibleProperty());
        return days;
    }

    /** How the repeat ends: never, on a last date, or after a number of times. */
    private HBox ending(TextField count) {
        ComboBox<RepeatEnd> end = new ComboBox<>();
        end.setId("detail-repeat-end");
        end.setAccessibleText(Messages.text("detail.repeat.end.accessible"));
        end.getItems().setAll(RepeatEnd.values());
        end.valueProperty().bindBidirectional(model.endProperty());
        until.setAccessibleText(Messages.text("detail.repeat.until.accessible"));
        // Room for a whole date beside the calendar button ("Dec 31, 202" at a fixed 140 px); grows with the pane.
        until.setPrefWidth(170);
        until.setMinWidth(Region.USE_PREF_SIZE);
        until.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(until, Priority.ALWAYS);
        until.setId("detail-repeat-until");
        until.valueProperty().bindBidirectional(model.untilProperty());
        DateFieldText.keepUnreadable(until, model.untilTextProperty());
        until.visibleProperty().bind(model.endProperty().isEqualTo(RepeatEnd.UNTIL));
        until.managedProperty().bind(until.visibleProperty());
        count.setAccessibleText(Messages.text("detail.repeat.count.accessible"));
        count.setPrefColumnCount(3);
        count.textProperty().bindBidirectional(model.countProperty());
        count.visibleProperty().bind(model.endProperty().isEqualTo(RepeatEnd.COUNT));
        count.managedProperty().bind(count.visibleProperty());
        DetailForm.saveWhenLeft(save, end);
        HBox ending = new HBox(6, end, until, count);
        ending.setAlignment(Pos.CENTER_LEFT);
        return ending;
    }

    /** A rule the fields cannot show, as its own text: what is kept until its schedule is changed. */
    private Label ruleText() {
        Label rule = new Label();
        rule.setId("detail-repeat-rule");
        rule.setWrapText(true);
        rule.textProperty().bind(Bindings.createStringBinding(() -> model.ruleTextProperty().get().isEmpty() ? ""
                : Messages.format("detail.repeat.rule", model.ruleTextProperty().get()), model.ruleTextProperty()));
        rule.visibleProperty().bind(model.ruleTextProperty().isNotEmpty());
        rule.managedProperty().bind(rule.visibleProperty());
        return rule;
    }

    private Label summary() {
        Label summary = new Label();
        summary.setId("detail-repeat-summary");
        summary.textProperty().bind(model.textProperty());
        summary.setWrapText(true);
        return summary;
    }

    private Label nextDates() {
        Label next = new Label();
        next.setId("detail-next-dates");
        next.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        next.setWrapText(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> model.nextDates().isEmpty() ? ""
                : Messages.format("detail.repeat.next", String.join(", ", model.nextDates())), model.nextDates()));
        return next;
    }
}
