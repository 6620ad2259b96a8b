package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.HeldDatabase;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.workspace.Workspace;

class DesktopBackendTest {
    @TempDir
    Path folder;

    @Test
    void aRememberedSessionStaysWithTheOpenDatabaseWhenSettingsChooseAnotherForTheNextStart() {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        String server = TestPostgres.newDatabaseUrl();
        assertThat(new TaskDeskCli(TestEnvironment.in(folder)).run("--database-url", server, "db", "upgrade", "head")
                .exitCode()).isZero();

        try (Workspace local = desktop.openWorkspace(step -> { })) {
            desktop.rememberToken("token-of-the-local-database");
            desktop.useServer(server);

            assertThat(desktop.databaseName()).isEqualTo(local.databaseName());
            assertThat(desktop.rememberedToken()).contains("token-of-the-local-database");
            desktop.forgetToken();
            assertThat(desktop.rememberedToken()).isEmpty();
        }
        DesktopServices nextStart = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(nextStart.databaseName()).startsWith("postgresql://");
        assertThat(nextStart.rememberedToken()).isEmpty();
    }

    @Test
    void choosingTheLocalDatabaseWhileItIsOpenLeavesItsFileAndItsLockAlone() throws Exception {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        Path file = TestEnvironment.defaultDatabaseFile(folder);

        try (Workspace local = desktop.openWorkspace(step -> { })) {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);

            desktop.useLocalDatabase();

            assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
            assertThat(Files.size(file)).isEqualTo(size);
            // Opening and closing a channel on the file would have dropped H2's lock: another program could open it.
            assertThatThrownBy(() -> HeldDatabase.exclusivelyBy(file).close()).isInstanceOf(IllegalStateException.class);
        }
        assertThat(TestDesktop.backend(folder, Clock.systemUTC(), null).isFirstRun()).isFalse();
    }

    @Test
    void aDotEnvWrittenWhileTheAppRunsIsReadOnlyAtTheNextStart() throws Exception {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);

        Files.writeString(folder.resolve(".env"), "DATABASE_URL=" + folder.resolve("elsewhere") + "\n");

        assertThat(desktop.isFirstRun()).isTrue();
        assertThat(desktop.databaseName()).isEqualTo(TestEnvironment.defaultDatabaseFile(folder).toString());
        DesktopServices nextStart = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(nextStart.isFirstRun()).isFalse();
        assertThat(nextStart.databaseName()).isEqualTo(folder.resolve("elsewhere.mv.db").toString());
    }

    @Test
    void theDatabaseChosenOnTheFirstRunIsTheOneOpenedWithoutReadingTheSettingsAgain() throws Exception {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(desktop.isFirstRun()).isTrue();

        desktop.useLocalDatabase();
        // Were the settings read again, this line would now fail every look-up.
        Path settings = folder.resolve("config/taskdesk/settings.properties");
        Files.writeString(settings, "database.url=mysql://root:secret@localhost/tasks\n");

        assertThat(desktop.isFirstRun()).isFalse();
        try (Workspace local = desktop.openWorkspace(step -> { })) {
            assertThat(local.databaseName()).isEqualTo(TestEnvironment.defaultDatabaseFile(folder).toString());
        }
    }

    @Test
    void whereTheWindowWasIsKeptInTheSettingsFileBesideTheThemeForTheNextStart() {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(desktop.windowPlace()).isEmpty();
        desktop.saveTheme(Theme.DARK);
        WindowPlace place = new WindowPlace(40, 30, 700, 450, true, List.of(0.25, 0.6));

        desktop.saveWindowPlace(place);

        DesktopServices nextStart = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(nextStart.windowPlace()).contains(place);
        assertThat(nextStart.theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void snoozedRemindersAreKeptInTheSettingsFileForTheNextStartAndClearedWhenNoneAreLeft() {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(desktop.snoozedReminders()).isEmpty();
        desktop.saveTheme(Theme.DARK);

        desktop.saveSnoozedReminders("1a2b/7/1795255200/1795255800");

        DesktopServices nextStart = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(nextStart.snoozedReminders()).isEqualTo("1a2b/7/1795255200/1795255800");
        assertThat(nextStart.theme()).isEqualTo(Theme.DARK);
        nextStart.saveSnoozedReminders("");
        assertThat(TestDesktop.backend(folder, Clock.systemUTC(), null).snoozedReminders()).isEmpty();
    }

    @Test
    void anExistingDatabaseOpensOnItsOwnAtStartAndTheStartupViewTakesThatOne() throws Exception {
        DesktopServices first = TestDesktop.backend(folder, Clock.systemUTC(), null);
        first.useLocalDatabase(); // the file exists: no first run next time
        DesktopBackend backend = (DesktopBackend) TestDesktop.backend(folder, Clock.systemUTC(), null);
        CountDownLatch opened = new CountDownLatch(1);
        Path file = TestEnvironment.defaultDatabaseFile(folder);

        StartupProbe window = backend.startOpening(new StartupProbe() {
            @Override
            public void firstFrame() {
            }

            @Override
            public void taskListShown(int tasks) {
            }

            @Override
            public void reached(String stage) {
                if (stage.equals("database opened")) {
                    opened.countDown();
                }
            }
        });
        window.firstFrame();

        assertThat(opened.await(60, TimeUnit.SECONDS)).as("opened without being asked").isTrue();
        // Open already: the workspace holds the file's lock before the start-up view asks for it.
        assertThatThrownBy(() -> HeldDatabase.exclusivelyBy(file).close()).isInstanceOf(IllegalStateException.class);
        try (Workspace taken = backend.openWorkspace(step -> { })) {
            assertThat(taken.databaseName()).isEqualTo(file.toString());
            assertThat(taken.accounts().signUp("early@example.com", "Early", "a good password")).isNotNull();
        }
        HeldDatabase.exclusivelyBy(file).close(); // closed with the workspace taken: nothing else holds it
    }

    @Test
    void theDatabaseOpensAtStartOnlyOnceTheWindowsFirstFrameIsOnScreen() throws Exception {
        TestDesktop.backend(folder, Clock.systemUTC(), null).useLocalDatabase();
        DesktopBackend backend = (DesktopBackend) TestDesktop.backend(folder, Clock.systemUTC(), null);
        CountDownLatch opened = new CountDownLatch(1);
        Path file = TestEnvironment.defaultDatabaseFile(folder);

        StartupProbe window = backend.startOpening(new StartupProbe() {
            @Override
            public void firstFrame() {
            }

            @Override
            public void taskListShown(int tasks) {
            }

            @Override
            public void reached(String stage) {
                if (stage.equals("database opened")) {
                    opened.countDown();
                }
            }
        });

        // Opening beside JavaFX's start took the cores from it (ADR 0034): before the first frame nothing is opened.
        assertThat(opened.await(3, TimeUnit.SECONDS)).as("opened before the first frame").isFalse();
        HeldDatabase.exclusivelyBy(file).close(); // nobody holds the file yet
        window.firstFrame();
        assertThat(opened.await(60, TimeUnit.SECONDS)).as("opened once the first frame is on screen").isTrue();
        try (Workspace taken = backend.openWorkspace(step -> { })) {
            assertThat(taken.databaseName()).isEqualTo(file.toString());
        }
    }

    @Test
    void aFirstRunOpensNothingBeforeThePersonHasChosen() {
        DesktopBackend backend = (DesktopBackend) TestDesktop.backend(folder, Clock.systemUTC(), null);

        backend.startOpening(StartupProbe.NONE);
        backend.abandonEarlyOpening();

        assertThat(TestEnvironment.defaultDatabaseFile(folder)).doesNotExist();
        assertThat(backend.isFirstRun()).isTrue();
    }

    @Test
    void aDamagedFileOpenedAtStartFailsTheStartupViewAsOpeningItThenWould() throws Exception {
        TestDesktop.backend(folder, Clock.systemUTC(), null).useLocalDatabase();
        Path file = TestEnvironment.defaultDatabaseFile(folder);
        Files.write(file, new byte[4096]); // zeros where H2's header was
        DesktopBackend backend = (DesktopBackend) TestDesktop.backend(folder, Clock.systemUTC(), null);

        backend.startOpening(StartupProbe.NONE).firstFrame();

        assertThatThrownBy(() -> backend.openWorkspace(step -> { }))
                .isInstanceOfSatisfying(TaskDeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_DAMAGED));
        // "Try again" opens afresh, and fails the same way rather than on a workspace already taken.
        assertThatThrownBy(() -> backend.openWorkspace(step -> { }))
                .isInstanceOfSatisfying(TaskDeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_DAMAGED));
    }
}
