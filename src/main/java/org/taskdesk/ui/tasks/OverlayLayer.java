package org.taskdesk.ui.tasks;

import atlantafx.base.theme.Styles;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** What floats over the main window: toasts at the bottom right and the keyboard shortcuts card. */
final class OverlayLayer {
    private static final int MAX_TOASTS = 4;

    private final VBox toasts = new VBox(8);
    private final StackPane shortcuts = new StackPane();
    private Node focusBefore;

    OverlayLayer() {
        toasts.setAlignment(Pos.BOTTOM_RIGHT);
        toasts.setPadding(new Insets(0, 16, 40, 0));
        toasts.setPickOnBounds(false);
        toasts.setMouseTransparent(true);
        toasts.setMaxSize(420, Double.MAX_VALUE);
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);

        GridPane table = new GridPane();
        table.setHgap(24);
        table.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row++, keys, new Label(shortcut.action()));
        }
        Label heading = new Label("Keyboard shortcuts");
        heading.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button("Close");
        close.setId("shortcuts-close");
        close.setAccessibleText("Close the keyboard shortcuts");
        close.setOnAction(e -> hideShortcuts());
        VBox card = new VBox(12, heading, table, close);
        card.getStyleClass().add("shortcuts-card");
        card.setAccessibleRole(AccessibleRole.DIALOG);
        card.setAccessibleText("Keyboard shortcuts");
        card.setMaxSize(560, 640);
        card.setPadding(new Insets(20));
        shortcuts.getChildren().add(card);
        shortcuts.getStyleClass().add("shortcuts-scrim");
        shortcuts.setVisible(false);
        shortcuts.setOnMouseClicked(e -> {
            if (e.getTarget() == shortcuts) {
                hideShortcuts();
            }
        });
        shortcuts.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                hideShortcuts();
                e.consume();
            }
        });
        shortcuts.setId("shortcuts-overlay");
    }

    Node toastsNode() {
        return toasts;
    }

    Node shortcutsNode() {
        return shortcuts;
    }

    void showShortcuts() {
        if (shortcuts.isVisible()) {
            hideShortcuts();
            return;
        }
        focusBefore = shortcuts.getScene() == null ? null : shortcuts.getScene().getFocusOwner();
        shortcuts.setVisible(true);
        shortcuts.lookup("#shortcuts-close").requestFocus();
    }

    void hideShortcuts() {
        shortcuts.setVisible(false);
        if (focusBefore != null) {
            focusBefore.requestFocus();
        }
    }

    /** A note that goes away by itself after a few seconds, without taking the focus. */
    void toast(String message) {
        Label toast = new Label(message);
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.setAccessibleRole(AccessibleRole.TEXT);
        toast.setAccessibleText(message);
        toasts.getChildren().add(toast);
        if (toasts.getChildren().size() > MAX_TOASTS) {
            toasts.getChildren().remove(0);
        }
        FadeTransition fade = new FadeTransition(Duration.millis(400), toast);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(Duration.seconds(5)), fade);
        life.setOnFinished(e -> toasts.getChildren().remove(toast));
        life.play();
    }
}
