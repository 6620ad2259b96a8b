package org.taskdesk.app;

import java.nio.file.Path;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseChoice;
import org.taskdesk.persistence.database.DatabaseLocator;
import org.taskdesk.persistence.database.DatabaseSetting;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.ServerTimeouts;
import org.taskdesk.persistence.database.UserEnvironment;

/**
 * How this run of TaskDesk is configured, resolved once by the composition root and then frozen, as Flyway's
 * {@code configure()…load()} does: the database ({@code --database-url}, {@code DATABASE_URL} in the environment,
 * then in {@code .env}, {@code database.url} in the settings file, else the default local file), how long to wait
 * for a server ({@value ServerTimeouts#VARIABLE}), bcrypt's cost ({@value #BCRYPT_COST}) and the folders. Each
 * setting is checked as it is read, with a message that names it; a wrong one is reported by whatever needs it,
 * so a broken {@code .env} stops the commands that need a database and not {@code db revision}.
 */
final class Configuration {
    static final String BCRYPT_COST = "TASKDESK_BCRYPT_COST";

    private final UserEnvironment environment;
    private final DatabaseSetting database;
    private final Checked<ServerTimeouts> serverTimeouts;
    private final Checked<Integer> bcryptCost;
    private final Path settingsFile;
    private final String databaseUrlOption;

    private Configuration(UserEnvironment environment, DatabaseSetting database, Checked<ServerTimeouts> serverTimeouts,
                          Checked<Integer> bcryptCost, Path settingsFile, String databaseUrlOption) {
        this.environment = environment;
        this.databaseUrlOption = databaseUrlOption;
        this.database = database;
        this.serverTimeouts = serverTimeouts;
        this.bcryptCost = bcryptCost;
        this.settingsFile = settingsFile;
    }

    /** Starts a configuration for a run on the machine {@code environment} describes. */
    static Builder configure(UserEnvironment environment) {
        return new Builder(environment);
    }

    /** The configuration before it is loaded: what the command line adds to the environment. */
    static final class Builder {
        private final UserEnvironment environment;
        private String databaseUrl;

        private Builder(UserEnvironment environment) {
            this.environment = environment;
        }

        /** The {@code --database-url} value, or null: it wins over every other source. */
        Builder databaseUrl(String option) {
            this.databaseUrl = option;
            return this;
        }

        /** Reads every setting once; never throws (see {@link Configuration}). */
        Configuration load() {
            DatabaseLocator locator = new DatabaseLocator(environment);
            return new Configuration(environment, locator.read(databaseUrl),
                    Checked.read(() -> ServerTimeouts.from(environment)), Checked.read(() -> bcryptCost(environment)),
                    locator.settingsFile(), databaseUrl);
        }
    }

    /** bcrypt's cost: 12, or TASKDESK_BCRYPT_COST (4 to 31), which tests lower to stay fast. */
    private static int bcryptCost(UserEnvironment environment) {
        String value = environment.variable(BCRYPT_COST);
        if (value == null) {
            return Passwords.DEFAULT_COST;
        }
        try {
            int cost = Integer.parseInt(value.strip());
            if (cost >= 4 && cost <= 31) {
                return cost;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION,
                BCRYPT_COST + " is '" + value + "'; it must be a whole number from 4 to 31 (default 12).");
    }

    /**
     * The configuration once the person chose {@code target} in the app, saved as {@code database.url} in the
     * settings file (null: the default local file). It takes effect here only where a new start would find it:
     * {@code --database-url} and {@code DATABASE_URL} still win.
     */
    Configuration withDatabaseFromSettingsFile(DatabaseTarget target) {
        return new Configuration(environment, database.withSettingsFile(target), serverTimeouts, bcryptCost,
                settingsFile, databaseUrlOption);
    }

    /**
     * The configuration read afresh from the same command line and environment: what the start-up screen's
     * "Try again" uses, so that a person who fixed {@code .env} or the settings file by hand need not restart.
     */
    Configuration readAgain() {
        return configure(environment).databaseUrl(databaseUrlOption).load();
    }

    /** The chosen database; throws, naming the setting, when it could not be read. */
    DatabaseChoice database() {
        return database.choice();
    }

    /** The local H2 file used when nothing else is configured. */
    DatabaseTarget defaultDatabase() {
        return database.defaultDatabase();
    }

    /** How long to wait for a server; throws when {@value ServerTimeouts#VARIABLE} is not a number of seconds. */
    ServerTimeouts serverTimeouts() {
        return serverTimeouts.get();
    }

    /** bcrypt's cost for new passwords; throws when {@value #BCRYPT_COST} is out of range. */
    int bcryptCost() {
        return bcryptCost.get();
    }

    /** The machine's environment: its variables, for the settings a person types at a command (TASKDESK_EMAIL). */
    UserEnvironment environment() {
        return environment;
    }

    /** Where TaskDesk keeps its data: the database, backups, logs, remembered sessions. */
    Path dataFolder() {
        return environment.dataFolder();
    }

    /** The settings file: the database chosen in the app, and the theme. */
    Path settingsFile() {
        return settingsFile;
    }
}
