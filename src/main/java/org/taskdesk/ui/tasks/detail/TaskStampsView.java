package org.taskdesk.ui.tasks.detail;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The created and updated stamps under the form: a thin view over {@link TaskStampsViewModel}. */
final class TaskStampsView {
    private final VBox root = new VBox(4); // the form's own spacing, as when they stood in it

    TaskStampsView(TaskStampsViewModel model) {
        Label created = new Label();
        created.textProperty().bind(model.createdProperty());
        Label updated = new Label();
        updated.textProperty().bind(model.updatedProperty());
        for (Label stamp : new Label[] {created, updated}) {
            stamp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            root.getChildren().add(stamp);
        }
    }

    Node root() {
        return root;
    }
}
