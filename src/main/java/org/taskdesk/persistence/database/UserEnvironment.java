package org.taskdesk.persistence.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What TaskDesk reads from the machine it runs on: environment variables, working directory, home, OS name.
 * Passed in rather than read from {@link System} so that tests can describe any machine.
 */
public record UserEnvironment(Map<String, String> variables, Path workingDirectory, Path userHome, String osName) {

    public UserEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDirectory);
        Objects.requireNonNull(userHome);
        Objects.requireNonNull(osName);
    }

    /** The environment of this process. */
    public static UserEnvironment ofThisProcess() {
        return new UserEnvironment(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", "Linux"));
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Where TaskDesk keeps its data: the database, backups, logs. Per OS conventions. */
    public Path dataFolder() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return folderFrom("LOCALAPPDATA", userHome.resolve("AppData").resolve("Local")).resolve("TaskDesk");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("TaskDesk");
        }
        return folderFrom("XDG_DATA_HOME", userHome.resolve(".local").resolve("share")).resolve("taskdesk");
    }

    /** Where TaskDesk keeps its settings file. Per OS conventions. */
    public Path configFolder() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return folderFrom("APPDATA", userHome.resolve("AppData").resolve("Roaming")).resolve("TaskDesk");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Preferences").resolve("TaskDesk");
        }
        return folderFrom("XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("taskdesk");
    }

    private Path folderFrom(String variable, Path fallback) {
        String value = variable(variable);
        // The XDG spec says a relative value is invalid and must be ignored.
        return value != null && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
