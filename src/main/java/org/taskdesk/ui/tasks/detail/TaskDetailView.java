package org.taskdesk.ui.tasks.detail;

import atlantafx.base.theme.Styles;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.taskdesk.ui.common.DateFieldText;
import org.taskdesk.ui.common.PriorityNames;

/** The detail pane: a thin form over {@link TaskDetailViewModel}. */
public final class TaskDetailView {
    private final TaskDetailViewModel model;
    private final StackPane root = new StackPane();
    private final TextField title = new TextField();
    private final DatePicker dueDate = new DatePicker();
    private final DatePicker until = new DatePicker();

    public TaskDetailView(TaskDetailViewModel model) {
        this.model = model;
        root.getStyleClass().add("detail-pane");
        root.setMinWidth(300);
        root.setPrefWidth(360);

        Label heading = new Label("Details");
        heading.getStyleClass().add(Styles.TITLE_4);

        title.setId("detail-title");
        title.setAccessibleText("Title");
        title.textProperty().bindBidirectional(model.titleProperty());
        title.setOnAction(e -> model.save());

        TextArea description = new TextArea();
        description.setId("detail-description");
        description.setAccessibleText("Description");
        description.setPromptText("Notes");
        description.setWrapText(true);
        description.setPrefRowCount(2);
        description.textProperty().bindBidirectional(model.descriptionProperty());

        ComboBox<org.taskdesk.domain.tasks.Priority> priority = new ComboBox<>();
        priority.setId("detail-priority");
        priority.setAccessibleText("Priority");
        priority.getItems().setAll(org.taskdesk.domain.tasks.Priority.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(org.taskdesk.domain.tasks.Priority p) {
                return p == null ? "" : PriorityNames.name(p);
            }

            @Override
            public org.taskdesk.domain.tasks.Priority fromString(String s) {
                return org.taskdesk.domain.tasks.Priority.parse(s);
            }
        });
        priority.valueProperty().bindBidirectional(model.priorityProperty());
        priority.setMaxWidth(Double.MAX_VALUE);

        TextField tags = new TextField();
        tags.setId("detail-tags");
        tags.setAccessibleText("Tags, separated by spaces");
        tags.setPromptText("home work/reports");
        tags.textProperty().bindBidirectional(model.tagsProperty());
        completeTags(tags);

