package org.taskdesk.ui.tasks.menus;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/** The keyboard shortcuts card over the main window (F1 or ?); Esc, F1 or a click beside it closes it. */
public final class ShortcutsOverlay {
    private final StackPane shortcuts = new StackPane();
    private Node focusBefore;

    public ShortcutsOverlay() {
        GridPane table = new GridPane();
        table.setHgap(24);
        table.setVgap(6);
        // The keys are never shortened; what they do wraps onto more lines when the card is narrow.
        ColumnConstraints keysColumn = new ColumnConstraints();
        keysColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints actionColumn = new ColumnConstraints();
        actionColumn.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(keysColumn, actionColumn);
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(shortcut.action());
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            table.addRow(row++, keys, action);
        }
        // In a small window the list scrolls inside the card instead of pushing the card past the window's edges.
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.SOMETIMES);
        Label heading = new Label(Messages.text("shortcuts.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button(Messages.text("shortcuts.close"));
        close.setId("shortcuts-close");
        close.setAccessibleText(Messages.text("shortcuts.close.accessible"));
        close.setOnAction(e -> hide());
        VBox card = new VBox(12, heading, scroll, close);
        card.getStyleClass().add("shortcuts-card");
        card.setAccessibleRole(AccessibleRole.DIALOG);
        card.setAccessibleText(Messages.text("shortcuts.heading"));
        card.setMaxSize(760, Region.USE_PREF_SIZE);
        card.setMinHeight(0);
        StackPane.setMargin(card, new Insets(16));
        card.setPadding(new Insets(20));
        shortcuts.getChildren().add(card);
        shortcuts.getStyleClass().add("shortcuts-scrim");
        shortcuts.setMinSize(0, 0); // hidden or not, the card never makes the window's content taller than it
        shortcuts.setVisible(false);
        shortcuts.setOnMouseClicked(e -> {
            if (e.getTarget() == shortcuts) {
                hide();
            }
        });
        shortcuts.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                hide();
                e.consume();
            }
        });
        shortcuts.setId("shortcuts-overlay");
    }

    /** The layer to put over the window. */
    public Node root() {
        return shortcuts;
    }

    /** Shows the card, or hides it when it is showing (F1 twice). */
    public void show() {
        if (shortcuts.isVisible()) {
            hide();
            return;
        }
        focusBefore = shortcuts.getScene() == null ? null : shortcuts.getScene().getFocusOwner();
        shortcuts.setVisible(true);
        shortcuts.lookup("#shortcuts-close").requestFocus();
    }

    private void hide() {
        shortcuts.setVisible(false);
        if (focusBefore != null) {
            focusBefore.requestFocus();
        }
    }
}
