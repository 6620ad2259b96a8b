package org.taskdesk.ui.tasks.menus;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
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
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row++, keys, new Label(shortcut.action()));
        }
        Label heading = new Label(Messages.text("shortcuts.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button(Messages.text("shortcuts.close"));
        close.setId("shortcuts-close");
        close.setAccessibleText(Messages.text("shortcuts.close.accessible"));
        close.setOnAction(e -> hide());
        VBox card = new VBox(12, heading, table, close);
        card.getStyleClass().add("shortcuts-card");
        card.setAccessibleRole(AccessibleRole.DIALOG);
        card.setAccessibleText(Messages.text("shortcuts.heading"));
        card.setMaxSize(560, 640);
        card.setPadding(new Insets(20));
        shortcuts.getChildren().add(card);
        shortcuts.getStyleClass().add("shortcuts-scrim");
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
