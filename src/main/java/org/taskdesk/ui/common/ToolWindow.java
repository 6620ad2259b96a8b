package org.taskdesk.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A secondary window of the app (statistics, settings): owned by the main window, closed by Esc. */
public final class ToolWindow {
    private ToolWindow() {
    }

    /** Shows {@code root} in a new window over {@code owner} (may be null) and returns it. FX thread only. */
    public static Stage show(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        // A filter, not a handler: a focused control (a text field, a chart) must not swallow Esc.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
