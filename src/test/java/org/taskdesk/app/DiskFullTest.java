package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.cli.CommandRunner;
import org.taskdesk.cli.Services;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.SchemaRevisions;
import org.taskdesk.migrations.WrittenRevision;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FullDisk;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.ui.tasks.quickadd.QuickAddViewModel;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.workspace.Workspace;

/**
 * The disk holding the database fills up while tasks are being added through the real command line: every failure
 * is the one sentence with exit code 10, and after space is freed every task reported as added is there and no
 * task reported as failed is. The disk is {@link FullDisk} (an H2 file system whose free space the test sets), so
 * the test needs no root and no mount. Seeded: replay with {@code -Dtaskdesk.diskfull.seed=N}.
 */
class DiskFullTest {
    private static final Pattern TITLE = Pattern.compile("\"title\": ?\"([^\"]*)\"");

    @TempDir
    Path folder;

    @AfterEach
    void freeTheDisk() {
        FullDisk.unlimited();
    }

    @Test
    void aFullDiskSaysSoInOneLineWithExitCode10AndLosesNothingReportedAsAdded() {
        long seed = Long.getLong("taskdesk.diskfull.seed", System.nanoTime());
        System.out.println("DiskFullTest seed " + seed + " (replay: -Dtaskdesk.diskfull.seed=" + seed + ")");
        Random random = new Random(seed);
        Path file = folder.resolve("tasks.mv.db");
        String fullDisk = "Error: The disk holding " + folder.toAbsolutePath() + " is full: free some space; "
                + "nothing was saved." + System.lineSeparator();
        FullDisk.unlimited();
        assertThat(run(file, "account", "create", "--name", "Ann").exitCode()).isZero();

        List<String> added = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            int space = random.nextInt(64 * 1024);
            String context = "seed " + seed + ", round " + round + ", " + space + " bytes free";
            FullDisk.freeSpace(space);
            CliResult result;
            int number = 0;
            do {
                String title = "round " + round + " task " + ++number;
                result = run(file, "tasks", "add", title);
                (result.exitCode() == 0 ? added : failed).add(title);
                assertThat(number).as("%s: the disk never filled", context).isLessThan(300);
            } while (result.exitCode() == 0);
            assertThat(result.exitCode()).as("%s: %s", context, result.err()).isEqualTo(10);
            assertThat(result.err()).as(context).isEqualTo(fullDisk);
            assertThat(result.out()).as(context).isEmpty();

            // Still full: every further try says the same, whatever step of the command meets the full disk.
            for (String command : List.of("add", "list")) {
                String title = "round " + round + " on a full disk";
                CliResult again = command.equals("add") ? run(file, "tasks", "add", title) : run(file, "tasks", "list");
                failed.add(title);
                assertThat(again.exitCode()).as("%s: %s on the full disk: %s", context, command, again.err())
                        .isIn(0, 10);
                if (again.exitCode() == 10) {
                    assertThat(again.err()).as(context).isEqualTo(fullDisk);
                } else {
                    assertThat(command).as("%s: only reading may still work on a full disk", context).isEqualTo("list");
                }
            }

            FullDisk.unlimited();
            CliResult list = run(file, "tasks", "list", "--json");
            assertThat(list.exitCode()).as("%s: %s", context, list.err()).isZero();
            List<String> present = titles(list.out());
            assertThat(present).as("%s: every task reported as added is there", context).containsAll(added);
            assertThat(present).as("%s: no task reported as failed is there", context).doesNotContainAnyElementsOf(failed);
        }
    }

    @Test
    void theAppShowsTheSentenceAndKeepsWhatItSaidWasSaved() {
        Path file = folder.resolve("app.mv.db");
        DatabaseConnections connections = new DatabaseConnections(FullDisk.database(file));
        MainWindowFixture.RecordingDialogs dialogs = new MainWindowFixture.RecordingDialogs();
        try (Workspace setUp = OpenedWorkspace.open(connections, new Passwords(4), Clock.systemUTC(), step -> { })) {
            setUp.accounts().signUp("ann@example.com", "Ann", "ann password");
        }
        // The migrations leave free pages inside the file, and writes there need no new disk space (on a real disk
        // as on this one): compacted, the file has none, so the change below must grow it.
        try (java.sql.Connection c = connections.open(); java.sql.Statement compact = c.createStatement()) {
            compact.execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Workspace workspace = OpenedWorkspace.open(connections, new Passwords(4), Clock.systemUTC(), step -> { })) {
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
            MainWindowModels models = new MainWindowModels(workspace.tasks(), workspace.savedSearches(),
                    ann, new DirectBackgroundTasks(), dialogs, Clock.systemUTC());
            QuickAddViewModel quickAdd = models.quickAdd();
            StatusViewModel status = models.status();
            models.store().load();
            quickAdd.textProperty().set("Buy milk");
            quickAdd.submit();
            assertThat(status.savedTextProperty().get()).startsWith("Saved ");
            String saved = status.savedTextProperty().get();

            FullDisk.freeSpace(0);
            quickAdd.textProperty().set("Never saved");
            quickAdd.submit();

            String sentence = "The disk holding " + folder.toAbsolutePath() + " is full: free some space; nothing was saved.";
            assertThat(status.errorProperty().get()).isEqualTo(sentence);
            assertThat(dialogs.errors).containsExactly("The change could not be saved.: " + sentence);
            assertThat(status.savedTextProperty().get()).isEqualTo(saved);
            assertThat(quickAdd.textProperty().get()).as("kept, to try again").isEqualTo("Never saved");
        }

        FullDisk.unlimited();
        try (Workspace reopened = OpenedWorkspace.open(connections, new Passwords(4), Clock.systemUTC(), step -> { })) {
            UserSession ann = reopened.accounts().signIn("ann@example.com", "ann password", false);
            assertThat(reopened.tasks().list(ann, TaskQuery.of("")).tasks()).extracting(Task::title)
                    .containsExactly("Buy milk");
        }
    }

    private static List<String> titles(String json) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE.matcher(json);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }

    /** The real command line, in this JVM, on the database {@code file} kept on the {@link FullDisk}. */
    private CliResult run(Path file, String... args) {
        UserEnvironment environment = TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", "ann@example.com",
                "TASKDESK_PASSWORD", "ann password", "TASKDESK_BCRYPT_COST", "4"));
        AppServices real = new AppServices(Configuration.configure(environment).load(), Clock.systemUTC());
        Services onFullDisk = new OnDisk(real, new DatabaseConnections(FullDisk.database(file)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandRunner.run(databaseUrl -> onFullDisk, Logs.file(environment), new PrintWriter(out),
                new PrintWriter(err), args).exitCode();
        return new CliResult(code, out.toString(), err.toString());
    }

    /** The app's services with every database command sent to one database. */
    private record OnDisk(AppServices real, DatabaseConnections connections) implements Services {
        @Override
        public MigrationService migrations() {
            return new MigrationService(DatabaseSchemas.of(connections, real.clock()));
        }

        @Override
        public Workspace openWorkspace() {
            return OpenedWorkspace.openForCommand(connections, real.passwords(), real.clock());
        }

        @Override
        public SchemaRevisions revisions() {
            return real.revisions();
        }

        @Override
        public List<SchemaDifference> compareSchema() {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public WrittenRevision autogenerate(String message, Path folder) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public Path defaultMigrationsFolder() {
            return real.defaultMigrationsFolder();
        }

        @Override
        public String variable(String name) {
            return real.variable(name);
        }

        @Override
        public String setUpSharedServer(String clientRole, String clientPassword) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public java.util.Optional<String> rememberedSession() {
            return real.rememberedSession();
        }

        @Override
        public void rememberSession(String token) {
            real.rememberSession(token);
        }

        @Override
        public void forgetSession() {
            real.forgetSession();
        }

        @Override
        public java.time.Clock clock() {
            return real.clock();
        }
    }
}
