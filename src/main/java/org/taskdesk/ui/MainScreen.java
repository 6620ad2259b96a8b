package org.taskdesk.ui;

import javafx.scene.Parent;

/** The signed-in part of the window: built by the composition root from the main window and its extras. */
public interface MainScreen {
    Parent root();

    /** Stops whatever runs in the background for it (reminders); called on sign-out and when the window closes. */
    default void close() {
    }
}
