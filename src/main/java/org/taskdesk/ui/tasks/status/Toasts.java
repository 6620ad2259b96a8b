package org.taskdesk.ui.tasks.status;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Short notes at the bottom right of the main window that go away by themselves, never taking the focus. */
public final class Toasts {
    private static final int MAX_TOASTS = 4;

    private final VBox toasts = new VBox(8);

    public Toasts() {
        toasts.setAlignment(Pos.BOTTOM_RIGHT);
        toasts.setPadding(new Insets(0, 16, 40, 0));
        toasts.setPickOnBounds(false);
        toasts.setMouseTransparent(true);
        toasts.setMaxSize(420, Double.MAX_VALUE);
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
    }

    /** The layer to put over the window. */
    public Node root() {
        return toasts;
    }

    /** A note that goes away by itself after a few seconds, without taking the focus. */
    public void show(String message) {
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
