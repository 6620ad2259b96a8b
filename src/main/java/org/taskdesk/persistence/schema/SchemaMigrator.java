package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern DROP_TABLE = Pattern.compile(
            "(?im)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?");

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
        if (target.h2File().isPresent()) {
            Path file = target.h2File().get();
            ChangeInProgress.recoverIfInterrupted(file, backups);
            refuseIfDamaged(file);
        }
        if (target.isMissingLocalFile()) {
            return List.of();
        }
        DatabaseConnections readOnly = connections.to(target.ifExists());
        try (Connection connection = readOnly.open()) {
            return history.applied(connection);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "read the schema history", e);
        } catch (TaskDeskException e) {
            if (e.code() == ErrorCode.DATABASE_DAMAGED && target.h2File().isPresent()) {
                throw damaged(target.h2File().get(), "is damaged (" + DatabaseErrors.firstLine(rootCause(e)) + ")", e);
            }
            throw e;
        }
    }

    /** The copies of the local database file in its backups folder, newest first, each with its version. */
    public List<StoredCopy> copies() {
        Path file = localFile("list the copies of");
        List<StoredCopy> copies = new ArrayList<>();
        for (LocalBackups.Copy copy : backups.copies(file)) {
            copies.add(describe(copy));
        }
        return copies;
    }

    /**
     * Puts {@code copy} in place of the local database file, atomically, keeping the file that was there beside it
     * under a new name; an interrupted schema change is forgotten (the copy supersedes it).
     */
    public RestoredCopy restore(Path copy) {
        Path file = localFile("restore");
        if (!Files.isRegularFile(copy)) {
            throw new TaskDeskException(ErrorCode.NOT_FOUND, "There is no copy at " + copy + ": 'taskdesk db restore' "
                    + "without a name lists the copies of " + file + ".");
        }
        Optional<String> problem = LocalDatabaseFile.problem(copy);
        if (problem.isPresent()) {
            throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The copy " + copy + " " + problem.get()
                    + ": choose another one ('taskdesk db restore' lists them). Nothing was changed.");
        }
        connections.prepareLocalFolder();
        try (ChangeInProgress note = ChangeInProgress.lock(file)) {
            Path aside = backups.restoreKeepingCurrent(copy, file);
            note.clear();
            connections.restrictLocalFile();
            LOG.info("Restored {} from {}; the file that was there is now {}", file, copy, aside);
            return new RestoredCopy(file, copy, aside);
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Could not restore " + file + " from " + copy
                    + " (" + e.getMessage() + "); the database file was not replaced.", e);
        }
    }

    private Path localFile(String action) {
        return connections.target().h2File().orElseThrow(() -> new TaskDeskException(ErrorCode.INVALID_INPUT,
                "Cannot " + action + " " + target().displayName() + ": TaskDesk keeps copies of local database files "
                        + "only; a server's owner restores it with the server's own tools."));
    }

    private StoredCopy describe(LocalBackups.Copy copy) {
        Optional<String> problem = LocalDatabaseFile.problem(copy.file());
        if (problem.isPresent()) {
            return new StoredCopy(copy.file(), copy.taken(), -1, problem.get());
        }
        String base = copy.file().toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        DatabaseTarget readOnly = new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:file:" + base
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", target().user(), target().password(),
                copy.file().toString(), Optional.empty());
        try (Connection connection = new DatabaseConnections(readOnly).getConnection()) {
            int version = history.applied(connection).stream().mapToInt(AppliedMigration::version).max().orElse(0);
            return new StoredCopy(copy.file(), copy.taken(), version, null);
        } catch (SQLException e) {
            LOG.info("Cannot read the copy {}", copy.file(), e);
            return new StoredCopy(copy.file(), copy.taken(), -1, "cannot be opened (" + DatabaseErrors.firstLine(e) + ")");
        }
    }

    /** Before H2 sees the file: one that is not a usable database is never written, let alone replaced. */
    private void refuseIfDamaged(Path file) {
        Optional<String> problem = LocalDatabaseFile.problem(file);
        if (problem.isPresent()) {
            throw damaged(file, problem.get(), null);
        }
    }

    private TaskDeskException damaged(Path file, String problem, Throwable cause) {
        String message = "The database file " + file + " " + problem + "; TaskDesk has not changed it. ";
        Optional<StoredCopy> newest = backups.copies(file).stream().map(this::describe)
                .filter(StoredCopy::usable).findFirst();
        if (newest.isPresent()) {
            StoredCopy copy = newest.get();
            message += "The newest copy is " + copy.file() + " (taken " + StoredCopy.format(copy.taken())
                    + ", version " + label(copy.version()) + "): restore it with 'taskdesk db restore "
                    + copy.file().getFileName() + "'.";
        } else {
            message += "There is no copy of it in " + file.toAbsolutePath().getParent().resolve("backups")
                    + ": move it aside to start a new, empty database, or put back a copy of your own.";
        }
        return new TaskDeskException(ErrorCode.DATABASE_DAMAGED, message, cause);
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
        downgrade(targetVersion, true, listener);
    }

    /**
     * Runs the downgrade scripts down to {@code targetVersion}; unless {@code mayDropRows}, refuses (changing
     * nothing) when a table it would drop holds rows by the time the history is locked.
     */
    public void downgrade(int targetVersion, boolean mayDropRows, StepListener listener) {
        changeSchema("downgrade-to-v" + targetVersion, () -> trimHistory(targetVersion, listener, true, mayDropRows));
    }

    /** The rows held by the tables that a downgrade from {@code from} to {@code to} would drop. Reads only. */
    public DroppedRows rowsDroppedByDowngrade(int from, int to) {
        List<String> tables = tablesDroppedBy(from, to);
        DatabaseTarget target = connections.target();
        if (tables.isEmpty() || target.isMissingLocalFile()) {
            return new DroppedRows(Map.of());
        }
        try (Connection connection = new DatabaseConnections(target.ifExists()).open()) {
            connection.setAutoCommit(false);
            try {
                return countRows(connection, tables);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw DatabaseErrors.failed(target, "count the rows the downgrade would remove", e);
        }
    }

    /** The tables the downgrade scripts from {@code from} down to {@code to} drop, in the order they run. */
    private List<String> tablesDroppedBy(int from, int to) {
        List<String> tables = new ArrayList<>();
        List<MigrationScript> newestFirst = new ArrayList<>(catalog.scripts());
        Collections.reverse(newestFirst);
        for (MigrationScript script : newestFirst) {
            if (script.version() <= from && script.version() > to && script.downgradeResource() != null) {
                Matcher matcher = DROP_TABLE.matcher(read(script.downgradeResource()));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private DroppedRows countRows(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean postgres = target().kind() == DatabaseKind.POSTGRESQL;
        for (String table : tables) {
            String stored = postgres ? table : table.toUpperCase(Locale.ROOT);
            try (ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    stored, new String[] {"TABLE"})) {
                if (!found.next()) {
                    continue;
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    // Forced row-level security hides every row from the owner too. Lifted inside this transaction
                    // only, which the caller rolls back: the count must see everyone's rows.
                    statement.execute("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY");
                }
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return new DroppedRows(counts);
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
            trimHistory(targetVersion, StepListener.NONE, false, true);
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
        Collections.reverse(scripts);
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
        if (file.isPresent()) {
            changeLocalFile(file.get(), reason, change);
            return;
        }
        try {
            connections.duringSchemaChange(change);
        } catch (RuntimeException failure) {
            if (target.kind() == DatabaseKind.POSTGRESQL && failure instanceof TaskDeskException taskDesk
                    && taskDesk.code() == ErrorCode.MIGRATION_FAILED) {
                // Only PostgreSQL ran it in one transaction; an H2 server or in-memory database has no copy to restore.
                throw new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                        + " Nothing was changed: the whole change ran in one transaction.", taskDesk.getCause());
            }
            throw failure;
        }
    }

    /**
     * A local file: copied first, the change noted (so that a kill mid-way is undone at the next start, see
     * {@link ChangeInProgress}), and the copy put back if the change fails.
     */
    private void changeLocalFile(Path file, String reason, Runnable change) {
        connections.prepareLocalFolder();
        try (ChangeInProgress note = ChangeInProgress.lock(file)) {
            note.recover(backups);
            refuseIfDamaged(file);
            Path backup = Files.exists(file) ? backups.backUp(file, reason) : null;
            note.begin(backup);
            long connectionsBefore = connections.connectionsOpened();
            try {
                change.run();
            } catch (RuntimeException failure) {
                if (connections.connectionsOpened() == connectionsBefore) {
                    // It never got a connection (another program has the file open, say), so it changed nothing.
                    // Putting the copy back would rename it over a file that program is still writing to: its
                    // saves would go on into a file no longer in the folder.
                    note.clear();
                    throw neverConnected(failure);
                }
                RuntimeException reported = putBack(file, backup, failure);
                note.clear(); // only once the file is back as it was: else the next start tries again
                throw reported;
            }
            note.clear();
        }
        connections.restrictLocalFile();
    }

    /** The failure of a change that could not connect: as any failed connection reads ("in use", …). */
    private RuntimeException neverConnected(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return DatabaseErrors.connectionFailed(target(), sql);
            }
        }
        return failure;
    }

    /** Puts the file back as it was; returns what to report. If that fails too, throws at once, keeping the note. */
    private RuntimeException putBack(Path file, Path backup, RuntimeException failure) {
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
            return new TaskDeskException(taskDesk.code(), taskDesk.getMessage()
                    + " The database was put back as it was before, from the copy at " + backup + ".", failure.getCause());
        }
        return failure;
    }

    private void trimHistory(int targetVersion, StepListener listener, boolean runScripts, boolean mayDropRows) {
        DatabaseTarget target = connections.target();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                history.lock(connection);
                List<AppliedMigration> applied = new ArrayList<>(history.applied(connection));
                if (!mayDropRows && !applied.isEmpty()) {
                    refuseIfRowsWouldGo(connection, applied.get(applied.size() - 1).version(), targetVersion);
                }
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

    /** Checked again under the history lock: rows may have been added since the user was asked. */
    private void refuseIfRowsWouldGo(Connection connection, int from, int to) throws SQLException {
        Savepoint beforeCount = connection.setSavepoint();
        DroppedRows rows = countRows(connection, tablesDroppedBy(from, to));
        connection.rollback(beforeCount);
        if (!rows.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Downgrading to " + label(to) + " would now remove "
                    + rows.describe() + ", added since it was checked: nothing was changed. Add --yes to downgrade anyway.");
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
