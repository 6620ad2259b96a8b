package org.taskdesk.persistence.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
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
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DatabaseConnections connections;
    private final MigrationCatalog catalog;
    private final LocalBackups backups;
    private final SchemaHistory history;
    private final ClassLoader scripts;

    public SchemaMigrator(DatabaseConnections connections, LocalBackups backups) {
        this(connections, backups, SchemaMigrator.class.getClassLoader());
    }

    /** With the migration scripts of {@code scripts}: tests add broken or future migrations this way. */
    SchemaMigrator(DatabaseConnections connections, LocalBackups backups, ClassLoader scripts) {
        this.connections = connections;
        this.catalog = MigrationCatalog.load(connections.target().kind(), scripts);
        this.backups = backups;
        this.history = new SchemaHistory(connections.target().kind());
        this.scripts = scripts;
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
        if (target.isMissingLocalFile()) {
            return List.of();
        }
        DatabaseConnections readOnly = connections.to(target.ifExists());
        try (Connection connection = readOnly.open()) {
            return history.applied(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "read the schema history", e);
        }
    }

    /** Applies the migrations after the current version up to {@code targetVersion}. */
    public void upgrade(int currentVersion, int targetVersion, StepListener listener) {
        ProgressCallback progress = new ProgressCallback(listener, currentVersion);
        changeSchema("upgrade-to-v" + targetVersion, () -> {
            try {
                flyway(targetVersion).callbacks(progress).load().migrate();
            } catch (FlywayException e) {
                throw upgradeFailed(progress.running(), e);
            }
        });
    }

    /** Runs the downgrade scripts from the current version down to {@code targetVersion}, newest first. */
    public void downgrade(int targetVersion, StepListener listener) {
        changeSchema("downgrade-to-v" + targetVersion, () -> trimHistory(targetVersion, listener, true));
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
            trimHistory(targetVersion, StepListener.NONE, false);
        }
    }

    /** The SQL an upgrade from {@code from} to {@code to} would run, with a comment before each step. */
    public String upgradeScript(int from, int to) {
        StringBuilder sql = new StringBuilder();
        int previous = from;
        for (MigrationScript script : catalog.scripts()) {
            if (script.version() > from && script.version() <= to) {
                sql.append("-- Running upgrade ").append(label(previous)).append(" -> ").append(script.version())
                        .append(", ").append(script.description()).append('\n')
                        .append(read(script.upgradeResource()).strip()).append("\n\n");
                previous = script.version();
            }
        }
        return sql.toString();
    }

    /** The SQL a downgrade from {@code from} to {@code to} would run, with a comment before each step. */
    public String downgradeScript(int from, int to) {
        StringBuilder sql = new StringBuilder();
        List<MigrationScript> scripts = new ArrayList<>(catalog.scripts());
        java.util.Collections.reverse(scripts);
        for (MigrationScript script : scripts) {
            if (script.version() <= from && script.version() > to) {
                sql.append("-- Running downgrade ").append(script.version()).append(" -> ")
                        .append(label(catalog.previous(script.version()))).append(", ").append(script.description())
                        .append('\n').append(read(downgradeResource(script)).strip()).append("\n\n");
            }
        }
        return sql.toString();
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

    /**
     * Runs a schema change; for a local H2 file, copies it aside first and puts it back if the change fails.
     * A file that did not exist before is removed again instead, so the next attempt starts clean.
     */
    private void changeSchema(String reason, Runnable change) {
        DatabaseTarget target = connections.target();
        Optional<Path> file = target.h2File();
        boolean existed = file.map(Files::exists).orElse(false);
        connections.prepareLocalFolder();
        Path backup = existed ? backups.backUp(file.get(), reason) : null;
        try {
            connections.duringSchemaChange(change);
        } catch (RuntimeException failure) {
            if (file.isPresent()) {
                putBack(file.get(), backup, failure);
            } else if (target.kind() == DatabaseKind.POSTGRESQL && failure instanceof TaskDeskException taskDesk
                    && taskDesk.code() == ErrorCode.MIGRATION_FAILED) {
                // Only PostgreSQL ran it in one transaction; an H2 server or in-memory database has no copy to restore.
                throw new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                        + " Nothing was changed: the whole change ran in one transaction.", taskDesk.getCause());
            }
            throw failure;
        }
        connections.restrictLocalFile();
    }

    private void putBack(Path file, Path backup, RuntimeException failure) {
        try {
            if (backup != null) {
                backups.restore(backup, file);
                LOG.warn("Restored {} from {} after a failed schema change", file, backup);
            } else {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.resolveSibling(file.getFileName().toString().replace(".mv.db", ".trace.db")));
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, failure.getMessage() + " Putting the database back "
                    + "also failed (" + e.getMessage() + "): copy " + backup + " over " + file + " by hand.", failure);
        }
        if (failure instanceof TaskDeskException taskDesk && backup != null) {
            throw new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                    + " The database was put back as it was before, from the copy at " + backup + ".", failure.getCause());
        }
    }

    private void trimHistory(int targetVersion, StepListener listener, boolean runScripts) {
        DatabaseTarget target = connections.target();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                history.lock(connection);
                List<AppliedMigration> applied = new ArrayList<>(history.applied(connection));
                while (!applied.isEmpty() && applied.get(applied.size() - 1).version() > targetVersion) {
                    AppliedMigration newest = applied.remove(applied.size() - 1);
                    if (runScripts) {
                        MigrationScript script = catalog.find(newest.version()).orElseThrow(() -> unknownApplied(newest));
                        listener.starting(newest.version(), catalog.previous(newest.version()), script.description());
                        execute(connection, script, newest);
                    }
                    history.delete(connection, newest);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "downgrade the schema", e);
        }
    }

    private void execute(Connection connection, MigrationScript script, AppliedMigration row) {
        String sql = read(downgradeResource(script));
        try (Statement statement = connection.createStatement()) {
            // Both drivers split a script into its statements themselves, quotes and dollar-quoting included.
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, DatabaseErrors.redact("Downgrade of " + row.version()
                    + " (" + script.description() + ") failed: " + DatabaseErrors.firstLine(e) + ".", target()), e);
        }
    }

    private String downgradeResource(MigrationScript script) {
        if (script.downgradeResource() == null) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Version " + script.version() + " ("
                    + script.description() + ") has no downgrade script, so it cannot be undone; nothing was changed.");
        }
        return script.downgradeResource();
    }

    private TaskDeskException unknownApplied(AppliedMigration row) {
        return new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database records version " + row.version()
                + " (" + row.description() + "), which this TaskDesk does not know, so it cannot undo it; nothing was "
                + "changed. Use the TaskDesk that applied it.");
    }

    private TaskDeskException upgradeFailed(MigrationInfo running, FlywayException e) {
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

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static String label(int version) {
        return version == 0 ? "<base>" : String.valueOf(version);
    }

    private String read(String resource) {
        try (InputStream in = scripts.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