        dueDate.setId("detail-due-date");
        dueDate.setAccessibleText("Due date");
        dueDate.setPromptText("No date");
        dueDate.valueProperty().bindBidirectional(model.dueDateProperty());
        DateFieldText.keepUnreadable(dueDate, model.dueDateTextProperty());
        dueDate.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dueDate, Priority.ALWAYS);
        TextField dueTime = new TextField();
        dueTime.setId("detail-due-time");
        dueTime.setAccessibleText("Due time, HH:mm, optional");
        dueTime.setPromptText("HH:mm");
        dueTime.setPrefColumnCount(5);
        dueTime.textProperty().bindBidirectional(model.dueTimeProperty());
        HBox due = new HBox(6, dueDate, dueTime);

        HBox top = new HBox(8, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(4,
                top,
                field("Title", title, model.titleErrorProperty()),
                field("Description", description, model.descriptionErrorProperty()),
                priorityAndTags(field("Priority", priority, null), field("Tags", tags, model.tagsErrorProperty())),
                dueField(due, dueDate, dueTime),
                new Separator(),
                repeatEditor(),
                new Separator());

        Label created = new Label();
        created.textProperty().bind(model.createdProperty());
        Label updated = new Label();
        updated.textProperty().bind(model.updatedProperty());
        for (Label stamp : List.of(created, updated)) {
            stamp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }
        Button save = new Button("Save");
        save.setId("detail-save");
        save.setAccessibleText("Save the task (Ctrl+S)");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.validProperty().not().or(model.dirtyProperty().not()));
        save.setOnAction(e -> model.save());
        Button revert = new Button("Revert");
        revert.setAccessibleText("Put the fields back as saved");
        revert.disableProperty().bind(model.dirtyProperty().not());
        revert.setOnAction(e -> model.revert());
        // Clicking them must not take the focus from the field being edited: leaving a field saves it, and
        // Revert would then put back what had just been saved.
        save.setFocusTraversable(false);
        revert.setFocusTraversable(false);
        // At the top, beside the heading, so they are visible however long the form is.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        top.getChildren().addAll(spacer, revert, save);
        form.getChildren().addAll(created, updated);
        form.setPadding(new Insets(12));
        form.setFillWidth(true);
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                model.save();
                e.consume();
            }
        });

        saveWhenLeft(title, description, priority, tags, dueDate, dueTime);

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.visibleProperty().bind(model.showingProperty());

        Label empty = new Label("Select a task to see its details.\nSelect several for bulk actions in the Task menu.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.visibleProperty().bind(model.showingProperty().not());
        StackPane.setAlignment(empty, Pos.CENTER);
        root.getChildren().addAll(empty, scroll);
    }

    public Node root() {
        return root;
    }

    /**
     * The person leaves the pane by signing out or closing the window: saves its edits. A date picker commits its
     * typed text only on Enter or when it loses focus, and neither happens then, so both are committed first
     * (unreadable text goes to the model's marked field, as on focus loss) or the typed date would be lost.
     */
    public void leave() {
        dueDate.commitValue();
        until.commitValue();
        model.leave();
    }

    /** Moves the keyboard into the pane, at the title. */
    public void focus() {
        title.requestFocus();
        title.end();
    }

    private static Node priorityAndTags(Node priority, Node tags) {
        HBox row = new HBox(8, priority, tags);
        HBox.setHgrow(tags, Priority.ALWAYS);
        ((Region) priority).setPrefWidth(120);
        ((Region) priority).setMinWidth(110);
        return row;
    }

    private Node repeatEditor() {
        Label heading = new Label("Repeat");
        heading.getStyleClass().add("field-label");

        ComboBox<RepeatPreset> preset = new ComboBox<>();
        preset.setId("detail-repeat");
        preset.setAccessibleText("Repeat");
        preset.getItems().setAll(RepeatPreset.values());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);

        TextField interval = new TextField();
        interval.setId("detail-repeat-interval");
        interval.setAccessibleText("Repeat every how many");
        interval.setPrefColumnCount(3);
        interval.textProperty().bindBidirectional(model.intervalProperty());
        ComboBox<RepeatUnit> unit = new ComboBox<>();
        unit.setAccessibleText("Repeat unit");
        unit.getItems().setAll(RepeatUnit.values());
        unit.valueProperty().bindBidirectional(model.unitProperty());
        HBox every = new HBox(6, new Label("Every"), interval, unit);
        every.setAlignment(Pos.CENTER_LEFT);

        HBox days = new HBox(2);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT);
            ToggleButton toggle = new ToggleButton(name.substring(0, 2));
            toggle.setAccessibleText("On " + day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT));
            toggle.getStyleClass().add(Styles.SMALL);
            toggle.selectedProperty().bindBidirectional(model.weekdayProperty(day));
            days.getChildren().add(toggle);
        }
        days.visibleProperty().bind(model.unitProperty().isEqualTo(RepeatUnit.WEEKS));
        days.managedProperty().bind(days.visibleProperty());

        ComboBox<RepeatEnd> end = new ComboBox<>();
        end.setId("detail-repeat-end");
        end.setAccessibleText("How the repeat ends");
        end.getItems().setAll(RepeatEnd.values());
        end.valueProperty().bindBidirectional(model.endProperty());
        until.setAccessibleText("Last date of the repeat");
        until.setPrefWidth(140);
        until.setId("detail-repeat-until");
        until.valueProperty().bindBidirectional(model.untilProperty());
        DateFieldText.keepUnreadable(until, model.untilTextProperty());
        until.visibleProperty().bind(model.endProperty().isEqualTo(RepeatEnd.UNTIL));
        until.managedProperty().bind(until.visibleProperty());
        TextField count = new TextField();
        count.setAccessibleText("How many times");
        count.setPrefColumnCount(3);
        count.textProperty().bindBidirectional(model.countProperty());
        count.visibleProperty().bind(model.endProperty().isEqualTo(RepeatEnd.COUNT));
        count.managedProperty().bind(count.visibleProperty());
        HBox ending = new HBox(6, end, until, count);
        ending.setAlignment(Pos.CENTER_LEFT);

        CheckBox after = new CheckBox("Count from completion");
        after.setAccessibleText("Count the next date from when the task is completed");
        after.selectedProperty().bindBidirectional(model.afterCompletionProperty());

        Label error = errorLabel(model.recurrenceErrorProperty());
        for (Control c : List.of(interval, count, until)) {
            model.recurrenceErrorProperty().addListener((o, was, now) -> markInvalid(c, now));
        }
        saveWhenLeft(preset, interval, unit, end, until, count, after);
        for (Node toggle : days.getChildren()) {
            saveWhenLeft(toggle);
        }
        Label summary = new Label();
        summary.setId("detail-repeat-summary");
        summary.textProperty().bind(model.recurrenceTextProperty());
        summary.setWrapText(true);
        Label next = new Label();
        next.setId("detail-next-dates");
        next.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        next.setWrapText(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> model.nextDates().isEmpty() ? ""
                : "Next: " + String.join(", ", model.nextDates()), model.nextDates()));

        VBox details = new VBox(6, every, days, ending, after);
        details.visibleProperty().bind(model.presetProperty().isNotEqualTo(RepeatPreset.NEVER));
        details.managedProperty().bind(details.visibleProperty());
        return new VBox(5, heading, preset, details, error, summary, next);
    }

    /** Saves the task's edits when the keyboard leaves any of {@code fields}, as modern task apps do. */
    private void saveWhenLeft(Node... fields) {
        for (Node field : fields) {
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    // Later, not now: a date field commits its typed text on the same focus change.
                    Platform.runLater(model::save);
                }
            });
        }
    }

    private Node dueField(HBox due, DatePicker dueDate, TextField dueTime) {
        Label label = new Label("Due");
        label.getStyleClass().add("field-label");
        label.setLabelFor(dueDate);
        Label dateError = errorLabel(model.dueDateErrorProperty());
        dateError.setId("detail-due-date-error");
        model.dueDateErrorProperty().addListener((obs, old, now) -> markInvalid(dueDate, now));
        Label timeError = errorLabel(model.dueTimeErrorProperty());
        model.dueTimeErrorProperty().addListener((obs, old, now) -> markInvalid(dueTime, now));
        return new VBox(2, label, due, dateError, timeError);
    }

    private void completeTags(TextField tags) {
        ContextMenu suggestions = new ContextMenu();
        tags.textProperty().addListener((obs, old, now) -> {
            if (!tags.isFocused()) {
                return;
            }
            List<String> matches = model.tagSuggestions(now);
            if (matches.isEmpty() || now.isEmpty() || now.endsWith(" ")) {
                suggestions.hide();
                return;
            }
            suggestions.getItems().clear();
            for (String tag : matches.subList(0, Math.min(8, matches.size()))) {
                MenuItem item = new MenuItem("#" + tag);
                item.setOnAction(e -> {
                    tags.setText(TaskDetailViewModel.completeTag(tags.getText(), tag));
                    tags.end();
                });
                suggestions.getItems().add(item);
            }
            if (!suggestions.isShowing() && tags.getScene() != null && tags.getScene().getWindow() != null) {
                suggestions.show(tags, Side.BOTTOM, 0, 0);
            }
        });
        tags.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                suggestions.hide();
            }
        });
    }

    private static Node field(String name, Control control, ObservableStringValue error) {
        return fieldFor(name, control, control, error);
    }

    private static Node fieldFor(String name, Node node, Control marked, ObservableStringValue error) {
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setLabelFor(marked);
        VBox box = new VBox(2, label, node);
        if (error != null) {
            box.getChildren().add(errorLabel(error));
            error.addListener((obs, old, now) -> markInvalid(marked, now));
        }
        return box;
    }

    private static void markInvalid(Control control, String error) {
        boolean invalid = error != null && !error.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
    }

    private static Label errorLabel(ObservableStringValue error) {
        Label label = new Label();
        label.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
