package org.taskdesk.persistence.database;

import java.nio.file.Files;
import java.nio.file.Path;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.settings.SettingsFile;

/**
 * Decides which database to use. Highest first: the {@code --database-url} option, {@code DATABASE_URL} in the
 * environment, {@code DATABASE_URL} in a {@code .env} file of the working directory, {@code database.url} in the
 * settings file, and last the local H2 file in the per-user data folder. Read once per run ({@link #read}): the
 * composition root keeps the {@link DatabaseSetting}.
 */
public final class DatabaseLocator {
    public static final String VARIABLE = "DATABASE_URL";
    public static final String SETTINGS_FILE = "settings.properties";
    public static final String DEFAULT_DATABASE_NAME = "taskdesk";
    /** The source of a choice that fell through to the default local file. */
    public static final String DEFAULT_SOURCE = "the default local database";

    private final UserEnvironment environment;

    public DatabaseLocator(UserEnvironment environment) {
        this.environment = environment;
    }

    /** The database to use; {@code option} is the {@code --database-url} value or null. Throws what cannot be read. */
    public DatabaseChoice locate(String option) {
        return read(option).choice();
    }

    /**
     * Reads the setting once, from the highest source down, no further than the first that is set: a {@code .env}
     * that cannot be read does not matter when {@code --database-url} is given. What cannot be read is kept in the
     * setting, to be reported by whoever needs the database.
     */
    public DatabaseSetting read(String option) {
        DatabaseUrl urls = urls();
        try {
            if (option != null && !option.isBlank()) {
                return chosenAbove(urls.parse(option), "--database-url");
            }
            String fromEnvironment = environment.variable(VARIABLE);
            if (fromEnvironment != null) {
                return chosenAbove(urls.parse(fromEnvironment), "DATABASE_URL in the environment");
            }
            String fromDotEnv = readDotEnv();
            if (fromDotEnv != null) {
                return chosenAbove(urls.parse(fromDotEnv), "DATABASE_URL in " + environment.workingDirectory().resolve(".env"));
            }
        } catch (TaskDeskException e) {
            return DatabaseSetting.unreadable(e, false, this);
        }
        try {
            String fromSettings = new SettingsFile(settingsFile()).get(SettingsFile.DATABASE_URL).orElse(null);
            return fromSettingsFile(fromSettings == null ? null : urls.parse(fromSettings));
        } catch (TaskDeskException e) {
            return DatabaseSetting.unreadable(e, true, this);
        }
    }

    /** The setting when the settings file decides: {@code target}, or the default local file when it is null. */
    DatabaseSetting fromSettingsFile(DatabaseTarget target) {
        DatabaseChoice choice = target == null ? new DatabaseChoice(defaultDatabase(), DEFAULT_SOURCE)
                : new DatabaseChoice(target, "database.url in " + settingsFile());
        return DatabaseSetting.chosen(choice, true, this);
    }

    private DatabaseSetting chosenAbove(DatabaseTarget target, String source) {
        return DatabaseSetting.chosen(new DatabaseChoice(target, source), false, this);
    }

    /** Reads the URLs people write: relative paths from the working directory, {@code ~} for the home folder. */
    private DatabaseUrl urls() {
        return new DatabaseUrl(environment.workingDirectory(), environment.userHome());
    }

    /** The local H2 file used when nothing else is configured. */
    public DatabaseTarget defaultDatabase() {
        return DatabaseUrl.localFile(environment.dataFolder().resolve(DEFAULT_DATABASE_NAME));
    }

    public Path settingsFile() {
        return environment.configFolder().resolve(SETTINGS_FILE);
    }

    private String readDotEnv() {
        Path file = environment.workingDirectory().resolve(".env");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        // Only the file's own entries: the process environment was consulted above, on purpose, first.
        String value = new DotEnvFile(file).entries().get(VARIABLE);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
