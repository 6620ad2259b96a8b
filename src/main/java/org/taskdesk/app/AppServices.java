package org.taskdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.SharedServerAccountService;
import org.taskdesk.cli.ServicesFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.secrets.FileTokenStore;
import org.taskdesk.persistence.secrets.KeyringTokenStore;
import org.taskdesk.persistence.secrets.SessionTokenStore;
import org.taskdesk.persistence.server.SharedServerAccounts;
import org.taskdesk.persistence.server.SharedServerLimits;
import org.taskdesk.persistence.server.SharedServerSetup;
import org.taskdesk.cli.Services;
import org.taskdesk.workspace.Workspace;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.SchemaRevisions;
import org.taskdesk.migrations.WrittenRevision;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.schema.DatabaseSchemas;

/**
 * The composition root for one command line: builds each service by constructor, once per use, on the database
 * and settings of a {@link Configuration} resolved once.
 */
final class AppServices implements Services {
    private final Configuration configuration;
    private final Clock clock;
    private Passwords passwords;

    AppServices(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    /** The services for each command line of a user on {@code environment}: its configuration is resolved once. */
    static ServicesFactory factory(UserEnvironment environment, Clock clock) {
        return databaseUrl -> new AppServices(Configuration.configure(environment).databaseUrl(databaseUrl).load(), clock);
    }

    @Override
    public MigrationService migrations() {
        return new MigrationService(DatabaseSchemas.of(connections(chosen()), clock));
    }

    @Override
    public SchemaRevisions revisions() {
        return new SchemaRevisions(clock, DatabaseSchemas.newestShippedVersion());
    }


    @Override
    public List<SchemaDifference> compareSchema() {
        return revisions().compare(DatabaseSchemas.entityComparison(chosen(), clock));
    }

    @Override
    public WrittenRevision autogenerate(String message, Path folder) {
        return revisions().autogenerate(message, folder, DatabaseSchemas.entityComparison(chosen(), clock));
    }

    @Override
    public Workspace openWorkspace() {
        DatabaseConnections connections = connections(chosen());
        if (ReplicaWorkspace.isFor(connections, configuration.dataFolder())) {
            return new ReplicaWorkspace(connections.target(), configuration.dataFolder(),
                    new SharedServerAccountService(SharedServerAccounts.over(connections), passwords()), syncServers(),
                    syncTokens(), clock, replica -> OpenedWorkspace.openForCommand(connections(replica), passwords(), clock));
        }
        return OpenedWorkspace.openForCommand(connections, passwords(), clock);
    }

    @Override
    public String setUpSharedServer(String clientRole, String clientPassword) {
        DatabaseTarget target = chosen();
        if (target.kind() != DatabaseKind.POSTGRESQL) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "'server setup' is for a shared PostgreSQL database; "
                    + target.displayName() + " is a local file. Pass --database-url postgresql://owner@host/db.");
        }
        DatabaseConnections connections = connections(target);
        try (Connection owner = connections.open()) {
            // The server accepts the cost this installation hashes with (besides 10 to 14) and gives it to its dummy hash.
            new SharedServerSetup().setUp(owner, clientRole, clientPassword,
                    SharedServerLimits.forBcryptCost(configuration.bcryptCost()));
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "set up the shared server", e,
                    "run 'taskdesk server setup' again once it answers: it puts everything in order");
        }
        return target.displayName();
    }

    /**
     * Made when first needed: a bad TASKDESK_BCRYPT_COST is then reported like every other mistake (one line,
     * exit 3) by the commands that hash passwords, and does not stop those that do not.
     */
    Passwords passwords() {
        if (passwords == null) {
            passwords = new Passwords(configuration.bcryptCost());
        }
        return passwords;
    }

    @Override
    public Optional<String> rememberedSession() {
        return tokens().load(sessionKey());
    }

    @Override
    public void rememberSession(String token) {
        tokens().save(sessionKey(), token);
    }

    @Override
    public void forgetSession() {
        tokens().forget(sessionKey());
    }

    /** The desktop app's store (keyring, else its owner-only file), under a name of the command line's own. */
    private SessionTokenStore tokens() {
        return new KeyringTokenStore(new FileTokenStore(configuration.dataFolder().resolve(DesktopBackend.TOKEN_FILE)));
    }

    private String sessionKey() {
        return "command line: " + chosen().displayName();
    }

    @Override
    public SyncServers syncServers() {
        return syncServers(configuration, passwords());
    }

    /** Shared servers for sync, their URLs read as {@code --database-url} is, waiting as long as the settings allow. */
    static SyncServers syncServers(Configuration configuration, Passwords passwords) {
        return new ServerSync(url -> new DatabaseUrl(configuration.environment().workingDirectory(),
                configuration.environment().userHome()).parse(url), configuration.serverTimeouts(), passwords);
    }

    @Override
    public SyncTokens syncTokens() {
        return syncTokens(tokens());
    }

    /** Links keep their server sessions in {@code store}, beside remembered sign-ins, under keys of their own. */
    static SyncTokens syncTokens(SessionTokenStore store) {
        return new SyncSessions(store);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String variable(String name) {
        return configuration.environment().variable(name);
    }

    @Override
    public Path defaultMigrationsFolder() {
        return configuration.environment().workingDirectory().resolve("src/main/resources/db");
    }

    /** Connections to {@code target}, waiting on a server no longer than TASKDESK_SERVER_TIMEOUT allows. */
    private DatabaseConnections connections(DatabaseTarget target) {
        return new DatabaseConnections(target, configuration.serverTimeouts());
    }

    private DatabaseTarget chosen() {
        return configuration.database().target();
    }
}
