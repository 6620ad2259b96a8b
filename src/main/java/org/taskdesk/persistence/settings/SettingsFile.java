package org.taskdesk.persistence.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.files.PrivateFolder;

/**
 * The settings file ({@code settings.properties} in the config folder): where the tasks are kept, the theme and
 * where the main window was.
 * Written whole to a temporary file and moved into place, so a crash never leaves half a file; owner-only, since a
 * server URL may carry the shared client login's password.
 */
public final class SettingsFile {
    public static final String DATABASE_URL = "database.url";
    public static final String THEME = "ui.theme";
    public static final String WINDOW = "ui.window";

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(load().getProperty(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Sets {@code key} (null removes it), keeping every other setting. */
    public void put(String key, String value) {
        Properties properties = load();
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
        save(properties);
    }

    private Properties load() {
        Properties properties = new Properties();
        if (!exists()) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "Cannot read the settings file " + file + ": "
                    + e.getMessage() + ". Fix or delete it.", e);
        }
    }

    private void save(Properties properties) {
        try {
            PrivateFolder.writeProperties(file, properties, "TaskDesk settings");
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "Cannot save the settings file " + file + ": "
                    + e.getMessage() + ". Check the folder's permissions.", e);
        }
    }
}
