package org.taskdesk.app;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.ToolWindows;
import org.taskdesk.ui.reminders.Reminders;
import org.taskdesk.ui.settings.SettingsView;
import org.taskdesk.ui.stats.StatisticsView;
import org.taskdesk.ui.tasks.MainContext;
import org.taskdesk.ui.tasks.MainWindowView;

/** Builds the signed-in screen: the main window with its statistics and settings windows, and reminders. */
final class MainScreens {
    private MainScreens() {
    }

    static Function<MainContext, MainScreen> factory(StartupProbe probe) {
        return context -> {
            MainWindowView window = new MainWindowView(context);
            ToolWindows tools = new ToolWindows();
            MenuItem statistics = new MenuItem(Messages.text("menu.statistics"));
            statistics.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
            statistics.setOnAction(e -> tools.show("statistics",
                    () -> StatisticsView.open(context, window.root().getScene().getWindow())));
            window.addMenuItem("View", statistics); // not shown: the menu's name in code
            MenuItem settings = new MenuItem(Messages.text("menu.settings"));
            settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
            settings.setOnAction(e -> tools.show("settings",
                    () -> SettingsView.open(context, window.root().getScene().getWindow())));
            window.addMenuItem("File", settings); // not shown: the menu's name in code
            Reminders reminders = new Reminders(context, window::notify);
            reminders.start();
            window.whenTasksShown(probe::taskListShown);
            return new MainScreen() {
                @Override
                public Parent root() {
                    return window.root();
                }

                @Override
                public List<Double> dividers() {
                    return window.dividers();
                }

                @Override
                public void placeDividers(List<Double> positions) {
                    window.placeDividers(positions);
                }

                @Override
                public void close() {
                    window.close(); // saves pending edits before the session or the database goes
                    reminders.stop();
                    tools.closeAll();
                }
            };
        };
    }
}
