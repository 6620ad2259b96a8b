package org.taskdesk.app;

import java.nio.file.Path;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.files.PrivateFolder;

/** Where the log goes: {@code logs/taskdesk.log} in the data folder. Set before the first logger is made. */
final class Logs {
    static final String DIRECTORY_PROPERTY = "taskdesk.log.dir";

    private Logs() {
    }

    static Path file(UserEnvironment environment) {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path folder = configured != null ? Path.of(configured) : environment.dataFolder().resolve("logs");
        return folder.resolve("taskdesk.log");
    }

    /** Points logback at the data folder, unless something (a test) already chose a place. */
    static void configure(UserEnvironment environment) {
        // Made owner-only before logback creates logs/ inside it: the folder will hold the database too.
        try {
            PrivateFolder.create(environment.dataFolder());
        } catch (TaskDeskException e) {
            // No data folder: logging falls back to the temp folder, and whatever needs the folder says so itself.
            return;
        }
        if (System.getProperty(DIRECTORY_PROPERTY) == null) {
            System.setProperty(DIRECTORY_PROPERTY, environment.dataFolder().resolve("logs").toString());
        }
    }
}
