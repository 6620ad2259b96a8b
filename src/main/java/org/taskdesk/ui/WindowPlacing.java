package org.taskdesk.ui;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.taskdesk.ui.common.WindowPlace;

/**
 * Puts the window where it was last time and follows where it goes. The normal bounds are kept while the window is
 * maximised, so a window closed maximised comes back maximised and un-maximises to the size it had.
 */
final class WindowPlacing {
    private final Stage stage;
    private double x = Double.NaN;
    private double y = Double.NaN;
    private double width;
    private double height;
    private List<Double> dividers = List.of();

    WindowPlacing(Stage stage) {
        this.stage = stage;
    }

    /** Before the window is shown: its remembered place, if any and if it is still on a screen. */
    void restore(Optional<WindowPlace> remembered) {
        remembered.ifPresent(place -> {
            stage.setWidth(place.width());
            stage.setHeight(place.height());
            // A screen unplugged since: the window opens where the system puts it, not off screen.
            if (!Screen.getScreensForRectangle(new Rectangle2D(place.x(), place.y(), place.width(), place.height()))
                    .isEmpty()) {
                stage.setX(place.x());
                stage.setY(place.y());
            }
            stage.setMaximized(place.maximised());
            dividers = place.dividers();
        });
        stage.xProperty().addListener(o -> follow());
        stage.yProperty().addListener(o -> follow());
        stage.widthProperty().addListener(o -> follow());
        stage.heightProperty().addListener(o -> follow());
    }

    /** The main window's pane dividers as last placed, to give to the next main window. */
    List<Double> dividers() {
        return dividers;
    }

    /** The main window's dividers as they are when it goes (sign-out or closing). */
    void rememberDividers(List<Double> positions) {
        if (!positions.isEmpty()) {
            dividers = positions;
        }
    }

    /** Where the window is now, to save when it closes. */
    WindowPlace now() {
        follow();
        return new WindowPlace(Double.isNaN(x) ? stage.getX() : x, Double.isNaN(y) ? stage.getY() : y,
                width > 0 ? width : stage.getWidth(), height > 0 ? height : stage.getHeight(), stage.isMaximized(),
                dividers);
    }

    private void follow() {
        if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing()) {
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
        }
    }
}
