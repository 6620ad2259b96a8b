package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;

class RevisionCommandTest {
    @TempDir
    Path folder;

    private CliResult run(String... args) {
        return new TaskDeskCli(TestEnvironment.in(folder)).run(args);
    }

    @Test
    void revisionWritesTheNextNumberedUpgradeAndDowngradeAndPrintsTheirPaths() throws Exception {
        Path db = folder.resolve("src/main/resources/db");
        Files.createDirectories(db.resolve("migration/common"));

        CliResult first = run("db", "revision", "-m", "Add reminders table!");
        CliResult second = run("db", "revision", "-m", "add snooze");

        // The next number follows the newest version shipped for either database, not just the (empty) folder.
        int next = Math.max(MigrationCatalog.forKind(DatabaseKind.H2).head(),
                MigrationCatalog.forKind(DatabaseKind.POSTGRESQL).head()) + 1;
        Path upgrade = db.resolve("migration/common/V" + next + "__add_reminders_table.sql");
        Path downgrade = db.resolve("downgrade/common/U" + next + "__add_reminders_table.sql");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains(upgrade.toString(), downgrade.toString());
        assertThat(Files.readString(upgrade)).contains("Version " + next + ": Add reminders table!");
        assertThat(downgrade).exists();
        assertThat(second.out()).contains("V" + (next + 1) + "__add_snooze.sql", "U" + (next + 1) + "__add_snooze.sql");
        try (var files = Files.list(db.resolve("migration/common"))) {
            assertThat(files).as("no partial files left").hasSize(2);
        }
    }

    @Test
    void revisionOutsideASourceTreeSaysWhereItLooked() {
        CliResult result = run("db", "revision", "-m", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No migrations folder at " + folder.resolve("src/main/resources/db/migration"),
                "--migrations-dir");
    }

    @Test
    void revisionNeedsAMessage() {
        Path db = folder.resolve("db");
        CliResult result = run("db", "revision", "-m", "  !!  ", "--migrations-dir", db.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Give the revision a message");
    }
}
