package org.taskdesk.ui.tasks.status;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taskdesk.ui.common.Messages;

/**
 * Short notes at the bottom right of the main window that go away by themselves, never taking the focus. A note
 * with an action (a delete's Undo) stays longer, long enough to reach with the mouse, and stays while the pointer
 * is on it; from the keyboard, Ctrl+Z undoes the latest change, so the button is not put in the Tab order.
 */
public final class Toasts {
    private static final int MAX_TOASTS = 4;
    static final Duration NOTE_LIFE = Duration.seconds(5);
    static final Duration ACTION_LIFE = Duration.seconds(8);
    /** After the pointer leaves an action toast, at least this long before it starts to fade. */
    static final Duration AFTER_HOVER = Duration.seconds(3);
    /** Where a toast keeps its life (an {@link Animation}), so tests can see it pause. */
    static final String LIFE = "toast-life";

    private final VBox toasts = new VBox(8);

    public Toasts() {
        toasts.setAlignment(Pos.BOTTOM_RIGHT);
        toasts.setPadding(new Insets(0, 16, 40, 0));
        // Only the toasts themselves take the mouse (an action toast's button); clicks elsewhere reach the window.
        toasts.setPickOnBounds(false);
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
        toast.setMouseTransparent(true);
        toast.setAccessibleRole(AccessibleRole.TEXT);
        toast.setAccessibleText(message);
        add(toast, NOTE_LIFE);
    }

    /** A note with a button; it goes when the button is used, when its action is no longer available, or in time. */
    public void show(Notice notice) {
        Label text = new Label(notice.text());
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button action = new Button(notice.actionName());
        action.getStyleClass().add("toast-action");
        action.setFocusTraversable(false); // a toast never takes the focus; Ctrl+Z is the keyboard's way
        action.setTooltip(new Tooltip(Messages.text("status.toast.undo.keys")));
        action.setMinWidth(Button.USE_PREF_SIZE);
        HBox toast = new HBox(12, text, action);
        toast.setAlignment(Pos.CENTER_LEFT);
        toast.getStyleClass().addAll("toast", "action-toast");
        toast.setAccessibleRole(AccessibleRole.TEXT);
        toast.setAccessibleText(notice.text() + ". " + Messages.text("status.toast.undo.keys"));
        Animation life = add(toast, ACTION_LIFE);
        ChangeListener<Boolean> gone = (o, was, available) -> {
            if (!available) {
                remove(toast, life);
            }
        };
        notice.available().addListener(gone);
        life.statusProperty().addListener((o, was, now) -> {
            if (now == Animation.Status.STOPPED) {
                notice.available().removeListener(gone);
            }
        });
        action.setOnAction(e -> {
            remove(toast, life);
            notice.action().run();
        });
        toast.hoverProperty().addListener((o, was, hovered) -> {
            if (hovered) {
                life.pause();
                toast.setOpacity(1);
            } else if (life.getStatus() == Animation.Status.PAUSED) {
                double latest = ACTION_LIFE.subtract(AFTER_HOVER).toMillis();
                life.playFrom(Duration.millis(Math.min(life.getCurrentTime().toMillis(), latest)));
            }
        });
        if (!notice.available().get()) {
            remove(toast, life);
        }
    }

    private Animation add(Node toast, Duration stay) {
        toasts.getChildren().add(toast);
        if (toasts.getChildren().size() > MAX_TOASTS) {
            Node oldest = toasts.getChildren().get(0);
            if (oldest.getProperties().get(LIFE) instanceof Animation animation) {
                animation.stop();
            }
            toasts.getChildren().remove(oldest);
        }
        FadeTransition fade = new FadeTransition(Duration.millis(400), toast);
        fade.setFromValue(1);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(stay), fade);
        life.setOnFinished(e -> toasts.getChildren().remove(toast));
        toast.getProperties().put(LIFE, life);
        life.play();
        return life;
    }

    private void remove(Node toast, Animation life) {
        life.stop();
        toasts.getChildren().remove(toast);
    }
}
