package org.taskdesk.ui.tasks.detail;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/**
 * The detail pane: a heading with Save and Revert over the task's fields ({@link TaskFieldsView}), its repeat
 * ({@link RepeatEditorView}) and its stamps ({@link TaskStampsView}); a thin view over {@link TaskDetailViewModel}.
 */
public final class TaskDetailView {
    private final TaskDetailViewModel model;
    private final StackPane root = new StackPane();
    private final TaskFieldsView fields;
    private final RepeatEditorView repeat;
    private final Label empty = new Label(Messages.text("detail.empty"));

    public TaskDetailView(TaskDetailViewModel model) {
        this.model = model;
        root.getStyleClass().add("detail-pane");
        root.setMinWidth(300);
        root.setPrefWidth(360);
        fields = new TaskFieldsView(model.fields(), model::save);
        repeat = new RepeatEditorView(model.repeat(), model::save);

        VBox form = new VBox(4, heading(), fields.root(), new Separator(), repeat.root(), new Separator(),
                new TaskStampsView(model.stamps()).root());
        form.setPadding(new Insets(12));
        form.setFillWidth(true);
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                model.save();
                e.consume();
            }
        });

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.visibleProperty().bind(model.showingProperty());

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
     * Shows {@code pane} in place of the "nothing selected" note while {@code when} holds: the "6 selected" pane,
     * which belongs to the list but takes this place on screen.
     */
    public void showInstead(Node pane, ObservableBooleanValue when) {
        empty.visibleProperty().unbind();
        empty.visibleProperty().bind(model.showingProperty().not().and(Bindings.not(when)));
        root.getChildren().add(pane);
    }

    /**
     * The person leaves the pane by signing out or closing the window: saves its edits. A date picker commits its
     * typed text only on Enter or when it loses focus, and neither happens then, so both are committed first
     * (unreadable text goes to the model's marked field, as on focus loss) or the typed date would be lost.
     */
    public void leave() {
        fields.commitDates();
        repeat.commitDates();
        model.leave();
    }

    /** Moves the keyboard into the pane, at the title. */
    public void focus() {
        fields.focus();
    }

    /** "Details", with Revert and Save at the right: at the top, so they are visible however long the form is. */
    private Node heading() {
        Label heading = new Label(Messages.text("detail.heading"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Button save = new Button(Messages.text("detail.save"));
        save.setId("detail-save");
        save.setAccessibleText(Messages.text("detail.save.accessible"));
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.validProperty().not().or(model.dirtyProperty().not()));
        save.setOnAction(e -> model.save());
        Button revert = new Button(Messages.text("detail.revert"));
        revert.setAccessibleText(Messages.text("detail.revert.accessible"));
        revert.disableProperty().bind(model.dirtyProperty().not());
        revert.setOnAction(e -> model.revert());
        // Clicking them must not take the focus from the field being edited: leaving a field saves it, and
        // Revert would then put back what had just been saved.
        save.setFocusTraversable(false);
        revert.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, revert, save);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }
}
