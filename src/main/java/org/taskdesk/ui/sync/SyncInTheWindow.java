package org.taskdesk.ui.sync;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taskdesk.ui.common.BackgroundTasks;

/**
 * Sync as the main window shows it (ADR 0028): where it stands at the right of the status bar, "Conflicts (N)" in the
 * sidebar with the inbox's window, a round a few seconds after each saved change, and the list read again after a
 * pull that brought changes or a restored conflict. The window hands over where each piece goes; this class knows
 * nothing else of it.
 */
public final class SyncInTheWindow {
    private final AppSync sync;
    private final BackgroundTasks background;
    /** The conflict inbox's window while it is open. */
    private Stage conflictsWindow;

    /**
     * Places sync's parts and starts it.
     *
     * @param statusBar  puts a node at the right of the status bar
     * @param sidebar    puts a node below the sidebar's lists
     * @param onSaved    calls its argument after every change the window saves
     * @param reload     reads the tasks again
     * @param owner      the window the inbox opens over
     * @param background the one background thread, where closing queues its wait for a round under way
     */
    public SyncInTheWindow(AppSync sync, Clock clock, Consumer<Node> statusBar, Consumer<Node> sidebar,
                           Consumer<Runnable> onSaved, Runnable reload, Supplier<Window> owner,
                           BackgroundTasks background) {
        this.sync = sync;
        this.background = background;
        statusBar.accept(SyncStatusView.of(sync.status(), sync::syncNow));
        onSaved.accept(sync::changed);
        sync.afterPull(reload);
        ConflictsViewModel conflicts = new ConflictsViewModel(sync, clock);
        conflicts.onRestored(() -> {
            reload.run(); // the old value is back in its task
            sync.changed();
        });
        sidebar.accept(ConflictsView.sidebarLink(conflicts, () -> {
            if (conflictsWindow != null && conflictsWindow.isShowing()) {
                conflictsWindow.toFront();
            } else {
                conflictsWindow = ConflictsView.open(conflicts, owner.get());
            }
        }));
        sync.start();
    }

    /** Sync itself, for Settings → Sync. */
    public AppSync sync() {
        return sync;
    }

    /** The window closes or the person signs out: the inbox closes, and no round starts any more. */
    public void close() {
        if (conflictsWindow != null) {
            conflictsWindow.close();
        }
        sync.stop();
        // Queued before the database is closed or the session ended: a round under way finishes first.
        background.run(() -> {
            sync.stopAndWait();
            return null;
        }, done -> { }, failure -> { });
    }
}
