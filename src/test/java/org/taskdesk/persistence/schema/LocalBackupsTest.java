package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;

/** Copies taken before a schema change, pruning them, and putting one back after an interrupted change. */
class LocalBackupsTest {
    @TempDir
    Path folder;

    private final LocalBackups backups = new LocalBackups(Clock.systemUTC());

    /** A real H2 file holding one row. */
    private Path database(String name) throws Exception {
        Path file = folder.resolve(name + ".mv.db");
        try (Connection connection = connections(file).open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES ('kept')");
        }
        return file;
    }

    private DatabaseConnections connections(Path file) {
        return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file.toString()));
    }

    private String note(Path file) throws Exception {
        try (Connection connection = connections(file).open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM notes")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Leaves a change of {@code file} noted as under way with {@code copy}, as a kill or power cut would. */
    private static void interruptedChange(Path file, Path copy) {
        try (ChangeInProgress note = ChangeInProgress.lock(file)) {
            note.begin(copy);
        }
    }

    @Test
    void anotherDatabasesCopiesNeverCountAsThisOnesWhenPruning() throws Exception {
        Path file = database("taskdesk");
        Path work = database("taskdesk-work");
        List<Path> workCopies = new ArrayList<>();
        for (int i = 0; i < LocalBackups.KEPT; i++) {
            workCopies.add(backups.backUp(work, "upgrade-" + i));
        }

        Path copy = backups.backUp(file, "upgrade-to-v7");

        assertThat(copy).as("the copy just taken").exists();
        assertThat(workCopies).allSatisfy(other -> assertThat(other).exists());
    }

    @Test
    void anEmptyCopyLeftByAPowerCutIsNeverPutBackOverTheDatabase() throws Exception {
        Path file = database("taskdesk");
        long size = Files.size(file);
        Path copy = Files.createDirectories(folder.resolve("backups")).resolve("taskdesk-20260101-000000-000-x.mv.db");
        Files.createFile(copy); // what a copy never forced to disk can be after a power cut
        interruptedChange(file, copy);

        TaskDeskException e = assertThrows(TaskDeskException.class,
                () -> ChangeInProgress.recoverIfInterrupted(file, backups));

        assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_DAMAGED);
        assertThat(e.getMessage()).contains(copy.toString()).contains("empty");
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(note(file)).isEqualTo("kept");
    }

    @Test
    void recoveringKeepsTheCurrentFileAsideRatherThanReplacingIt() throws Exception {
        Path file = database("taskdesk");
        Path copy = backups.backUp(file, "upgrade-to-v7");
        try (Connection connection = connections(file).open(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE notes SET text = 'half-changed'");
        }
        interruptedChange(file, copy);

        assertThat(ChangeInProgress.recoverIfInterrupted(file, backups)).isTrue();

        assertThat(note(file)).isEqualTo("kept");
        try (Stream<Path> beside = Files.list(folder)) {
            List<Path> aside = beside.filter(p -> p.getFileName().toString().startsWith("taskdesk-before-restore-")).toList();
            assertThat(aside).hasSize(1);
            assertThat(note(aside.get(0))).isEqualTo("half-changed");
        }
        assertThat(ChangeInProgress.recoverIfInterrupted(file, backups)).as("the note is emptied").isFalse();
    }
}
