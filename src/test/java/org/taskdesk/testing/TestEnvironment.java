package org.taskdesk.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.taskdesk.persistence.database.UserEnvironment;

/** A Linux user whose home, data and config folders are all inside one temporary folder. */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static UserEnvironment in(Path folder) {
        return in(folder, Map.of());
    }

    public static UserEnvironment in(Path folder, Map<String, String> extra) {
        Map<String, String> variables = new HashMap<>();
        variables.put("XDG_DATA_HOME", folder.resolve("data").toString());
        variables.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        variables.putAll(extra);
        return new UserEnvironment(variables, folder, folder.resolve("home"), "Linux");
    }

    /** Where the default local database of {@link #in(Path)} lives. */
    public static Path defaultDatabaseFile(Path folder) {
        return folder.resolve("data").resolve("taskdesk").resolve("taskdesk.mv.db");
    }
}
