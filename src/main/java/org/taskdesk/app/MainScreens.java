package org.taskdesk.app;

import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.tasks.MainContext;

/** Builds the signed-in screen: the main window with its statistics, settings and reminders. */
final class MainScreens {
    private MainScreens() {
    }

    static Function<MainContext, MainScreen> factory() {
        return context -> {
            Button signOut = new Button("Sign out");
            signOut.setOnAction(e -> context.signOut().run());
            VBox box = new VBox(12, new Label("Signed in as " + context.user().account().name()), signOut);
            return () -> box;
        };
    }
}
