package org.taskdesk.persistence.database;

import java.nio.file.Files;
import java.nio.file.Path;
import org.taskdesk.persistence.settings.SettingsFile;

/**
 * Decides which database to use. Highest first: the {@code --database-url} option, {@code DATABASE_URL} in the
 * environment, {@code DATABASE_URL} in a {@code .env} file of the working directory, {@code database.url} in the
 * settings file, and last the local H2 file in the per-user data folder.
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

    /** The database to use; {@code option} is the {@code --database-url} value or null. */
    public DatabaseChoice locate(String option) {
        DatabaseUrl urls = new DatabaseUrl(environment.workingDirectory(), environment.userHome());
        if (option != null && !option.isBlank()) {
            return new DatabaseChoice(urls.parse(option), "--database-url");
        }
        String fromEnvironment = environment.variable(VARIABLE);
        if (fromEnvironment != null) {
            return new DatabaseChoice(urls.parse(fromEnvironment), "DATABASE_URL in the environment");
        }
        String fromDotEnv = readDotEnv();
        if (fromDotEnv != null) {
            return new DatabaseChoice(urls.parse(fromDotEnv), "DATABASE_URL in "
                    + environment.workingDirectory().resolve(".env"));
        }
        Path settings = settingsFile();
        String fromSettings = new SettingsFile(settings).get(SettingsFile.DATABASE_URL).orElse(null);
        if (fromSettings != null) {
            return new DatabaseChoice(urls.parse(fromSettings), "database.url in " + settings);
        }
        return new DatabaseChoice(defaultDatabase(), DEFAULT_SOURCE);
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
