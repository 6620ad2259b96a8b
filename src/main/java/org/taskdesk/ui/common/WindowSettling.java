package org.taskdesk.ui.common;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Asks again for a new window's size (and place) right after it is shown. Some window managers (openbox, for one)
 * answer a new JavaFX 21 window with GTK's default 200×200 first; the window then stays at its minimum size, or at
 * 200×200 in the corner of the screen. Asking once more, after the window is mapped, gives it what it should have.
 */
public final class WindowSettling {
    private WindowSettling() {
    }

    /**
     * Call right after {@code stage.show()}; {@code x} and {@code y} may be NaN to leave the place to the window
     * manager. A window maximised meanwhile is left alone.
     */
    public static void settle(Stage stage, double x, double y, double width, double height) {
        Platform.runLater(() -> {
            if (stage.isMaximized() || !stage.isShowing()) {
                return;
            }
            if (stage.getWidth() != width || stage.getHeight() != height) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
            if (!Double.isNaN(x) && !Double.isNaN(y) && (stage.getX() != x || stage.getY() != y)) {
                stage.setX(x);
                stage.setY(y);
            }
        });
    }

    /**
     * As {@link #settle}, for a window whose CONTENT must get {@code contentWidth} × {@code contentHeight}: the window
     * manager's frame (title bar, borders), which a stage's size includes, is added once it is known. Sizing the stage
     * to the content alone cut the bottom of a tool window by the title bar's height (About's Close button).
     */
    public static void settleContent(Stage stage, double x, double y, double contentWidth, double contentHeight) {
        Platform.runLater(() -> {
            if (stage.isMaximized() || !stage.isShowing() || stage.getScene() == null) {
                return;
            }
            double frameWidth = Math.max(0, stage.getWidth() - stage.getScene().getWidth());
            double frameHeight = Math.max(0, stage.getHeight() - stage.getScene().getHeight());
            Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            // A content as tall as the screen (Statistics) keeps its frame on the screen too.
            settle(stage, x, y, Math.min(contentWidth + frameWidth, screen.getWidth()),
                    Math.min(contentHeight + frameHeight, screen.getHeight()));
        });
    }
}
