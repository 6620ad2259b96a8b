package org.taskdesk.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.taskdesk.cli.VersionProvider;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.ToolWindows;
import org.taskdesk.ui.help.AboutView;
import org.taskdesk.ui.help.AboutViewModel;
import org.taskdesk.ui.help.UserGuide;
import org.taskdesk.ui.reminders.ReminderCards;
import org.taskdesk.ui.reminders.Reminders;
import org.taskdesk.ui.settings.SettingsView;
import org.taskdesk.ui.stats.StatisticsView;
import org.taskdesk.ui.tasks.MainContext;
import org.taskdesk.ui.tasks.MainWindowView;
import org.taskdesk.ui.tasks.transfer.ChooserTransferFiles;
import org.taskdesk.ui.tasks.transfer.TransferFiles;
import org.taskdesk.ui.tasks.transfer.TransferView;
import org.taskdesk.ui.tasks.transfer.TransferViewModel;

/** Builds the signed-in screen: the main window with its statistics and settings windows, and reminders. */
final class MainScreens {
    private MainScreens() {
    }

    /**
     * @param logFile      where the log is, for Help → About
     * @param openDocument shows a URI in the system's viewer (the JavaFX host services); blocks
     */
    static Function<MainContext, MainScreen> factory(StartupProbe probe, Path logFile, Consumer<String> openDocument) {
        return factory(probe, logFile, openDocument, new ChooserTransferFiles());
    }

    /** @param files where File → Import… and File → Export take their file from (a file chooser, or a test's file) */
    static Function<MainContext, MainScreen> factory(StartupProbe probe, Path logFile, Consumer<String> openDocument,
                                                     TransferFiles files) {
        return context -> {
            MainWindowView window = new MainWindowView(context);
            ToolWindows tools = new ToolWindows();
            MenuItem statistics = new MenuItem(Messages.text("menu.statistics"));
            statistics.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
            statistics.setOnAction(e -> tools.show("statistics",
                    () -> StatisticsView.open(context, window.root().getScene().getWindow())));
            window.addMenuItem("View", statistics); // not shown: the menu's name in code
            TransferViewModel transfer = new TransferViewModel(context.workspace().transfer(), context.user(),
                    context.background(), window::currentListFilter);
            transfer.whenImported(window::refresh);
            TransferView transferView = new TransferView(transfer, files, () -> window.root().getScene().getWindow());
            transferView.menuItems().forEach(item -> window.addMenuItem("File", item)); // not shown: the name in code
            window.addToStatusBar(transferView.status());
            // Signed in on a shared server's replica while the server could not be reached (ADR 0029): one line.
            context.workspace().serverUnreachable().ifPresent(offline -> {
                Label line = new Label(Messages.format("replica.offline", context.workspace().databaseName()));
                line.setId("replica-offline");
                window.addToStatusBar(line);
            });
            MenuItem settings = new MenuItem(Messages.text("menu.settings"));
            settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
            settings.setOnAction(e -> tools.show("settings",
                    () -> SettingsView.open(context, window.root().getScene().getWindow(), window.sync())));
            window.addMenuItem("File", settings); // not shown: the menu's name in code
            AboutViewModel about = new AboutViewModel(VersionProvider.version(), context.workspace().databaseName(),
                    logFile.toString(), new UserGuide(Path.of(System.getProperty("java.io.tmpdir"))), openDocument,
                    context.background());
            MenuItem guide = new MenuItem(Messages.text("menu.user.guide"));
            guide.setOnAction(e -> about.openGuide());
            window.addMenuItem("Help", guide); // not shown: the menu's name in code
            MenuItem aboutItem = new MenuItem(Messages.text("menu.about"));
            aboutItem.setOnAction(e -> tools.show("about", () -> AboutView.open(about, window.root().getScene().getWindow())));
            window.addMenuItem("Help", aboutItem); // not shown: the menu's name in code
            Reminders reminders = new Reminders(context, window::notify, window::completeTask);
            window.addOverlay(new ReminderCards(reminders).root());
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
