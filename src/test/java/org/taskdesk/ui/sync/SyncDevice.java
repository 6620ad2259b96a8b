package org.taskdesk.ui.sync;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/** One device for the app's sync tests: a real H2 file with Ann's account, its sync service, the app's sync on a manual timer. */
final class SyncDevice implements AutoCloseable, SyncTokens {
    static final String SERVER = "postgresql://client:secret@server/tasks";

    final Workspace workspace;
    final UserSession ann;
    final SyncService service;
    final ManualTimer timer = new ManualTimer();
    final AppSync sync;
    /** Answers the app's questions (whether a pull may delete many tasks): yes unless told otherwise. */
    final org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs dialogs =
            new org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs();
    private final MutableClock clock;
    private final Map<String, String> tokens = new HashMap<>();

    SyncDevice(Path folder, SyncServers server, MutableClock clock) {
        this.clock = clock;
        workspace = TestWorkspaces.openForCommand(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", true);
        service = new SyncService(workspace.replica(), server, this, clock);
        sync = new AppSync(service, ann, timer, new DirectBackgroundTasks(), dialogs, clock);
    }

    Task add(String line) {
        return workspace.tasks().add(ann, new QuickAddParser().parse(line, ZonedDateTime.now(clock)));
    }

    /** Runs what is due on the sync thread now. */
    void settle() {
        timer.advance(java.time.Duration.ZERO);
    }

    @Override
    public Optional<String> load(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void save(String key, String token) {
        tokens.put(key, token);
    }

    @Override
    public void forget(String key) {
        tokens.remove(key);
    }

    @Override
    public void close() {
        workspace.close();
    }
}
