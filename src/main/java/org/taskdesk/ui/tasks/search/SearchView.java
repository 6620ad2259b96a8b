package org.taskdesk.ui.tasks.search;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.taskdesk.ui.common.Messages;

/** The search box over the task list, and under it what is wrong with a malformed filter. */
public final class SearchView {
    private final TextField field = new TextField();
    private final Label error = new Label();

    /** @param leave where the keyboard goes on Esc, Down or Enter in the box (the task list) */
    public SearchView(SearchViewModel model, Runnable leave) {
        field.setId("search");
        field.setPromptText(Messages.text("search.prompt"));
        field.setAccessibleText(Messages.text("search.accessible"));
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                leave.run();
                e.consume();
            }
        });
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
