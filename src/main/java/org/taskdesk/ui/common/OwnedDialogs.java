package org.taskdesk.ui.common;

import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * How every dialog of the app is shown: owned by the main window, centred on it, as large as its content, and
 * without un-maximising the main window. FX thread only.
 */
public final class OwnedDialogs {
    /** How long a new window is kept centred while the window manager places it (it takes longer on a busy machine). */
    private static final Duration SETTLING = Duration.seconds(2);

    private OwnedDialogs() {
    }

    /**
     * Shows {@code dialog} over {@code owner} (may be null) and waits for the answer, the owner taking no input
     * meanwhile.
     */
    public static <R> Optional<R> showAndWait(Dialog<R> dialog, Window owner) {
        prepare(dialog, owner);
        return dialog.showAndWait();
    }

    /** Readies {@code dialog} to be shown over {@code owner}; {@link #showAndWait} does this itself. */
    static void prepare(Dialog<?> dialog, Window owner) {
        // A modal window makes JavaFX's GTK backend freeze its owner's size, and window managers such as Openbox and
        // KWin then un-maximise the owner (JDK-8332222, fixed only in JavaFX 23+). So the dialog is modeless and
        // the owner ignores input itself while the dialog is open: the same for the person, without the jump.
        dialog.initModality(Modality.NONE);
        // Alerts with long text are otherwise cut to a fixed height on Linux; the dialog grows to what it shows.
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        if (owner == null) {
            return;
        }
        dialog.initOwner(owner);
        Window window = dialog.getDialogPane().getScene().getWindow();
        EventHandler<Event> ignore = event -> {
            event.consume();
            if (event.getEventType() == MouseEvent.MOUSE_PRESSED) {
                window.requestFocus(); // a click on the main window brings the open dialog back
            }
        };
        EventHandler<WindowEvent> keepOpen = Event::consume; // the main window does not close under its dialog
        owner.addEventFilter(InputEvent.ANY, ignore);
        owner.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            centreOn(window, owner);
            window.requestFocus(); // the keyboard goes to the dialog, as it would to a modal one
        });
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            owner.removeEventFilter(InputEvent.ANY, ignore);
            owner.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
        });
    }

    /**
     * Centres a just shown {@code window} on {@code owner}, within the owner's screen. Window managers (Openbox)
     * place a new window themselves some time after it is shown, at (0, 0) or where they like, and the content may
     * still change its size: for a moment after showing, the window is centred again whenever it moves or resizes.
     */
    public static void centreOn(Window window, Window owner) {
        InvalidationListener again = o -> placeCentred(window, owner);
        List<ReadOnlyDoubleProperty> bounds = List.of(window.xProperty(), window.yProperty(), window.widthProperty(),
                window.heightProperty());
        placeCentred(window, owner);
        bounds.forEach(p -> p.addListener(again));
        PauseTransition settled = new PauseTransition(SETTLING);
        settled.setOnFinished(e -> bounds.forEach(p -> p.removeListener(again)));
        settled.play();
    }

    private static void placeCentred(Window window, Window owner) {
        if (!window.isShowing()) {
            return;
        }
        // Openbox first gives a new window GTK's default 200×200, which cuts the dialog's field and buttons: the
        // window grows back to what its content asks for.
        Parent content = window.getScene().getRoot();
        double width = content.prefWidth(-1);
        if (window.getScene().getWidth() + 1 < width
                || window.getScene().getHeight() + 1 < content.prefHeight(width)) {
            window.sizeToScene();
        }
        Rectangle2D screen = screenOf(owner);
        // Whole pixels, and no move for less than two: the system rounds positions, and chasing its rounding
        // would move the window back and forth.
        double x = Math.floor(Math.max(screen.getMinX(), Math.min(owner.getX() + (owner.getWidth() - window.getWidth()) / 2,
                screen.getMaxX() - window.getWidth())));
        double y = Math.floor(Math.max(screen.getMinY(), Math.min(owner.getY() + (owner.getHeight() - window.getHeight()) / 2,
                screen.getMaxY() - window.getHeight())));
        if (Math.abs(window.getX() - x) >= 2) {
            window.setX(x);
        }
        if (Math.abs(window.getY() - y) >= 2) {
            window.setY(y);
        }
    }

    /** The visual bounds of the screen {@code owner} (may be null) is on. */
    static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
