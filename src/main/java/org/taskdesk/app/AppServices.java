package org.taskdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.server.SharedServerSetup;
import org.taskdesk.cli.Services;
import org.taskdesk.workspace.Workspace;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.SchemaRevisions;
import org.taskdesk.migrations.WrittenRevision;
import org.taskdesk.persistence.database.DatabaseChoice;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseLocator;
import org.taskdesk.persistence.database.ServerTimeouts;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.schema.DatabaseSchemas;

/** The composition root: builds each service from the user's environment, by constructor, once per use. */
final class AppServices implements Services {
    private final UserEnvironment environment;
    private final Clock clock;
    private final DatabaseLocator locator;
    private Passwords passwords;

    AppServices(UserEnvironment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
        this.locator = new DatabaseLocator(environment);
    }

    /** bcrypt's cost: 12, or TASKDESK_BCRYPT_COST (4 to 31), which tests lower to stay fast. */
    private static int bcryptCost(UserEnvironment environment) {
        String value = environment.variable("TASKDESK_BCRYPT_COST");
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
                "TASKDESK_BCRYPT_COST is '" + value + "'; it must be a whole number from 4 to 31 (default 12).");
    }

    @Override
    public MigrationService migrations(String databaseUrlOption) {
        DatabaseConnections connections = connections(choose(databaseUrlOption).target());
        return new MigrationService(DatabaseSchemas.of(connections, clock));
    }

    @Override
    public SchemaRevisions revisions() {
        return new SchemaRevisions(clock, DatabaseSchemas.newestShippedVersion());
    }


    @Override
    public List<SchemaDifference> compareSchema(String databaseUrlOption) {
        return revisions().compare(DatabaseSchemas.entityComparison(choose(databaseUrlOption).target(), clock));
    }

    @Override
    public WrittenRevision autogenerate(String message, Path folder, String databaseUrlOption) {
        return revisions().autogenerate(message, folder,
                DatabaseSchemas.entityComparison(choose(databaseUrlOption).target(), clock));
    }

    @Override
    public Workspace openWorkspace(String databaseUrlOption) {
        DatabaseConnections connections = connections(choose(databaseUrlOption).target());
        return OpenedWorkspace.open(connections, passwords(), clock, step -> { });
    }

    @Override
    public String setUpSharedServer(String databaseUrlOption, String clientRole, String clientPassword) {
        DatabaseTarget target = choose(databaseUrlOption).target();
        if (target.kind() != DatabaseKind.POSTGRESQL) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "'server setup' is for a shared PostgreSQL database; "
                    + target.displayName() + " is a local file. Pass --database-url postgresql://owner@host/db.");
        }
        DatabaseConnections connections = connections(target);
        try (Connection owner = connections.open()) {
            new SharedServerSetup().setUp(owner, clientRole, clientPassword);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "set up the shared server", e,
                    "run 'taskdesk server setup' again once it answers: it puts everything in order");
        }
        return target.displayName();
    }

    /**
     * Read when first needed, not when the program starts: a bad TASKDESK_BCRYPT_COST is then reported like every
     * other mistake (one line, exit 3) by whoever asks, instead of escaping before anything can catch it.
     */
    Passwords passwords() {
        if (passwords == null) {
            passwords = new Passwords(bcryptCost(environment));
        }
        return passwords;
    }

    UserEnvironment environment() {
        return environment;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String variable(String name) {
        return environment.variable(name);
    }

    @Override
    public Path defaultMigrationsFolder() {
        return environment.workingDirectory().resolve("src/main/resources/db");
    }

    @Override
    public Path logFile() {
        return Logs.file(environment);
    }

    /** Connections to {@code target}, waiting on a server no longer than TASKDESK_SERVER_TIMEOUT allows. */
    private DatabaseConnections connections(DatabaseTarget target) {
        return new DatabaseConnections(target, ServerTimeouts.from(environment));
    }

    private DatabaseChoice choose(String databaseUrlOption) {
        return locator.locate(databaseUrlOption);
    }
}
