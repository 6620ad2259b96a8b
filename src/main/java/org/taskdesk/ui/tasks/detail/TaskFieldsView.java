package org.taskdesk.ui.tasks.detail;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.taskdesk.ui.common.DateFieldText;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;

/** The task's own fields: title, description, priority and tags, due date and time; a thin view over {@link TaskFieldsViewModel}. */
final class TaskFieldsView {
    private final TaskFieldsViewModel model;
    private final VBox root;
    private final TextField title = new TextField();
    private final DatePicker dueDate = new DatePicker();

    /** @param save saves the pane's edits: when a field is left, or Enter in the title */
    TaskFieldsView(TaskFieldsViewModel model, Runnable save) {
        this.model = model;
        title.setId("detail-title");
        title.setAccessibleText(Messages.text("detail.title"));
        title.textProperty().bindBidirectional(model.titleProperty());
        title.setOnAction(e -> save.run());

        TextArea description = new TextArea();
        description.setId("detail-description");
        description.setAccessibleText(Messages.text("detail.description"));
        description.setPromptText(Messages.text("detail.description.prompt"));
        description.setWrapText(true);
        description.setPrefRowCount(2);
        description.textProperty().bindBidirectional(model.descriptionProperty());

        ComboBox<org.taskdesk.domain.tasks.Priority> priority = priorityBox();
        TextField tags = new TextField();
        tags.setId("detail-tags");
        tags.setAccessibleText(Messages.text("detail.tags.accessible"));
        tags.setPromptText(Messages.text("detail.tags.prompt"));
        tags.textProperty().bindBidirectional(model.tagsProperty());
        completeTags(tags);

        dueDate.setId("detail-due-date");
        dueDate.setAccessibleText(Messages.text("detail.due.date"));
        dueDate.setPromptText(Messages.text("detail.due.date.prompt"));
        dueDate.valueProperty().bindBidirectional(model.dueDateProperty());
        DateFieldText.keepUnreadable(dueDate, model.dueDateTextProperty());
        dueDate.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dueDate, Priority.ALWAYS);
        TextField dueTime = new TextField();
        dueTime.setId("detail-due-time");
        dueTime.setAccessibleText(Messages.text("detail.due.time.accessible"));
        dueTime.setPromptText(Messages.text("detail.due.time.prompt"));
        dueTime.setPrefColumnCount(5);
        dueTime.textProperty().bindBidirectional(model.dueTimeProperty());

        root = new VBox(4,
                DetailForm.field(Messages.text("detail.title"), title, model.titleErrorProperty()),
                DetailForm.field(Messages.text("detail.description"), description, model.descriptionErrorProperty()),
                priorityAndTags(DetailForm.field(Messages.text("detail.priority"), priority, null),
                        DetailForm.field(Messages.text("detail.tags"), tags, model.tagsErrorProperty())),
                dueField(dueDate, dueTime));
        DetailForm.saveWhenLeft(save, title, description, priority, tags, dueDate, dueTime);
    }

    Node root() {
        return root;
    }

    /** Commits a date typed but not yet committed (a date picker does so only on Enter or losing the focus). */
    void commitDates() {
        dueDate.commitValue();
    }

    /** Moves the keyboard to the title. */
    void focus() {
        title.requestFocus();
        title.end();
    }

    private ComboBox<org.taskdesk.domain.tasks.Priority> priorityBox() {
        ComboBox<org.taskdesk.domain.tasks.Priority> priority = new ComboBox<>();
        priority.setId("detail-priority");
        priority.setAccessibleText(Messages.text("detail.priority"));
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
        return priority;
    }

    private static Node priorityAndTags(Node priority, Node tags) {
        HBox row = new HBox(8, priority, tags);
        HBox.setHgrow(tags, Priority.ALWAYS);
        ((Region) priority).setPrefWidth(120);
        ((Region) priority).setMinWidth(110);
        return row;
    }

    private Node dueField(DatePicker date, TextField time) {
        Label label = DetailForm.label(Messages.text("detail.due"));
        label.setLabelFor(date);
        Label dateError = DetailForm.errorLabel(model.dueDateErrorProperty());
        dateError.setId("detail-due-date-error");
        model.dueDateErrorProperty().addListener((obs, old, now) -> DetailForm.markInvalid(date, now));
        Label timeError = DetailForm.errorLabel(model.dueTimeErrorProperty());
        model.dueTimeErrorProperty().addListener((obs, old, now) -> DetailForm.markInvalid(time, now));
        return new VBox(2, label, new HBox(6, date, time), dateError, timeError);
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
                    tags.setText(TaskFieldsViewModel.completeTag(tags.getText(), tag));
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
}
