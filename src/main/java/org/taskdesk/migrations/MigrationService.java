package org.taskdesk.migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * Alembic's migration commands for one database: current, history, heads, upgrade, downgrade, stamp and their
 * offline SQL. The desktop app uses {@link #upgradeToHead} on launch; {@code taskdesk db} uses the rest.
 */
public final class MigrationService {
    private final DatabaseSchema schema;
    /** Oldest first. */
    private final List<Revision> revisions;

    public MigrationService(DatabaseSchema schema) {
        this.schema = schema;
        this.revisions = schema.revisions();
    }

    /** Where the database stands. Creates nothing, not even an empty local file. */
    public DatabaseStatus status() {
        return status(schema.applied());
    }

    private DatabaseStatus status(List<AppliedRevision> applied) {
        Set<Integer> known = versions().stream().collect(Collectors.toSet());
        int current = 0;
        List<Integer> newer = new ArrayList<>();
        for (AppliedRevision row : applied) {
            if (known.contains(row.version())) {
                current = Math.max(current, row.version());
            } else {
                newer.add(row.version());
            }
        }
        return new DatabaseStatus(schema.databaseName(), current, head(), newer);
    }

    /** Every known revision, newest first, with what the database says of each. */
    public List<HistoryEntry> history() {
        List<AppliedRevision> rows = schema.applied(); // once: each read opens the database
        Map<Integer, AppliedRevision> applied = rows.stream()
                .collect(Collectors.toMap(AppliedRevision::version, Function.identity(), (a, b) -> b));
        int current = status(rows).current();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Revision revision : revisions) {
            AppliedRevision row = applied.get(revision.version());
            entries.add(0, new HistoryEntry(revision, revision.version() == head(),
                    revision.version() == current && current != 0, row != null,
                    row == null ? null : row.installedOn(), row == null ? null : row.installedBy()));
        }
        return entries;
    }

    /** The newest revisions; TaskDesk's history is linear, so there is one. */
    public List<Revision> heads() {
        return revisions.stream().filter(revision -> revision.version() == head()).toList();
    }

    /** Upgrades to {@code target} (head, a version, +N), telling {@code steps} as each one starts. */
    public MigrationOutcome upgrade(String target, Consumer<MigrationStep> steps) {
        DatabaseStatus status = changeableStatus();
        int to = RevisionTarget.forUpgrade(target, status.current(), versions());
        if (to < status.current()) {
            return new MigrationOutcome(status.current(), status.current(), "The database is already at "
                    + status.current() + ", past " + to + "; nothing to do. To go back, use 'taskdesk db downgrade "
                    + to + "'.");
        }
        if (to == status.current()) {
            return new MigrationOutcome(to, to, "The database is already at " + label(to) + "; nothing to do.");
        }
        schema.upgrade(status.current(), to, steps);
        return new MigrationOutcome(status.current(), to, null);
    }

    /** What the desktop app does on launch: everything pending, with the same checks as {@code db upgrade head}. */
    public MigrationOutcome upgradeToHead(Consumer<MigrationStep> steps) {
        return upgrade("head", steps);
    }

    /** Downgrades to {@code target} (base, a version, -N), newest step first, whatever tables it drops. */
    public MigrationOutcome downgrade(String target, Consumer<MigrationStep> steps) {
        return downgrade(target, true, steps);
    }

    /**
     * Downgrades to {@code target} (base, a version, -N), newest step first. Unless {@code confirmed}, a downgrade
     * that would drop tables holding rows changes nothing and says what it would remove.
     */
    public MigrationOutcome downgrade(String target, boolean confirmed, Consumer<MigrationStep> steps) {
        DatabaseStatus status = changeableStatus();
        int to = RevisionTarget.forDowngrade(target, status.current(), versions());
        if (to > status.current()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The database is at " + label(status.current())
                    + ", below " + to + ": use 'taskdesk db upgrade " + to + "' to go forward.");
        }
        if (to == status.current()) {
            return new MigrationOutcome(to, to, "The database is already at " + label(to) + "; nothing to do.");
        }
        if (!confirmed) {
            DroppedRows rows = schema.rowsDroppedByDowngrade(status.current(), to);
            if (!rows.isEmpty()) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Downgrading to " + label(to) + " would remove "
                        + rows.describe() + ": nothing was changed. Add --yes to downgrade anyway.");
            }
        }
        schema.downgrade(to, confirmed, steps);
        return new MigrationOutcome(status.current(), to, null);
    }

    /** The copies of a local database file taken before its schema changes, newest first. */
    public List<BackupCopy> backupCopies() {
        return schema.backupCopies();
    }

    /**
     * Puts a copy in place of the local database file: {@code copy} is a name from {@link #backupCopies} or the
     * path of any copy. The file that was there is kept beside it under a new name.
     */
    public RestoredBackup restore(String copy) {
        if (copy == null || copy.isBlank()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Name the copy to restore: 'taskdesk db restore' "
                    + "lists them.");
        }
        Path named = Path.of(copy.strip());
        Path file = named.getNameCount() == 1 && !named.isAbsolute()
                ? backupsFolder().resolve(named) : named.toAbsolutePath();
        return schema.restore(file);
    }

    /** The restore of the newest usable copy, as the desktop app offers it for a damaged file. */
    public Optional<BackupCopy> newestUsableCopy() {
        return backupCopies().stream().filter(BackupCopy::usable).findFirst();
    }

    private Path backupsFolder() {
        return schema.localFile().map(f -> f.toAbsolutePath().getParent().resolve("backups"))
                .orElseThrow(() -> new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot restore "
                        + schema.databaseName() + ": TaskDesk keeps copies of local database files only; "
                        + "a server's owner restores it with the server's own tools."));
    }

    /**
     * Checks that a database its owner migrates (a shared server) is ready for this program: not from a newer
     * TaskDesk, not empty, and at head. Reads only.
     */
    public DatabaseStatus requireAtHead() {
        DatabaseStatus status = status();
        refuseIfNewer(status);
        if (status.isEmpty()) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database " + status.database()
                    + " has no TaskDesk tables yet: its owner must run 'taskdesk db upgrade head' and, for a shared "
                    + "server, 'taskdesk server setup'.");
        }
        if (!status.isAtHead()) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database " + status.database() + " is at version "
                    + status.current() + "; this TaskDesk needs " + status.head()
                    + ". Ask its owner to run 'taskdesk db upgrade head'.");
        }
        return status;
    }

    /** Records the database as being at {@code target} without running any script. */
    public MigrationOutcome stamp(String target) {
        DatabaseStatus status = changeableStatus();
        int to = RevisionTarget.forStamp(target, versions());
        schema.stamp(status.current(), to);
        return new MigrationOutcome(status.current(), to,
                to == status.current() ? "The database is already stamped at " + label(to) + "." : null);
    }

    /**
     * The SQL of an upgrade, touching nothing. {@code range} is Alembic's: a target such as {@code head}, counted
     * from the database's current version (read, never written), or {@code from:to}, which needs no database.
     */
    public String upgradeSql(String range) {
        int[] fromTo = range(range, true);
        return schema.upgradeSql(fromTo[0], fromTo[1]);
    }

    /** The SQL of a downgrade, touching nothing; {@code range} as for {@link #upgradeSql}. */
    public String downgradeSql(String range) {
        int[] fromTo = range(range, false);
        return schema.downgradeSql(fromTo[0], fromTo[1]);
    }

    private int[] range(String range, boolean upgrade) {
        String text = range == null ? "" : range.strip();
        int colon = text.indexOf(':');
        int from;
        String target;
        if (colon >= 0) {
            from = RevisionTarget.forStamp(text.substring(0, colon), versions());
            target = text.substring(colon + 1);
        } else {
            DatabaseStatus status = status();
            refuseIfNewer(status);
            from = status.current();
            target = text;
        }
        int to = upgrade ? RevisionTarget.forUpgrade(target, from, versions())
                : RevisionTarget.forDowngrade(target, from, versions());
        if (upgrade ? to < from : to > from) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot " + (upgrade ? "upgrade" : "downgrade")
                    + " from " + label(from) + " to " + label(to) + ": that is the other direction.");
        }
        return new int[] {from, to};
    }

    private DatabaseStatus changeableStatus() {
        DatabaseStatus status = status();
        refuseIfNewer(status);
        return status;
    }

    private void refuseIfNewer(DatabaseStatus status) {
        if (status.isNewerThanProgram()) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database " + status.database() + " is at version "
                    + status.newestApplied() + ", made by a newer TaskDesk; this TaskDesk knows versions up to "
                    + status.head() + ". Nothing was changed: install the newer TaskDesk to use this database.");
        }
    }

    private List<Integer> versions() {
        return revisions.stream().map(Revision::version).toList();
    }

    /** The newest version this program ships, 0 when there is none. */
    private int head() {
        return revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).version();
    }

    private static String label(int version) {
        return Revision.label(version);
    }
}
