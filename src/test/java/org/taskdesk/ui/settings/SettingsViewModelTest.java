package org.taskdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.settings.SettingsViewModel.Storage;

class SettingsViewModelTest {

    @TempDir
    Path folder;

    private TestDesk desk;
    private final List<Theme> applied = new ArrayList<>();
    private SettingsViewModel model;

    @BeforeEach
    void open() {
        desk = new TestDesk(folder, new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC")));
        model = new SettingsViewModel(desk.context(new DirectBackgroundTasks()), applied::add);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void showsTheSavedThemeAndTheDatabaseInUse() {
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(model.databaseNameProperty().get()).isEqualTo(desk.workspace.databaseName()).endsWith("tasks.mv.db");
        assertThat(model.storageProperty().get()).isEqualTo(Storage.LOCAL);
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aThemeAppliesAtOnceAndIsSaved() {
        model.themeProperty().set(Theme.DARK);
        model.themeProperty().set(Theme.SYSTEM);

        assertThat(applied).containsExactly(Theme.DARK, Theme.SYSTEM);
        assertThat(desk.desktop.calls).containsExactly("saveTheme DARK", "saveTheme SYSTEM");
        assertThat(desk.desktop.theme()).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void aServerIsTestedBeforeItIsSavedAndTakesEffectAfterRestart() {
        // The app's real desktop backend: the URL is really connected to before anything is saved.
        org.taskdesk.ui.DesktopServices real = org.taskdesk.app.TestDesktop.backend(folder.resolve("user"),
                desk.clock, null);
        SettingsViewModel withRealBackend = new SettingsViewModel(desk.context(new DirectBackgroundTasks(), real),
                applied::add);
        withRealBackend.storageProperty().set(Storage.SERVER);
        assertThat(withRealBackend.canSaveDatabaseProperty().get()).as("no URL yet").isFalse();

        withRealBackend.serverUrlProperty().set("postgresql://client:secret@127.0.0.1:1/taskdesk");
        withRealBackend.saveDatabase();
        assertThat(withRealBackend.failedProperty().get()).isTrue();
        assertThat(withRealBackend.messageProperty().get()).startsWith("Not saved. Cannot reach the database server")
                .doesNotContain("secret");
        assertThat(real.isFirstRun()).as("nothing saved").isTrue();

        String server = org.taskdesk.testing.TestPostgres.newDatabaseUrl();
        assertThat(new org.taskdesk.app.TaskDeskCli(org.taskdesk.testing.TestEnvironment.in(folder))
                .run("--database-url", server, "db", "upgrade", "head").exitCode()).isZero();
        withRealBackend.serverUrlProperty().set("  " + server + " ");
        withRealBackend.saveDatabase();
        assertThat(withRealBackend.failedProperty().get()).isFalse();
        assertThat(withRealBackend.busyProperty().get()).isFalse();
        assertThat(withRealBackend.messageProperty().get()).isEqualTo(
                "The server answered and is saved. The change takes effect after you restart TaskDesk.");
        assertThat(real.databaseName()).startsWith("postgresql://");
        assertThat(withRealBackend.databaseNameProperty().get()).as("still the one in use until a restart")
                .isEqualTo(desk.workspace.databaseName());
    }

    @Test
    void switchingBackToThisComputerIsSavedToo() {
        model.storageProperty().set(Storage.LOCAL);
        model.saveDatabase();

        assertThat(desk.desktop.calls).containsExactly("useLocalDatabase");
        assertThat(model.messageProperty().get()).startsWith("Saved: tasks will be kept on this computer.");
    }

    @Test
    void theSavedThemeIsReadInTheBackgroundNotOnTheCallersThread() {
        HeldBackgroundTasks later = new HeldBackgroundTasks();
        desk.desktop.saveTheme(Theme.DARK);
        desk.desktop.calls.clear();

        SettingsViewModel loading = new SettingsViewModel(desk.context(later), applied::add);
        assertThat(loading.themeProperty().get()).as("not read yet").isNull();

        later.replyNext();
        assertThat(loading.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(applied).as("showing the saved theme is not a change").isEmpty();

        loading.themeProperty().set(Theme.LIGHT);
        later.replyNext();
        assertThat(applied).containsExactly(Theme.LIGHT);
        assertThat(desk.desktop.calls).containsExactly("saveTheme LIGHT");
    }
}
