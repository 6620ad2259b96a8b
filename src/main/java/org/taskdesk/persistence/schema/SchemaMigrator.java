package org.taskdesk.persistence.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.DroppedRows;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;

/**
 * Moves one database between schema versions. Upgrades are Flyway's migrate; downgrades, stamps and offline
 * scripts are built here on the community edition, which has none of them.
 *
 * <p>Nothing is left half-done: on PostgreSQL an upgrade runs as one transaction and a downgrade too (its DDL is
 * transactional); a local H2 file, whose DDL is not, is copied aside first and put back if anything fails.
 */
final class SchemaMigrator {
    /** For changes: they need the file to themselves (ADR 0016). */
    private final DatabaseConnections connections;
    /** For reading the history: may go through another TaskDesk that has the file open. */
    private final DatabaseConnections readers;
    private final MigrationCatalog catalog;
    private final LocalBackups backups;
    private final SchemaHistory history;
    private final ClassLoader scripts;
    private final ScriptText text;
    private final DatabaseFileCopies copies;
    private final AllOrNothingChange change;
    private final Downgrader downgrader;

    SchemaMigrator(DatabaseConnections connections, LocalBackups backups) {
        this(connections, backups, SchemaMigrator.class.getClassLoader());
    }

    /** With the migration scripts of {@code scripts}: tests add broken or future migrations this way. */
    SchemaMigrator(DatabaseConnections connections, LocalBackups backups, ClassLoader scripts) {
        this.connections = connections.exclusive();
        this.readers = connections;
        this.catalog = MigrationCatalog.load(connections.target().kind(), scripts);
        this.backups = backups;
        this.history = new SchemaHistory(connections.target().kind());
        this.scripts = scripts;
        this.text = new ScriptText(catalog, scripts);
        this.copies = new DatabaseFileCopies(this.connections, backups, history);
        this.change = new AllOrNothingChange(this.connections, backups, copies);
        this.downgrader = new Downgrader(this.connections, catalog, history, text);
    }

    public MigrationCatalog catalog() {
        return catalog;
    }

    public DatabaseTarget target() {
        return connections.target();
    }

    /**
     * The applied versions, oldest first. Creates nothing: a local file that does not exist yet has none,
     * and so does a server database without Flyway's table.
     */
    public List<AppliedMigration> applied() {
        DatabaseTarget target = connections.target();
        if (target.h2File().isPresent()) {
            Path file = target.h2File().get();
            ChangeInProgress.recoverIfInterrupted(file, backups);
            copies.refuseIfDamaged(file);
        }
        if (target.isMissingLocalFile()) {
            return List.of();
        }
        DatabaseConnections readOnly = readers.to(target.ifExists());
        try (Connection connection = readOnly.open()) {
            return history.applied(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "read the schema history", e);
        } catch (TaskDeskException e) {
            if (e.code() == ErrorCode.DATABASE_DAMAGED && target.h2File().isPresent()) {
                throw copies.damaged(target.h2File().get(), "is damaged (" + DatabaseErrors.firstLine(rootCause(e)) + ")",
                        e);
            }
            throw e;
        }
    }

    /** The copies of the local database file in its backups folder, newest first, each with its version. */
    public List<StoredCopy> copies() {
        return copies.copies();
    }

    /**
     * Puts {@code copy} in place of the local database file, atomically, keeping the file that was there beside it
     * under a new name; an interrupted schema change is forgotten (the copy supersedes it).
     */
    public RestoredCopy restore(Path copy) {
        return copies.restore(copy);
    }

    /** Applies the migrations after the current version up to {@code targetVersion}. */
    public void upgrade(int currentVersion, int targetVersion, StepListener listener) {
        ProgressCallback progress = new ProgressCallback(listener, currentVersion);
        change.run("upgrade-to-v" + targetVersion, () -> {
            try {
                flyway(targetVersion).callbacks(progress).load().migrate();
            } catch (FlywayException e) {
                throw upgradeFailed(progress.running(), e);
            }
        });
    }

    /** Runs the downgrade scripts from the current version down to {@code targetVersion}, newest first. */
    public void downgrade(int targetVersion, StepListener listener) {
        downgrade(targetVersion, true, listener);
    }

    /**
     * Runs the downgrade scripts down to {@code targetVersion}; unless {@code mayDropRows}, refuses (changing
     * nothing) when a table it would drop holds rows by the time the history is locked.
     */
    public void downgrade(int targetVersion, boolean mayDropRows, StepListener listener) {
        change.run("downgrade-to-v" + targetVersion, () -> downgrader.trimHistory(targetVersion, listener, true, mayDropRows));
    }

    /** The rows held by the tables that a downgrade from {@code from} to {@code to} would drop. Reads only. */
    public DroppedRows rowsDroppedByDowngrade(int from, int to) {
        return downgrader.rowsDroppedByDowngrade(from, to);
    }

    /**
     * Marks the database as being at {@code targetVersion} without running any script: forward by recording the
     * versions as applied, backward by removing their rows newest first.
     */
    public void stamp(int currentVersion, int targetVersion) {
        if (targetVersion > currentVersion) {
            try {
                flyway(targetVersion).skipExecutingMigrations(true).load().migrate();
            } catch (FlywayException e) {
                throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Could not stamp " + target().displayName()
                        + " at " + targetVersion + ": " + DatabaseErrors.firstLine(rootCause(e)) + ".", e);
            }
        } else if (targetVersion < currentVersion) {
            downgrader.trimHistory(targetVersion, StepListener.NONE, false, true);
        }
    }

    /** The SQL an upgrade from {@code from} to {@code to} would run, with a comment before each step. */
    public String upgradeScript(int from, int to) {
        return text.upgradeScript(from, to);
    }

    /** The SQL a downgrade from {@code from} to {@code to} would run, with a comment before each step. */
    public String downgradeScript(int from, int to) {
        return text.downgradeScript(from, to);
    }

    private FluentConfiguration flyway(int targetVersion) {
        return Flyway.configure(scripts)
                .dataSource(connections)
                .locations(catalog.flywayLocations())
                .target(String.valueOf(targetVersion))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(false)
                // PostgreSQL's DDL is transactional: one transaction for all pending steps makes an upgrade
                // all-or-nothing. H2 commits DDL at once, so grouping would promise what it cannot keep.
                .group(target().kind() == DatabaseKind.POSTGRESQL)
                .loggers("slf4j");
    }

    private TaskDeskException upgradeFailed(MigrationInfo running, FlywayException e) {
        Optional<TaskDeskException> full = DatabaseErrors.diskFull(target(), e);
        if (full.isPresent()) {
            return full.get();
        }
        String cause = DatabaseErrors.firstLine(rootCause(e));
        String message;
        if (e.getClass().getSimpleName().equals("FlywayValidateException")) {
            message = "The database's migration history does not match this TaskDesk (" + cause + "): an applied "
                    + "migration was changed or removed. Nothing was changed.";
            return new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, DatabaseErrors.redact(message, target()), e);
        }
        message = running == null
                ? "The upgrade failed: " + cause + "."
                : "Migration " + running.getVersion() + " (" + running.getDescription() + ") failed: " + cause + ".";
        return new TaskDeskException(ErrorCode.MIGRATION_FAILED, DatabaseErrors.redact(message, target()), e);
    }

    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static String label(int version) {
        return version == 0 ? "<base>" : String.valueOf(version);
    }
}
