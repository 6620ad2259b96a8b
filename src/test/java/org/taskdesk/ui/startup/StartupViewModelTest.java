package org.taskdesk.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.workspace.Workspace;

class StartupViewModelTest {
    @TempDir
    Path folder;

    @Test
    void aNewLocalDatabaseIsCreatedWithEachStepShown() {
        String url = folder.resolve("tasks.mv.db").toString();
        StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(), url),
                new DirectBackgroundTasks());
        List<String> messages = new ArrayList<>();
        model.messageProperty().addListener((o, was, now) -> messages.add(now));
        AtomicReference<Workspace> opened = new AtomicReference<>();

        model.open(opened::set);

        assertThat(opened.get()).isNotNull();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(messages).contains("Creating your database… (create users table)",
                "Creating your database… (accounts and task details)");
        opened.get().close();
    }

    @Test
    void anOlderLocalDatabaseShowsTheUpgradeFromItsVersion() {
        String url = folder.resolve("tasks.mv.db").toString();
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), url);
        assertThat(new TaskDeskCli(TestEnvironment.in(folder))
                .run("--database-url", url, "db", "upgrade", "1").exitCode()).isZero();
        StartupViewModel model = new StartupViewModel(desktop, new DirectBackgroundTasks());
        List<String> messages = new ArrayList<>();
        model.messageProperty().addListener((o, was, now) -> messages.add(now));

        model.open(Workspace::close);

        assertThat(messages).contains("Upgrading your database 1 → 2… (create tasks table)",
                "Upgrading your database 1 → 3… (accounts and task details)");
    }

    @Test
    void aDatabaseFromANewerTaskDeskGetsItsOwnHeadlineAndIsNotChanged() throws Exception {
        Path file = folder.resolve("tasks.mv.db");
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), file.toString());
        new StartupViewModel(desktop, new DirectBackgroundTasks()).open(Workspace::close);
        try (Connection connection = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file.toString())).open();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__x.sql', 'sa', 0, TRUE)");
        }
        StartupViewModel model = new StartupViewModel(desktop, new DirectBackgroundTasks());

        model.open(workspace -> {
            throw new AssertionError("must not open");
        });

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.errorHeadlineProperty().get()).isEqualTo("This database needs a different version of TaskDesk");
        assertThat(model.errorTextProperty().get()).contains("at version 99, made by a newer TaskDesk");
    }

    /**
     * A database upgraded 2 -> head (so backups/ holds a copy at version 2), then emptied: what a full disk or a bad
     * copy leaves behind.
     */
    private Path emptiedDatabaseWithACopyAtVersion2() throws Exception {
        Path file = folder.resolve("tasks.mv.db");
        TaskDeskCli cli = new TaskDeskCli(TestEnvironment.in(folder));
        assertThat(cli.run("--database-url", file.toString(), "db", "upgrade", "2").exitCode()).isZero();
        assertThat(cli.run("--database-url", file.toString(), "db", "upgrade", "head").exitCode()).isZero();
        Files.write(file, new byte[0]);
        return file;
    }

    @Test
    void aCopyFoundForAnEarlierAttemptIsNotOfferedAfterTryAgain() throws Exception {
        Path file = emptiedDatabaseWithACopyAtVersion2();
        HeldBackgroundTasks background = new HeldBackgroundTasks();
        StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(), file.toString()),
                background);
        Consumer<Workspace> mustNotOpen = workspace -> {
            throw new AssertionError("must not open a damaged file");
        };
        model.open(mustNotOpen);
        background.replyNext(); // the open fails; looking for a copy to offer is queued

        model.open(mustNotOpen); // Try again, before the copy was found
        background.replyNext(); // the copy found for the first attempt

        assertThat(model.canRestoreProperty().get()).as("an offer for an earlier attempt").isFalse();
        background.replyNext(); // the second attempt fails as well
        background.replyNext(); // and finds its own copy
        assertThat(model.canRestoreProperty().get()).isTrue();
    }

    @Test
    void aDamagedFileOffersItsNewestCopyAndRestoringItContinuesTheStart() throws Exception {
        Path file = emptiedDatabaseWithACopyAtVersion2();
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), file.toString());
        StartupViewModel model = new StartupViewModel(desktop, new DirectBackgroundTasks());

        model.open(workspace -> {
            throw new AssertionError("must not open a damaged file");
        });

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.errorHeadlineProperty().get())
                .isEqualTo("The database file cannot be used; TaskDesk has not changed it");
        assertThat(model.errorTextProperty().get()).startsWith("The database file " + file + " is empty (0 bytes)");
        assertThat(model.canRestoreProperty().get()).isTrue();
        assertThat(model.restoreTextProperty().get()).matches("Restore the copy from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(Files.size(file)).as("not written").isZero();

        AtomicReference<Workspace> opened = new AtomicReference<>();
        model.restore(opened::set);

        assertThat(opened.get()).as("start-up continues").isNotNull();
        assertThat(model.failedProperty().get()).isFalse();
        String aside = model.noticeProperty().get().replaceFirst(".*the file that was there is now (.*)\\.$", "$1");
        assertThat(model.noticeProperty().get()).startsWith("Restored " + file + " from ");
        assertThat(Path.of(aside)).as("the damaged file is kept").isEmptyFile();
        opened.get().close();
    }

    @Test
    void aFailedRestoreSaysWhatFailed() throws Exception {
        Path file = emptiedDatabaseWithACopyAtVersion2();
        StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(), file.toString()),
                new DirectBackgroundTasks());
        model.open(workspace -> {
            throw new AssertionError("must not open a damaged file");
        });
        try (java.util.stream.Stream<Path> copies = Files.list(folder.resolve("backups"))) {
            for (Path copy : copies.filter(path -> path.toString().endsWith(".mv.db")).toList()) {
                Files.write(copy, new byte[0]); // the copy went bad after it was offered
            }
        }

        model.restore(workspace -> {
            throw new AssertionError("must not open");
        });

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.errorTextProperty().get()).startsWith("The copy ").contains("is empty (0 bytes)",
                "Nothing was changed");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aDatabaseHeldByAnotherProgramSaysSoInItsOwnHeadline() throws Exception {
        Path file = folder.resolve("tasks.mv.db");
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), file.toString());
        new StartupViewModel(desktop, new DirectBackgroundTasks()).open(Workspace::close);
        StartupViewModel model = new StartupViewModel(desktop, new DirectBackgroundTasks());

        try (var held = org.taskdesk.testing.HeldDatabase.exclusivelyBy(file)) {
            model.open(workspace -> {
                throw new AssertionError("must not open");
            });
        }

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.errorHeadlineProperty().get()).isEqualTo("The database is in use by another program");
        assertThat(model.errorTextProperty().get()).isEqualTo("The database " + file + " is in use by another program "
                + "(probably another TaskDesk window or command): close it and try again.");
    }

    @Test
    void aMalformedDatabaseSettingIsShownAsSuchNotThrown() throws Exception {
        Path settings = folder.resolve("config/taskdesk/settings.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "database.url=mysql://root:secret@localhost/tasks\n");
        StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(), null),
                new DirectBackgroundTasks());

        model.open(workspace -> {
            throw new AssertionError("must not open");
        });

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.errorHeadlineProperty().get()).isEqualTo("The database setting is not valid");
        assertThat(model.errorTextProperty().get()).contains("Unsupported database URL").doesNotContain("secret");
    }

    @Test
    void tryingAgainReadsASettingFixedByHandWithoutARestart() throws Exception {
        Path dotEnv = folder.resolve(".env");
        Files.writeString(dotEnv, "DATABASE_URL=mysql://localhost/tasks\n");
        StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(), null),
                new DirectBackgroundTasks());
        model.open(workspace -> {
            throw new AssertionError("must not open");
        });
        assertThat(model.errorHeadlineProperty().get()).isEqualTo("The database setting is not valid");

        Files.writeString(dotEnv, "DATABASE_URL=" + folder.resolve("fixed.mv.db") + "\n");
        AtomicReference<Workspace> opened = new AtomicReference<>();
        model.tryAgain(opened::set);

        assertThat(model.failedProperty().get()).as(model.errorTextProperty().get()).isFalse();
        assertThat(opened.get()).isNotNull();
        opened.get().close();
        assertThat(folder.resolve("fixed.mv.db")).exists();
    }

    @Test
    void anUnreachableServerSaysTheDatabaseCannotBeOpened() {
        StartupViewModel model = new StartupViewModel(
                TestDesktop.backend(folder, Clock.systemUTC(), "postgresql://ann:secret@127.0.0.1:1/tasks"),
                new DirectBackgroundTasks());

        model.open(workspace -> {
            throw new AssertionError("must not open");
        });

        assertThat(model.errorHeadlineProperty().get()).isEqualTo("The database cannot be opened");
        assertThat(model.errorTextProperty().get()).contains("Cannot reach the database server").doesNotContain("secret");
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedAndTryingAgainOpensItOnceItAnswers() {
        String url = TestPostgres.newDatabaseUrl();
        assertThat(new TaskDeskCli(TestEnvironment.in(folder))
                .run("--database-url", url, "db", "upgrade", "head").exitCode()).isZero();
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            proxy.fail(FaultyProxy.Fault.SILENT);
            StartupViewModel model = new StartupViewModel(TestDesktop.backend(folder, Clock.systemUTC(),
                    proxy.url(url), Map.of("TASKDESK_SERVER_TIMEOUT", "3")), new DirectBackgroundTasks());

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> model.open(workspace -> {
                throw new AssertionError("must not open");
            }), "the start-up view waited for a silent server without end");

            assertThat(model.failedProperty().get()).isTrue();
            assertThat(model.errorHeadlineProperty().get()).isEqualTo("The server is not answering");
            assertThat(model.errorTextProperty().get())
                    .isEqualTo("The server at 127.0.0.1:" + proxy.port() + " is not answering: check your network or "
                            + "try again later; nothing was changed.");

            proxy.heal();
            AtomicReference<Workspace> opened = new AtomicReference<>();
            model.open(opened::set);

            assertThat(model.failedProperty().get()).as(model.errorTextProperty().get()).isFalse();
            assertThat(opened.get()).isNotNull();
            opened.get().close();
        }
    }
}
