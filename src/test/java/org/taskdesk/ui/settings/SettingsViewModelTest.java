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
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.settings.SettingsViewModel.Storage;

class SettingsViewModelTest {
    private static final String SERVER = "postgresql://client:secret@db.example.org/taskdesk";

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
        model.storageProperty().set(Storage.SERVER);
        assertThat(model.canSaveDatabaseProperty().get()).as("no URL yet").isFalse();
        model.saveDatabase();
        assertThat(desk.desktop.calls).isEmpty();

        model.serverUrlProperty().set("postgresql://client:secret@unreachable.example/taskdesk");
        model.saveDatabase();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Not saved. Cannot reach the server unreachable.example.");
        assertThat(desk.desktop.calls).isEmpty();

        model.serverUrlProperty().set("  " + SERVER + " ");
        model.saveDatabase();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(
                "The server answered and is saved. The change takes effect after you restart TaskDesk.");
        assertThat(desk.desktop.calls).containsExactly("useServer " + SERVER);
        assertThat(model.databaseNameProperty().get()).as("still the one in use until a restart")
                .isEqualTo(desk.workspace.databaseName());
    }

    @Test
    void switchingBackToThisComputerIsSavedToo() {
        model.storageProperty().set(Storage.LOCAL);
        model.saveDatabase();

        assertThat(desk.desktop.calls).containsExactly("useLocalDatabase");
        assertThat(model.messageProperty().get()).startsWith("Saved: tasks will be kept on this computer.");
    }
}
