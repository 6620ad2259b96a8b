package org.taskdesk.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.FullDisk;

/**
 * A local file in H2's mixed mode after H2 failed to close it in this process (ADR 0016): H2 keeps its lock file
 * claimed, naming a server it stopped, for as long as the process lives; the next opens here go straight to the file.
 */
class SharedLocalFileTest {
    @TempDir
    Path folder;

    @AfterEach
    void freeTheDisk() {
        FullDisk.unlimited();
    }

    @Test
    void afterAFailedCloseTheFileIsOpenedAloneAtOnceAndKeepsItsData() throws Exception {
        Path file = folder.resolve("tasks.mv.db");
        DatabaseTarget target = FullDisk.database(file);
        String shared = SharedLocalFile.shared(DurableCommits.withoutWriteDelay(target.jdbcUrl()));
        try (Connection first = DriverManager.getConnection(shared, "sa", "");
             Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (7)");
            statement.execute("CREATE SEQUENCE ids");
        }
        try (Connection second = DriverManager.getConnection(shared, "sa", "");
             Statement statement = second.createStatement()) {
            statement.execute("SELECT NEXT VALUE FOR ids"); // closing writes the sequence back
            FullDisk.freeSpace(0); // and fails: H2 keeps the lock file claimed (it reports nothing)
        }
        FullDisk.unlimited();
        assertThat(SharedLocalFile.heldHereWithoutServer(file)).as("the lock H2 kept").isTrue();

        AtomicInteger throughMixedMode = new AtomicInteger();
        try (Connection again = SharedLocalFile.connect(file, () -> {
            throughMixedMode.incrementAndGet();
            return DriverManager.getConnection(shared, "sa", "");
        }, () -> DriverManager.getConnection(target.jdbcUrl(), "sa", ""));
             ResultSet kept = again.createStatement().executeQuery("SELECT id FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getInt(1)).isEqualTo(7);
        }
        assertThat(throughMixedMode).as("no wait on the stopped server").hasValue(0);
    }

    @Test
    void aFileThisProcessServesIsOpenedInMixedMode() throws Exception {
        Path file = folder.resolve("open.mv.db");
        DatabaseTarget target = FullDisk.database(file);
        String shared = SharedLocalFile.shared(target.jdbcUrl());
        try (Connection held = DriverManager.getConnection(shared, "sa", "")) {
            held.createStatement().execute("CREATE TABLE t (id INT)");
            assertThat(SharedLocalFile.heldHereWithoutServer(file)).isFalse();

            AtomicInteger alone = new AtomicInteger();
            try (Connection second = SharedLocalFile.connect(file, () -> DriverManager.getConnection(shared, "sa", ""),
                    () -> {
                        alone.incrementAndGet();
                        return DriverManager.getConnection(target.jdbcUrl(), "sa", "");
                    })) {
                assertThat(second.createStatement().executeQuery("SELECT COUNT(*) FROM t").next()).isTrue();
            }
            assertThat(alone).hasValue(0);
        }
        assertThat(SharedLocalFile.heldHereWithoutServer(folder.resolve("never.mv.db"))).isFalse();
    }
}
