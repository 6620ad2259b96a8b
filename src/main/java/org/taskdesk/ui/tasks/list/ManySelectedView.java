package org.taskdesk.ui.tasks.list;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;

/**
 * "6 selected" with the bulk actions, in place of the detail pane while several tasks are selected: complete,
 * delete, priority, tags, and reschedule to today, tomorrow, next week or a picked date (each keeping its time).
 */
public final class ManySelectedView {
    private final VBox root;

    /** @param tagDialogs asks for the tag to add or remove, owned by the window the pane is in */
    public ManySelectedView(ManySelectedViewModel model, TagDialogs tagDialogs) {
        SelectionActions actions = model.actions();
        Label heading = new Label();
        heading.setId("selection-count");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.textProperty().bind(model.headingProperty());

        Button complete = button("selected-complete", Messages.text("selected.complete"), actions::completeSelection);
        Button delete = button("selected-delete", Messages.text("selected.delete"), actions::deleteSelection);
        delete.getStyleClass().add(Styles.DANGER);
        MenuButton priority = new MenuButton(Messages.text("selected.priority"));
        priority.setId("selected-priority");
        for (Priority p : new Priority[] {Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.NONE}) {
            MenuItem item = new MenuItem(PriorityNames.name(p));
            item.setOnAction(e -> actions.setPriority(p));
            priority.getItems().add(item);
        }
        Button addTag = button("selected-add-tag", Messages.text("selected.add.tag"), () -> { });
        addTag.setOnAction(e -> tagDialogs.askTagToAdd(window(addTag)));
        Button removeTag = button("selected-remove-tag", Messages.text("selected.remove.tag"), () -> { });
        removeTag.setOnAction(e -> tagDialogs.askTagToRemove(window(removeTag)));

        Label when = new Label(Messages.text("selected.reschedule"));
        when.getStyleClass().add(Styles.TEXT_BOLD);
        Button today = button("reschedule-today", Messages.text("selected.today"), actions::rescheduleToday);
        Button tomorrow = button("reschedule-tomorrow", Messages.text("selected.tomorrow"), actions::rescheduleTomorrow);
        Button nextWeek = button("reschedule-next-week", Messages.text("selected.next.week"), actions::rescheduleNextWeek);
        DatePicker pick = new DatePicker();
        pick.setId("reschedule-date");
        pick.setPromptText(Messages.text("selected.pick.date"));
        pick.setAccessibleText(Messages.text("selected.pick.date.accessible"));
        pick.setConverter(Formats.user().dateConverter());
        pick.setEditable(false); // picked from the calendar: nothing half-typed to read
        pick.setOnAction(e -> {
            if (pick.getValue() != null) {
                actions.reschedule(pick.getValue());
                pick.setValue(null);
            }
        });

        root = new VBox(10, heading, flow(complete, delete, priority, addTag, removeTag), new Separator(), when,
                flow(today, tomorrow, nextWeek), pick);
        root.setId("many-selected");
        root.getStyleClass().add("many-selected");
        root.setPadding(new Insets(12));
        root.setFillWidth(true);
        root.visibleProperty().bind(model.showingProperty());
    }

    public Node root() {
        return root;
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane pane = new FlowPane(6, 6, nodes);
        pane.setPrefWrapLength(280);
        return pane;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Window window(Node node) {
        return node.getScene().getWindow();
    }
}
