package org.taskdesk.ui.settings;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainContext;

/**
 * The settings window's state: the theme, which applies at once and is saved in the background, and where tasks
 * are kept, which is tested before it is saved and takes effect at the next start (the open workspace, its
 * session and the main window's list all belong to the database in use).
 */
public final class SettingsViewModel {
    /** Where to keep tasks from the next start on. */
    public enum Storage { LOCAL, SERVER }

    private final MainContext context;
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyStringWrapper databaseName;
    private final ObjectProperty<Storage> storage;
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSaveDatabase;

    /**
     * @param applyTheme shows a theme at once (the view passes {@link Theme#apply}, which needs the JavaFX thread;
     *                   tests record the call)
     */
    public SettingsViewModel(MainContext context, Consumer<Theme> applyTheme) {
        this.context = context;
        // Empty until the settings file has been read in the background, never on the JavaFX thread.
        this.theme = new SimpleObjectProperty<>();
        this.databaseName = new ReadOnlyStringWrapper(context.workspace().databaseName());
        boolean onServer = databaseName.get().startsWith("postgresql://");
        this.storage = new SimpleObjectProperty<>(onServer ? Storage.SERVER : Storage.LOCAL);
        canSaveDatabase = busy.not().and(Bindings.createBooleanBinding(
                () -> storage.get() == Storage.LOCAL || !serverUrl.get().isBlank(), storage, serverUrl));
        context.background().run(() -> context.desktop().theme(), saved -> {
            Theme chosen = theme.get();
            if (chosen == null) {
                theme.set(saved);
            } else if (chosen != saved) {
                // Chosen while the file was being read: that choice wins.
                applyTheme.accept(chosen);
                save(chosen);
            }
            applyAndSaveChanges(applyTheme);
        }, failure -> {
            report(Messages.format("settings.theme.unreadable", ErrorText.of(failure)), true);
            applyAndSaveChanges(applyTheme);
        });
    }

    /** From now on a chosen theme is shown at once and saved. */
    private void applyAndSaveChanges(Consumer<Theme> applyTheme) {
        theme.addListener((observable, old, chosen) -> {
            if (chosen != null && chosen != old) {
                applyTheme.accept(chosen);
                save(chosen);
            }
        });
    }

    /** The theme; null until the saved one has been read. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The database in use, as people should see it (no password). */
    public ReadOnlyStringProperty databaseNameProperty() {
        return databaseName.getReadOnlyProperty();
    }

    public ObjectProperty<Storage> storageProperty() {
        return storage;
    }

    /** The shared server's URL, e.g. {@code postgresql://user:pass@host/db}; used when storage is SERVER. */
    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did or why it failed; empty before any. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} tells of a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public BooleanBinding canSaveDatabaseProperty() {
        return canSaveDatabase;
    }

    /** Tests the chosen database (a server must answer and be a TaskDesk database), then remembers it. */
    public void saveDatabase() {
        if (!canSaveDatabase.get()) {
            return;
        }
        Storage chosen = storage.get();
        String url = serverUrl.get().strip();
        busy.set(true);
        report(chosen == Storage.LOCAL ? Messages.text("settings.database.saving") : Messages.text("settings.database.testing"),
                false);
        context.background().run(() -> {
            if (chosen == Storage.LOCAL) {
                context.desktop().useLocalDatabase();
            } else {
                context.desktop().useServer(url);
            }
            return chosen;
        }, saved -> {
            busy.set(false);
            report(saved == Storage.LOCAL ? Messages.text("settings.database.saved.local")
                    : Messages.text("settings.database.saved.server"), false);
        }, failure -> {
            busy.set(false);
            report(Messages.format("settings.database.not.saved", ErrorText.of(failure)), true);
        });
    }

    private void save(Theme chosen) {
        context.background().run(() -> {
            context.desktop().saveTheme(chosen);
            return chosen;
        }, saved -> { }, failure -> report(Messages.format("settings.theme.not.saved", ErrorText.of(failure)), true));
    }

    private void report(String text, boolean failure) {
        failed.set(failure);
        message.set(text);
    }
}
