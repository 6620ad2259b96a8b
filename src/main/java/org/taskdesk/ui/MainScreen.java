package org.taskdesk.ui;

import java.util.List;
import javafx.scene.Parent;

/** The signed-in part of the window: built by the composition root from the main window and its extras. */
public interface MainScreen {
    Parent root();

    /** Stops whatever runs in the background for it (reminders); called on sign-out and when the window closes. */
    default void close() {
    }

    /** Where its pane dividers are (fractions), to remember for the next start; empty when it has none. */
    default List<Double> dividers() {
        return List.of();
    }

    /** Puts its pane dividers where they were last time ({@code positions} may be empty: the default place). */
    default void placeDividers(List<Double> positions) {
    }
}
