package org.taskdesk.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A secondary window of the app (statistics, settings): owned by the main window, centred on it, at least as large
 * as its content asks (within the screen), closed by Esc.
 */
public final class ToolWindow {
    private ToolWindow() {
    }

    /**
     * Shows {@code root} in a new window over {@code owner} (may be null) and returns it; {@code width} and
     * {@code height} are the size it opens at unless its content needs more. FX thread only.
     */
    public static Stage show(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root);
        root.applyCss(); // the content's sizes depend on its style sheets
        Rectangle2D screen = screenOf(owner);
        // Never smaller than the content needs (charts crushed into a tiny first window), never off the screen.
        double fitWidth = Math.min(Math.max(width, root.prefWidth(-1)), screen.getWidth());
        double fitHeight = Math.min(Math.max(height, root.prefHeight(fitWidth)), screen.getHeight());
        stage.setWidth(fitWidth);
        stage.setHeight(fitHeight);
        stage.setMinWidth(Math.min(root.minWidth(-1), screen.getWidth()));
        stage.setMinHeight(Math.min(root.minHeight(-1), screen.getHeight()));
        // A filter, not a handler: a focused control (a text field, a chart) must not swallow Esc.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        double x = Double.NaN;
        double y = Double.NaN;
        if (owner != null) {
            // Centred on the main window, not on the screen (nor at 0,0 where some window managers put it).
            x = Math.max(screen.getMinX(), owner.getX() + (owner.getWidth() - fitWidth) / 2);
            y = Math.max(screen.getMinY(), owner.getY() + (owner.getHeight() - fitHeight) / 2);
            stage.setX(x);
            stage.setY(y);
        }
        stage.show();
        WindowSettling.settleContent(stage, x, y, fitWidth, fitHeight);
        return stage;
    }

    private static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
