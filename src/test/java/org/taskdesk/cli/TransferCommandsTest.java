package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/** {@code tasks export} and {@code tasks import} as a script uses them, on an H2 file. */
class TransferCommandsTest {
    @TempDir
    Path folder;

    private String url;

    private CliResult as(String email, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        var environment = TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", email, "TASKDESK_PASSWORD",
                email.startsWith("ann") ? "ann password" : "bob password", "TASKDESK_BCRYPT_COST", "4"));
        return new TaskDeskCli(environment).run(all.toArray(String[]::new));
    }

    private CliResult ok(String email, String... args) {
        CliResult result = as(email, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    @BeforeEach
    void setUp() {
        url = FreshDatabase.url(DatabaseKind.H2, folder);
        ok("ann@example.com", "account", "create", "--name", "Ann");
        ok("bob@example.com", "account", "create", "--name", "Bob");
        ok("ann@example.com", "tasks", "add", "Pay rent tomorrow 9am #home !high every month");
        ok("ann@example.com", "tasks", "add", "Quarterly report #work");
    }

    @Test
    void exportWritesToStandardOutputOrWholeToAFileAndImportReadsItBack() throws Exception {
        String ics = ok("ann@example.com", "tasks", "export", "--format", "ics").out();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Pay rent\r\n", "SUMMARY:Quarterly report\r\n");

        Path csv = folder.resolve("tasks.csv");
        assertThat(ok("ann@example.com", "tasks", "export", "#home", "--format", "csv", "-o", csv.toString()).out())
                .isEqualTo("Exported 1 task to " + csv + ".\n");
        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("Pay rent").doesNotContain("Quarterly");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }

        Path json = folder.resolve("everything.json");
        ok("ann@example.com", "tasks", "export", "--format", "json", "--output", json.toString());
        assertThat(ok("bob@example.com", "tasks", "import", json.toString(), "--dry-run").out())
                .isEqualTo("Dry run, nothing was changed; an import would give: 2 added, 0 updated.\n");
        assertThat(ok("bob@example.com", "tasks", "list").out()).startsWith("No tasks match");
        assertThat(ok("bob@example.com", "tasks", "import", json.toString()).out()).isEqualTo("2 added, 0 updated.\n");
        assertThat(ok("bob@example.com", "tasks", "import", json.toString()).out())
                .isEqualTo("0 added, 0 updated, 2 unchanged.\n");
        assertThat(ok("bob@example.com", "tasks", "list").out()).contains("Pay rent", "Quarterly report");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndChangesNothing() throws Exception {
        Path broken = folder.resolve("broken.csv");
        Files.writeString(broken, "title,due\r\nFirst,2026-12-01\r\n\"Second\"x,2026-12-02\r\n");

        CliResult result = as("bob@example.com", "tasks", "import", broken.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: The file cannot be imported, line 3: the CSV is broken there")
                .contains("Nothing was imported.");
        assertThat(ok("bob@example.com", "tasks", "list").out()).startsWith("No tasks match");
    }

    @Test
    void theFormatComesFromTheNameOrIsAsked() throws Exception {
        Path notes = folder.resolve("tasks.txt");
        Files.writeString(notes, "title\r\nFrom a text file\r\n");

        CliResult unknown = as("bob@example.com", "tasks", "import", notes.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("Error: Cannot tell the format of 'tasks.txt' from its name: say it "
                + "with --format ics, csv, json or todoist.");

        assertThat(ok("bob@example.com", "tasks", "import", notes.toString(), "--format", "csv").out())
                .isEqualTo("1 added, 0 updated.\n");
        CliResult wrongFormat = as("ann@example.com", "tasks", "export", "--format", "xml");
        assertThat(wrongFormat.exitCode()).isEqualTo(2);
        assertThat(wrongFormat.err().strip()).isEqualTo("Error: Unknown format 'xml': use ics, csv, json or todoist.");
    }

    @Test
    void anExportIntoAFolderThatIsNotThereWritesNothing() {
        CliResult result = as("ann@example.com", "tasks", "export", "--format", "csv", "-o",
                folder.resolve("missing/tasks.csv").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist");
    }
}
