package org.taskdesk.ui.tasks.search;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.taskdesk.ui.common.Messages;

/**
 * The search box over the task list, and under it what is wrong with a malformed filter; beside it, once offered,
 * "Save search…" (also Ctrl+S in the box), which keeps the search as a list in the sidebar.
 */
public final class SearchView {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Button save = new Button(Messages.text("saved.save.button"));
    private Runnable saveAction = () -> { };

    /** @param leave where the keyboard goes on Esc, Down or Enter in the box (the task list) */
    public SearchView(SearchViewModel model, Runnable leave) {
        field.setId("search");
        field.setPromptText(Messages.text("search.prompt"));
        field.setAccessibleText(Messages.text("search.accessible"));
        field.textProperty().bindBidirectional(model.textProperty());
        KeyCombination saveKeys = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                leave.run();
                e.consume();
            } else if (saveKeys.match(e)) {
                saveAction.run();
                e.consume();
            }
        });
        save.setId("save-search");
        save.setAccessibleText(Messages.text("saved.save.accessible"));
        save.setTooltip(new Tooltip(Messages.text("saved.save.tooltip")));
        save.setFocusTraversable(false);
        save.setOnAction(e -> saveAction.run());
        save.setVisible(false);
        save.managedProperty().bind(save.visibleProperty());
        model.errorProperty().addListener((obs, old, now) ->
                field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        HBox.setHgrow(field, Priority.ALWAYS);
        error.setId("search-error");
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        error.setWrapText(true);
    }

    /** The search box itself. */
    public TextField field() {
        return field;
    }

    /** "Save search…", shown only while {@code canSave}; it and Ctrl+S in the box run {@code action}. */
    public void offerSaving(ObservableBooleanValue canSave, Runnable action) {
        saveAction = action;
        save.visibleProperty().bind(canSave);
    }

    /** The "Save search…" button, to place beside the box. */
    public Button saveButton() {
        return save;
    }

    /** What is wrong with the filter; takes no room while the filter reads well. */
    public Label error() {
        return error;
    }

    /** Ctrl+F: into the box, with its text selected. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
