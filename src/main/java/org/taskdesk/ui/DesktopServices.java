package org.taskdesk.ui;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.migrations.BackupCopy;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.migrations.RestoredBackup;
import org.taskdesk.sync.SyncService;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.workspace.Workspace;

/**
 * What the desktop app needs from the rest of the program, given by the composition root. Methods that touch the
 * database, the keyring or files block: call them through {@link org.taskdesk.ui.common.BackgroundTasks}.
 */
public interface DesktopServices {
    /**
     * Reads the settings (the database's place in {@code .env} and the settings file) again, after the person
     * asked to try again: they may have fixed a file by hand. Settings are otherwise read once, at start. Blocks.
     */
    void readSettingsAgain();

    /** True when no database has been chosen anywhere yet: the app asks where to keep tasks. */
    boolean isFirstRun();

    /** The database in use, as people should see it (a file path or {@code postgresql://user@host/db}). */
    String databaseName();

    /** Opens the database: a local file is upgraded first, telling {@code progress} each step. Blocks. */
    Workspace openWorkspace(Consumer<MigrationStep> progress);

    /** The newest usable copy of the local database file, offered when that file is damaged. Blocks. */
    Optional<BackupCopy> newestBackup();

    /** Puts {@code copy} in place of the local database file, keeping the file that was there aside. Blocks. */
    RestoredBackup restoreBackup(BackupCopy copy);

    /** Remembers the choice to keep tasks in the local file. */
    void useLocalDatabase();

    /** Tests that {@code url} can be reached and is a TaskDesk database, then remembers it. Blocks; throws a
     * {@link org.taskdesk.domain.TaskDeskException} saying what is wrong otherwise. */
    void useServer(String url);

    /** The session token "keep me signed in" remembered, if any. */
    Optional<String> rememberedToken();

    /**
     * The remembered session resumed on {@code workspace}, if any. Blocks. The desktop's own start may have resumed it
     * already, on the thread that opened the database (ADR 0034).
     */
    default Optional<UserSession> rememberedSession(Workspace workspace) {
        return rememberedToken().flatMap(workspace.accounts()::resume);
    }

    /**
     * {@code user}'s tasks if they were read at start-up, for the first screen; once, and empty otherwise (the window
     * then reads them itself). Blocks until that read is done.
     */
    default Optional<List<Task>> firstTasks(UserSession user) {
        return Optional.empty();
    }

    void rememberToken(String token);

    void forgetToken();

    Theme theme();

    void saveTheme(Theme theme);

    /** Where the main window was when it last closed; empty the first time (or when the setting does not read). */
    Optional<WindowPlace> windowPlace();

    /** Remembers where the main window is, for the next start. Blocks. */
    void saveWindowPlace(WindowPlace place);

    /** The snoozed reminders kept for the next start, as the reminders wrote them; empty when none. Blocks. */
    String snoozedReminders();

    /** Keeps the snoozed reminders for the next start. Blocks. */
    void saveSnoozedReminders(String entries);

    Clock clock();

    /**
     * Sync for {@code workspace} when it is a local file (a replica, linked or not yet); empty on a shared server,
     * which is no replica. The service's network calls block: the app runs them on its sync thread.
     */
    default Optional<SyncService> sync(Workspace workspace) {
        return Optional.empty();
    }

    /** The environment variables, for things like the system's dark-mode hint. */
    Map<String, String> environment();
}
