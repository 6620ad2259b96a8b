package org.taskdesk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.tasks.MainContext;
import org.taskdesk.workspace.Workspace;

/** A signed-in desktop session on a real, new H2 database: what the windows are given by the main window. */
public final class TestDesk implements AutoCloseable {
    public final MutableClock clock;
    public final Workspace workspace;
    public final UserSession ann;
    public final FakeDesktop desktop;
    public final List<String> errors = new ArrayList<>();

    public TestDesk(Path folder, MutableClock clock) {
        this.clock = clock;
        this.workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        this.ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        this.desktop = new FakeDesktop(clock, workspace.databaseName());
    }

    public MainContext context(BackgroundTasks background) {
        return context(background, desktop);
    }

    /** The same session with another desktop backend, e.g. the app's real one. */
    public MainContext context(BackgroundTasks background, org.taskdesk.ui.DesktopServices desktopServices) {
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String headline, Throwable error) {
                errors.add(headline);
            }

            @Override
            public boolean confirm(String headline, String question) {
                return true;
            }
        };
        return new MainContext(workspace, ann, background, dialogs, desktopServices, clock, () -> { });
    }

    @Override
    public void close() {
        workspace.close();
    }
}
