package org.taskdesk.ui.tasks.detail;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The pieces every part of the detail pane's form is made of: a labelled field, its error line, saving on leaving. */
final class DetailForm {
    private DetailForm() {
    }

    /** {@code control} under its label, with its error line below when it has one. */
    static Node field(String name, Control control, ObservableStringValue error) {
        Label label = label(name);
        label.setLabelFor(control);
        VBox box = new VBox(2, label, control);
        if (error != null) {
            box.getChildren().add(errorLabel(error));
            error.addListener((obs, old, now) -> markInvalid(control, now));
        }
        return box;
    }

    static Label label(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        return label;
    }

    static void markInvalid(Control control, String error) {
        boolean invalid = error != null && !error.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
    }

    /** A line that shows {@code error}, and takes no room while it is empty. */
    static Label errorLabel(ObservableStringValue error) {
        Label label = new Label();
        label.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Saves the task's edits when the keyboard leaves any of {@code fields}, as modern task apps do. */
    static void saveWhenLeft(Runnable save, Node... fields) {
        for (Node field : fields) {
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    // Later, not now: a date field commits its typed text on the same focus change.
                    Platform.runLater(save);
                }
            });
        }
    }
}
