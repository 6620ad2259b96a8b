package org.taskdesk.persistence.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.taskdesk.migrations.AppliedRevision;
import org.taskdesk.migrations.BackupCopy;
import org.taskdesk.migrations.DatabaseSchema;
import org.taskdesk.migrations.DroppedRows;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.migrations.RestoredBackup;
import org.taskdesk.migrations.Revision;

/** The migration service's view of one database, done by {@link SchemaMigrator}: this only translates the records. */
final class FlywaySchema implements DatabaseSchema {
    private final SchemaMigrator migrator;

    FlywaySchema(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public String databaseName() {
        return migrator.target().displayName();
    }

    @Override
    public Optional<Path> localFile() {
        return migrator.target().h2File();
    }

    @Override
    public List<Revision> revisions() {
        MigrationCatalog catalog = migrator.catalog();
        return catalog.scripts().stream().map(script -> new Revision(script.version(),
                catalog.previous(script.version()), script.description(), script.upgradeResource(),
                script.downgradeResource())).toList();
    }

    @Override
    public List<AppliedRevision> applied() {
        return migrator.applied().stream()
                .map(row -> new AppliedRevision(row.version(), row.installedOn(), row.installedBy())).toList();
    }

    @Override
    public void upgrade(int from, int to, Consumer<MigrationStep> steps) {
        migrator.upgrade(from, to, (stepFrom, version, description) ->
                steps.accept(new MigrationStep(true, stepFrom, version, description)));
    }

    @Override
    public DroppedRows rowsDroppedByDowngrade(int from, int to) {
        return migrator.rowsDroppedByDowngrade(from, to);
    }

    @Override
    public void downgrade(int to, boolean mayDropRows, Consumer<MigrationStep> steps) {
        migrator.downgrade(to, mayDropRows, (from, version, description) ->
                steps.accept(new MigrationStep(false, from, version, description)));
    }

    @Override
    public void stamp(int from, int to) {
        migrator.stamp(from, to);
    }

    @Override
    public String upgradeSql(int from, int to) {
        return migrator.upgradeScript(from, to);
    }

    @Override
    public String downgradeSql(int from, int to) {
        return migrator.downgradeScript(from, to);
    }

    @Override
    public List<BackupCopy> backupCopies() {
        return migrator.copies().stream()
                .map(copy -> new BackupCopy(copy.file(), copy.taken(), copy.version(), copy.problem())).toList();
    }

    @Override
    public RestoredBackup restore(Path copy) {
        RestoredCopy restored = migrator.restore(copy);
        return new RestoredBackup(restored.database(), restored.copy(), restored.keptAside());
    }
}
