package org.taskdesk.ui.tasks.status;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.ui.common.Messages;

/** The bar at the bottom of the main window: which database, who, how many tasks shown, errors, busy, saved. */
public final class StatusBarView {
    private final HBox root;
    private final Label count = new Label();
    private final Label error = new Label();

    /** @param shown the tasks the list shows, to count them */
    public StatusBarView(StatusViewModel model, String databaseName, UserSession user, ObservableList<?> shown) {
        Label database = new Label(Messages.format("status.database", databaseName));
        database.setId("status-database");
        Label who = new Label(Messages.format("status.user", user.account().name(), user.account().email()));
        who.setId("status-user");
        Label saved = new Label();
        saved.setId("status-saved");
        saved.textProperty().bind(model.savedTextProperty());
        count.setId("status-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("status.shown", String.valueOf(shown.size())), shown));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setAccessibleText(Messages.text("status.busy"));
        busy.visibleProperty().bind(model.busyProperty());
        error.setId("status-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(14, database, separator(), who, separator(), count, spacer, error, busy, saved);
        for (Node n : root.getChildren()) {
            if (n instanceof Label label) {
                label.setAccessibleText(label.getText());
                label.textProperty().addListener((o, was, now) -> label.setAccessibleText(now));
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // Who and where shorten with an ellipsis, whole in a tooltip: a long name must not push the bar (and the
        // window's content) past a small window.
        for (Label shortens : new Label[] {database, who}) {
            shortens.setMinWidth(0);
            shortens.setTooltip(new Tooltip(shortens.getText()));
        }
        // A failure can be a long sentence: it shortens with an ellipsis (the whole of it in the tooltip) rather than
        // making the bar, and with it the window's content, wider than the window.
        error.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(error.textProperty());
        error.tooltipProperty().bind(Bindings.when(error.textProperty().isEmpty())
                .then((Tooltip) null).otherwise(whole));
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
    }

    public Node root() {
        return root;
    }

    /**
     * Shows {@code text} after the count while it is not empty ("3 selected"): what the detail pane says, kept in
     * view when the pane is folded away in a small window.
     */
    public void showAfterCount(String id, ObservableStringValue text) {
        Label note = new Label();
        note.setId(id);
        note.textProperty().bind(text);
        note.setMinWidth(Region.USE_PREF_SIZE);
        note.accessibleTextProperty().bind(text);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        root.getChildren().add(root.getChildren().indexOf(count) + 1, note);
    }

    /** Shows {@code node} on the right, before the errors and the busy sign (e.g. an export's progress). */
    public void addOnTheRight(Node node) {
        root.getChildren().add(root.getChildren().indexOf(error), node);
    }

    private static Node separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.setPrefHeight(14);
        return separator;
    }
}
