package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.MigrationOutcome;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.FreshDatabase;

/** Nothing is lost: failed, newer and concurrent migrations leave every database in a state a user can trust. */
class MigrationSafetyTest {
    @TempDir
    Path folder;

    private DatabaseTarget fresh(DatabaseKind kind) {
        return new DatabaseUrl(folder, folder).parse(FreshDatabase.url(kind, folder));
    }

    private static SchemaMigrator migrator(DatabaseTarget target, ClassLoader scripts) {
        return new SchemaMigrator(new DatabaseConnections(target), new LocalBackups(Clock.systemUTC()), scripts);
    }

    private static SchemaMigrator migrator(DatabaseTarget target) {
        return migrator(target, MigrationSafetyTest.class.getClassLoader());
    }

    /** This build's migrations plus a version 90 with {@code sql}, as a later build or a broken script would have. */
    private ClassLoader withVersion90(String name, String sql) throws Exception {
        Path extra = folder.resolve("extra-" + System.nanoTime());
        for (String kind : List.of("h2", "postgresql")) {
            Path upgrade = extra.resolve("db/migration/" + kind + "/V90__" + name + ".sql");
            Path downgrade = extra.resolve("db/downgrade/" + kind + "/U90__" + name + ".sql");
            Files.createDirectories(upgrade.getParent());
            Files.createDirectories(downgrade.getParent());
            Files.writeString(upgrade, sql);
            Files.writeString(downgrade, "DROP TABLE future_things;");
        }
        return new URLClassLoader(new URL[] {extra.toUri().toURL()}, getClass().getClassLoader());
    }

    @org.junit.jupiter.api.Test
    void anUpgradeThatCannotOpenAFileHeldByAnotherProgramNeverReplacesIt() throws Exception {
        DatabaseTarget target = fresh(DatabaseKind.H2);
        Path file = target.h2File().orElseThrow();
        int head = migrator(target).catalog().head();
        migrator(target).upgrade(0, head, StepListener.NONE);
        ClassLoader later = withVersion90("later_step", "CREATE TABLE future_things (id INTEGER);");

        try (var held = org.taskdesk.testing.HeldDatabase.by(file)) {
            Object inode = Files.getAttribute(file, "unix:ino");

            TaskDeskException e = assertThrows(TaskDeskException.class,
                    () -> migrator(target, later).upgrade(head, 90, StepListener.NONE));

            // Renaming the copy over it would leave the other program saving into a file no longer in the folder.
            assertThat(Files.getAttribute(file, "unix:ino")).as("the same file the other program has open")
                    .isEqualTo(inode);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.DATABASE_IN_USE);
        }
        assertThat(count(target, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '90'")).isZero();
        assertThat(migrator(target).applied()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailedMigrationLeavesTheDatabaseAsItWasBefore(DatabaseKind kind) throws Exception {
        DatabaseTarget target = fresh(kind);
        int head = migrator(target).catalog().head();
        migrator(target).upgrade(0, head, StepListener.NONE);
        execute(target, "INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
        ClassLoader broken = withVersion90("broken_step",
                "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");

        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> migrator(target, broken).upgrade(head, 90, StepListener.NONE));

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(e.getMessage()).startsWith("Migration 90 (broken step) failed:").containsIgnoringCase("no_such_table");
        if (kind == DatabaseKind.H2) {
            String copy = e.getMessage().replaceAll(".*from the copy at (.*)\\.$", "$1");
            assertThat(Path.of(copy)).exists();
        } else {
            assertThat(e.getMessage()).contains("Nothing was changed");
        }
        assertThat(migrator(target).applied()).extracting(AppliedMigration::version)
                .containsExactlyElementsOf(versions(kind));
        assertThat(tables(target)).contains("users", "tasks").doesNotContain("half_done");
        assertThat(count(target, "SELECT COUNT(*) FROM users")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDatabaseFromANewerTaskDeskIsRefusedAndNeverModified(DatabaseKind kind) throws Exception {
        DatabaseTarget target = fresh(kind);
        migrator(target, withVersion90("future_feature", "CREATE TABLE future_things (id INTEGER);"))
                .upgrade(0, 90, StepListener.NONE);
        MigrationService service = new MigrationService(new FlywaySchema(migrator(target)));
        List<String> before = tables(target);

        assertThat(service.status().isNewerThanProgram()).isTrue();
        for (Callable<MigrationOutcome> change : List.<Callable<MigrationOutcome>>of(
                () -> service.upgrade("head", step -> { }),
                () -> service.downgrade("-1", step -> { }),
                () -> service.stamp("1"))) {
            TaskDeskException e = assertThrows(TaskDeskException.class, change::call);
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
            assertThat(e.getMessage()).contains("at version 90, made by a newer TaskDesk")
                    .contains("knows versions up to " + MigrationCatalog.forKind(kind).head()).contains("Nothing was changed");
        }
        assertThat(tables(target)).isEqualTo(before).contains("future_things");
        List<Integer> expected = new ArrayList<>(versions(kind));
        expected.add(90);
        assertThat(migrator(target).applied()).extracting(AppliedMigration::version).containsExactlyElementsOf(expected);
    }

    @RepeatedTest(3)
    void twoProcessesMigratingOneEmptyPostgresAtOnceBothEndAtHeadWithEachStepOnce() throws Exception {
        DatabaseTarget target = fresh(DatabaseKind.POSTGRESQL);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationOutcome>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    MigrationService service = new MigrationService(new FlywaySchema(migrator(target)));
                    start.await();
                    return service.upgradeToHead(step -> { });
                }));
            }
            start.countDown();
            for (Future<MigrationOutcome> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).to()).isEqualTo(MigrationCatalog.forKind(DatabaseKind.POSTGRESQL).head());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions(DatabaseKind.POSTGRESQL)).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18);
        for (int version : versions(DatabaseKind.POSTGRESQL)) {
            assertThat(count(target, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + version + "'"))
                    .as("rows for version %d", version).isEqualTo(1);
        }
        assertThat(new MigrationService(new FlywaySchema(migrator(target))).status().isAtHead()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeOnAnEmptyH2FileThatFailsRemovesTheHalfMadeFile(DatabaseKind kind) throws Exception {
        if (kind != DatabaseKind.H2) {
            return;
        }
        DatabaseTarget target = fresh(kind);
        ClassLoader broken = withVersion90("broken_step", "INSERT INTO no_such_table VALUES (1);");

        assertThrows(TaskDeskException.class, () -> migrator(target, broken).upgrade(0, 90, StepListener.NONE));

        assertThat(target.h2File().orElseThrow()).doesNotExist();
    }

    /** Every version this build ships for {@code kind}, oldest first. */
    private static List<Integer> versions(DatabaseKind kind) {
        return MigrationCatalog.forKind(kind).scripts().stream().map(MigrationScript::version).toList();
    }

    private static void execute(DatabaseTarget target, String sql) throws Exception {
        try (Connection connection = new DatabaseConnections(target).open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DatabaseTarget target, String sql) throws Exception {
        try (Connection connection = new DatabaseConnections(target).open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql.replace("flyway_schema_history", "\"flyway_schema_history\"")
                     .replace("version =", "\"version\" ="))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tables(DatabaseTarget target) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = new DatabaseConnections(target).open();
             ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        names.sort(null);
        return names;
    }
}
