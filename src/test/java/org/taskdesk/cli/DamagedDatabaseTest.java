package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;

/**
 * An existing file that is not a usable database is never replaced or written: one line names the file, what is
 * wrong and the newest copy with the command that restores it (exit 11); {@code db restore} lists and restores.
 */
class DamagedDatabaseTest {
    @TempDir
    Path folder;

    private Path file;
    /** The copy taken before the upgrade 2 -> 5, which holds Ann's account at version 2. */
    private Path copy;

    private CliResult db(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--database-url";
        all[1] = file.toString();
        all[2] = "db";
        System.arraycopy(args, 0, all, 3, args.length);
        return new TaskDeskCli(TestEnvironment.in(folder)).run(all);
    }

    @BeforeEach
    void databaseAtVersion5WithACopyAtVersion2() throws Exception {
        file = folder.resolve("data").resolve("tasks.mv.db");
        assertThat(db("upgrade", "2").exitCode()).isZero();
        try (Connection connection = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file.toString())).open();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (email, name, password_hash) VALUES ('ann@example.com', 'Ann', 'x')");
        }
        assertThat(db("upgrade", "head").exitCode()).isZero();
        try (Stream<Path> copies = Files.list(file.resolveSibling("backups"))) {
            copy = copies.filter(path -> path.toString().endsWith(".mv.db")).findFirst().orElseThrow();
        }
    }

    /** Written here, not taken from the program: "tasks-20261128-051000-123-upgrade-to-v5.mv.db" -> its time. */
    private String takenText() {
        String stamp = copy.getFileName().toString().substring("tasks-".length(), "tasks-".length() + 19);
        return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private void assertRefused(String problem) throws Exception {
        assertRefusedMatching(Pattern.quote(problem));
    }

    private void assertRefusedMatching(String problem) throws Exception {
        byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        for (List<String> command : List.of(List.of("current"), List.of("upgrade", "head"), List.of("downgrade", "-1"))) {
            CliResult result = db(command.toArray(String[]::new));

            assertThat(result.exitCode()).as("db %s: %s", command, result.err()).isEqualTo(11);
            assertThat(result.err().lines()).as("one line: %s", result.err()).hasSize(1);
            assertThat(result.err().strip()).matches(Pattern.quote("Error: The database file " + file + " ") + problem
                    + Pattern.quote("; TaskDesk has not changed it. The newest copy is " + copy + " (taken " + takenText()
                    + ", version 2): restore it with 'taskdesk db restore " + copy.getFileName() + "'."));
        }
        if (before != null) {
            assertThat(Files.readAllBytes(file)).as("not written").isEqualTo(before);
        }
        try (Stream<Path> copies = Files.list(file.resolveSibling("backups"))) {
            assertThat(copies.filter(path -> path.toString().endsWith(".mv.db"))).as("no copy of it taken")
                    .containsExactly(copy);
        }
    }

    @Test
    void anEmptyFileIsNotTurnedIntoANewDatabase() throws Exception {
        Files.write(file, new byte[0]);

        assertRefused("is empty (0 bytes)");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        // Half the file: a few blocks off the end may be free space after a clean close, which is no damage.
        long size = Files.size(file) / 2;
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(size);
        }

        assertRefusedMatching(Pattern.quote("is truncated (" + size + " bytes; its newest data ")
                + "(starts|ends) at byte \\d+\\)");
    }

    @Test
    void aFileThatIsNotAnH2DatabaseIsRefused() throws Exception {
        Files.writeString(file, "Shopping list: milk, eggs, bread\n".repeat(400));

        assertRefused("is not a TaskDesk database (it does not start like an H2 database file)");
    }

    @Test
    void aFolderInItsPlaceIsRefused() throws Exception {
        Files.delete(file);
        Files.createDirectory(file);

        assertRefused("is a folder, not a database file");
        assertThat(file).isDirectory();
    }

    @Test
    void anUnreadableFileIsRefused() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertRefused("cannot be read (its permissions allow its owner no reading)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void someoneElsesFileIsRefused() throws Exception {
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody); // the tests run as root, which may give files away

        assertRefused("belongs to another user (nobody), not to " + System.getProperty("user.name"));
    }

    @Test
    void restoreListsTheCopiesAndPutsOneBackKeepingTheDamagedFileAside() throws Exception {
        Files.write(file, new byte[0]);

        CliResult list = db("restore");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).containsExactly(copy.getFileName() + "  " + takenText() + "  version 2",
                "Restore one with 'taskdesk db restore NAME'.");

        CliResult restore = db("restore", copy.getFileName().toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        String aside = restore.out().strip().replaceFirst(".*the file that was there is now (.*)\\.$", "$1");
        assertThat(restore.out().strip()).isEqualTo("Restored " + file + " from " + copy
                + "; the file that was there is now " + aside + ".");
        assertThat(Path.of(aside)).as("kept, never deleted").isEmptyFile().hasParent(file.getParent());
        assertThat(copy).as("the copy stays a copy").exists();
        assertThat(db("current").out().strip()).isEqualTo("2");
        assertThat(db("upgrade", "head").exitCode()).isZero();
        try (Connection connection = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file.toString())).open();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT email FROM users")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ann@example.com");
        }
    }

    @Test
    void restoringAnUnknownCopyNamesTheProblemAndChangesNothing() throws Exception {
        CliResult result = db("restore", "tasks-19990101-000000-000-nothing.mv.db");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err().strip()).isEqualTo("Error: There is no copy at " + file.resolveSibling("backups")
                .resolve("tasks-19990101-000000-000-nothing.mv.db") + ": 'taskdesk db restore' without a name lists "
                + "the copies of " + file + ".");
        assertThat(db("current").out().strip()).isEqualTo(MigrationCatalog.forKind(DatabaseKind.H2).head() + " (head)");
    }
}
