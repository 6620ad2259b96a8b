package org.taskdesk.persistence.database;

import java.util.Objects;
import org.taskdesk.domain.TaskDeskException;

/**
 * The database setting of one run, read once by {@link DatabaseLocator#read}: the choice, or the reason there is
 * none (a {@code .env} line or a URL that cannot be read). That reason is kept and thrown by {@link #choice()}, so it
 * is reported by whatever needs the database, when it needs it, as when each reader looked the setting up itself.
 * Frozen: choosing another database in the app makes a new setting ({@link #withSettingsFile}), and no file is read
 * again behind the app's back.
 */
public final class DatabaseSetting {
    private final DatabaseChoice choice;
    private final TaskDeskException problem;
    /** Nothing above the settings file is set: a new {@code database.url} there changes the choice. */
    private final boolean settingsFileDecides;
    private final DatabaseLocator locator;

    private DatabaseSetting(DatabaseChoice choice, TaskDeskException problem, boolean settingsFileDecides,
                            DatabaseLocator locator) {
        this.choice = choice;
        this.problem = problem;
        this.settingsFileDecides = settingsFileDecides;
        this.locator = Objects.requireNonNull(locator);
    }

    static DatabaseSetting chosen(DatabaseChoice choice, boolean settingsFileDecides, DatabaseLocator locator) {
        return new DatabaseSetting(Objects.requireNonNull(choice), null, settingsFileDecides, locator);
    }

    static DatabaseSetting unreadable(TaskDeskException problem, boolean settingsFileDecides, DatabaseLocator locator) {
        return new DatabaseSetting(null, Objects.requireNonNull(problem), settingsFileDecides, locator);
    }

    /** The database to use; throws, naming the source, when the setting could not be read. */
    public DatabaseChoice choice() {
        if (problem != null) {
            throw problem;
        }
        return choice;
    }

    /**
     * The setting once {@code database.url} in the settings file names {@code target} (null: removed, so the
     * default local file). It changes nothing when a source above the settings file chose, as a new start would find.
     */
    public DatabaseSetting withSettingsFile(DatabaseTarget target) {
        return settingsFileDecides ? locator.fromSettingsFile(target) : this;
    }

    /** The local H2 file used when nothing else is configured. */
    public DatabaseTarget defaultDatabase() {
        return locator.defaultDatabase();
    }
}
