package org.taskdesk.ui.tasks;

import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.FakeDesktop;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.workspace.Workspace;

/** A real H2 workspace with one signed-in person, and what the main window needs around it. */
public final class MainWindowFixture implements AutoCloseable {
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Saturday 21 November 2026, 11:00 in Berlin. */
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), BERLIN);
    public final Workspace workspace;
    public final UserSession user;
    public final RecordingDialogs dialogs = new RecordingDialogs();
    /** The desktop's settings in memory; its {@code sync} is none unless a test gives one. */
    public final FakeDesktop desktop;

    public MainWindowFixture(Path folder) {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann Example", "ann password");
        user = workspace.accounts().signIn("ann@example.com", "ann password", false);
        desktop = new FakeDesktop(clock, workspace.databaseName());
    }

    public MainContext context(BackgroundTasks background, Runnable signOut) {
        return new MainContext(workspace, user, background, dialogs, desktop, clock, signOut);
    }

    /** Adds tasks by quick-add lines, straight through the service. */
    public void add(String... lines) {
        for (String line : lines) {
            workspace.tasks().add(user, quickAdd(line, clock));
        }
    }

    @Override
    public void close() {
        workspace.close();
    }

    /** Confirms everything (or nothing) and remembers the errors it was asked to show. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String> errors = new ArrayList<>();
        public final List<String> questions = new ArrayList<>();
        public boolean answer = true;

        @Override
        public void showError(String headline, Throwable error) {
            errors.add(headline + ": " + error.getMessage());
        }

        @Override
        public boolean confirm(String headline, String question) {
            questions.add(headline);
            return answer;
        }
    }
}
