package org.taskdesk.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.ToolWindow;
import org.taskdesk.ui.settings.SettingsViewModel.Storage;
import org.taskdesk.ui.sync.AppSync;
import org.taskdesk.ui.sync.SyncSettingsView;
import org.taskdesk.ui.sync.SyncSettingsViewModel;
import org.taskdesk.ui.tasks.MainContext;

/** The settings window: theme, and where tasks are kept. A thin view over {@link SettingsViewModel}. */
public final class SettingsView extends VBox {

    public SettingsView(SettingsViewModel model) {
        super(16);
        setPadding(new Insets(20));
        Label title = new Label(Messages.text("settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        getChildren().addAll(title, themeSection(model), databaseSection(model));
    }

    /** Opens the settings in a window of their own over {@code owner} and returns the window. */
    public static Stage open(MainContext context, Window owner) {
        return open(context, owner, Optional.empty());
    }

    /** The same, with Settings → Sync when {@code sync} is there (a local file). */
    public static Stage open(MainContext context, Window owner, Optional<AppSync> sync) {
        Map<String, String> environment = context.desktop().environment();
        SettingsViewModel model = new SettingsViewModel(context, theme -> theme.apply(environment));
        SettingsView view = new SettingsView(model);
        sync.ifPresent(appSync -> view.getChildren().add(SyncSettingsView.of(
                new SyncSettingsViewModel(appSync, context.dialogs(), context.clock()))));
        return ToolWindow.show(owner, Messages.text("settings.window.title"), view, 560, sync.isPresent() ? 720 : 460);
    }

    private static GridPane themeSection(SettingsViewModel model) {
        ToggleGroup group = new ToggleGroup();
        RadioButton light = choice(Messages.text("settings.theme.light"), Theme.LIGHT, group, "theme-light");
        RadioButton dark = choice(Messages.text("settings.theme.dark"), Theme.DARK, group, "theme-dark");
        RadioButton system = choice(Messages.text("settings.theme.system"), Theme.SYSTEM, group, "theme-system");
        bind(group, model.themeProperty());
        GridPane grid = form();
        grid.addRow(0, heading(Messages.text("settings.theme")), new HBox(16, light, dark, system));
        return grid;
    }

    private static GridPane databaseSection(SettingsViewModel model) {
        TextField current = new TextField();
        current.textProperty().bind(model.databaseNameProperty());
        current.setEditable(false);
        current.setId("database-name");
        current.setAccessibleText(Messages.text("settings.database.current.accessible"));

        ToggleGroup group = new ToggleGroup();
        RadioButton local = choice(Messages.text("settings.database.local"), Storage.LOCAL, group, "storage-local");
        RadioButton server = choice(Messages.text("settings.database.server"), Storage.SERVER, group, "storage-server");
        bind(group, model.storageProperty());
        TextField url = new TextField();
        url.setPromptText(Messages.text("settings.database.server.example"));
        url.textProperty().bindBidirectional(model.serverUrlProperty());
        url.disableProperty().bind(model.storageProperty().isNotEqualTo(Storage.SERVER));
        url.setAccessibleText(Messages.text("settings.database.server"));
        url.setId("server-url");
        HBox.setHgrow(url, Priority.ALWAYS);

        Button save = new Button(Messages.text("settings.database.save"));
        save.setDefaultButton(true);
        save.disableProperty().bind(model.canSaveDatabaseProperty().not());
        save.setOnAction(event -> model.saveDatabase());
        save.setId("save-database");
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setId("settings-message");
        model.failedProperty().addListener((observable, old, failed) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            message.getStyleClass().add(failed ? Styles.DANGER : Styles.SUCCESS);
        });
        Label note = new Label(Messages.text("settings.database.note"));
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);

        GridPane grid = form();
        grid.addRow(0, heading(Messages.text("settings.database.current")), current);
        grid.addRow(1, heading(Messages.text("settings.database.switch")), new VBox(8, local, new HBox(8, server, url)));
        grid.add(new VBox(8, save, message, note), 1, 2);
        return grid;
    }

    private static <T> RadioButton choice(String text, T value, ToggleGroup group, String id) {
        RadioButton button = new RadioButton(text);
        button.setUserData(value);
        button.setToggleGroup(group);
        button.setId(id);
        return button;
    }

    /** Keeps the selected radio button and {@code property} in step, both ways. */
    private static <T> void bind(ToggleGroup group, ObjectProperty<T> property) {
        Runnable select = () -> group.getToggles().stream().filter(t -> t.getUserData() == property.get())
                .findFirst().ifPresent(group::selectToggle);
        select.run();
        property.addListener((observable, old, value) -> select.run());
        group.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle != null) {
                @SuppressWarnings("unchecked")
                T value = (T) ((Toggle) toggle).getUserData();
                property.set(value);
            }
        });
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(Region.USE_PREF_SIZE); // a heading is never shortened ("Tasks are kep…"); the fields give way
        return label;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints(130);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }
}
