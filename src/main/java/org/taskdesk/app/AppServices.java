package org.taskdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.taskdesk.cli.Services;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.SchemaRevisions;
import org.taskdesk.migrations.WrittenRevision;
import org.taskdesk.persistence.database.DatabaseChoice;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseLocator;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.migrations.LocalBackups;
import org.taskdesk.persistence.migrations.SchemaMigrator;

/** The composition root: builds each service from the user's environment, by constructor, once per use. */
final class AppServices implements Services {
    private final UserEnvironment environment;
    private final Clock clock;
    private final DatabaseLocator locator;

    AppServices(UserEnvironment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
        this.locator = new DatabaseLocator(environment);
    }

    @Override
    public MigrationService migrations(String databaseUrlOption) {
        DatabaseConnections connections = new DatabaseConnections(choose(databaseUrlOption).target());
        return new MigrationService(new SchemaMigrator(connections, new LocalBackups(clock)));
    }

    @Override
    public SchemaRevisions revisions() {
        return new SchemaRevisions(clock);
    }

    @Override
    public String describeDatabase(String databaseUrlOption) {
        DatabaseChoice choice = choose(databaseUrlOption);
        return choice.target().displayName() + " (" + choice.source() + ")";
    }

    @Override
    public List<SchemaDifference> compareSchema(String databaseUrlOption) {
        return revisions().compare(choose(databaseUrlOption).target());
    }

    @Override
    public WrittenRevision autogenerate(String message, Path folder, String databaseUrlOption) {
        return revisions().autogenerate(message, folder, choose(databaseUrlOption).target());
    }

    @Override
    public Path defaultMigrationsFolder() {
        return environment.workingDirectory().resolve("src/main/resources/db");
    }

    @Override
    public Path logFile() {
        return Logs.file(environment);
    }

    private DatabaseChoice choose(String databaseUrlOption) {
        return locator.locate(databaseUrlOption);
    }
}
