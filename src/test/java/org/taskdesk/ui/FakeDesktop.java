package org.taskdesk.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.workspace.Workspace;

/**
 * The composition root's desktop settings, kept in memory and recorded: the settings file and the keyring are
 * not what these tests are about. It connects to nothing: tests of connecting use the app's real backend
 * ({@link org.taskdesk.app.TestDesktop}).
 */
public final class FakeDesktop implements DesktopServices {
    public final List<String> calls = new ArrayList<>();
    private final Clock clock;
    private final String databaseName;
    private Theme theme = Theme.LIGHT;
    private WindowPlace windowPlace;
    /** The settings file's snoozed reminders, as the app would keep them. */
    public volatile String snoozedReminders = "";

    public FakeDesktop(Clock clock, String databaseName) {
        this.clock = clock;
        this.databaseName = databaseName;
    }

    /** How often "Try again" asked for the settings to be read again. */
    public int settingsReadAgain;

    @Override
    public void readSettingsAgain() {
        settingsReadAgain++;
    }

    @Override
    public boolean isFirstRun() {
        return false;
    }

    @Override
    public String databaseName() {
        return databaseName;
    }

    @Override
    public Workspace openWorkspace(Consumer<MigrationStep> progress) {
        throw new UnsupportedOperationException("the tests open their workspace themselves");
    }

    @Override
    public Optional<org.taskdesk.migrations.BackupCopy> newestBackup() {
        return Optional.empty();
    }

    @Override
    public org.taskdesk.migrations.RestoredBackup restoreBackup(org.taskdesk.migrations.BackupCopy copy) {
        throw new UnsupportedOperationException("the fake desktop keeps no copies");
    }

    @Override
    public synchronized void useLocalDatabase() {
        calls.add("useLocalDatabase");
    }

    @Override
    public synchronized void useServer(String url) {
        calls.add("useServer " + url);
    }

    @Override
    public Optional<String> rememberedToken() {
        return Optional.empty();
    }

    @Override
    public void rememberToken(String token) {
    }

    @Override
    public void forgetToken() {
    }

    @Override
    public synchronized Optional<WindowPlace> windowPlace() {
        return Optional.ofNullable(windowPlace);
    }

    @Override
    public synchronized void saveWindowPlace(WindowPlace place) {
        calls.add("saveWindowPlace " + place.toSetting());
        windowPlace = place;
    }

    @Override
    public synchronized Theme theme() {
        return theme;
    }

    @Override
    public synchronized void saveTheme(Theme newTheme) {
        calls.add("saveTheme " + newTheme);
        theme = newTheme;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Sync for a workspace: none unless a test gives it (a server double over the workspace's replica). */
    public volatile java.util.function.Function<Workspace, Optional<org.taskdesk.sync.SyncService>> sync =
            workspace -> Optional.empty();

    @Override
    public Optional<org.taskdesk.sync.SyncService> sync(Workspace workspace) {
        return sync.apply(workspace);
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public String snoozedReminders() {
        return snoozedReminders;
    }

    @Override
    public void saveSnoozedReminders(String entries) {
        snoozedReminders = entries;
    }
}
