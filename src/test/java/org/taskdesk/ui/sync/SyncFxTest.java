package org.taskdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.sync.InMemorySyncServer;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Sync in the main window, on a real H2 file linked to a protocol-following server in memory, with a second device
 * (another real H2 file): the status bar's states and the conflict inbox, whose Restore puts the old value back.
 */
@ExtendWith(ApplicationExtension.class)
class SyncFxTest {
    private static final String SERVER = "postgresql://client@server/tasks";

    private final Path folder = folder();
    private final MainWindowFixture laptop = new MainWindowFixture(folder.resolve("laptop"));
    private final InMemorySyncServer server = new InMemorySyncServer(laptop.clock);
    private final SyncDevice desktop = new SyncDevice(folder.resolve("desktop"), server, laptop.clock);
    private final SyncService laptopSync = new SyncService(laptop.workspace.replica(), server, new MapTokens(),
            laptop.clock);
    private FxBackgroundTasks background;
    private MainWindowView view;

    private static Path folder() {
        try {
            return Files.createTempDirectory("sync-fx-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Both devices hold "Buy milk"; each renamed it while apart, the desktop later, and the desktop synced first. */
    @Start
    void start(Stage stage) {
        laptopSync.link(laptop.user, SERVER, "server password");
        desktop.service.link(desktop.ann, SERVER, "server password");
        laptop.add("Buy milk");
        laptopSync.sync(laptop.user);
        desktop.service.sync(desktop.ann);
        long onLaptop = laptop.workspace.tasks().list(laptop.user, TaskQuery.of("")).tasks().get(0).id();
        long onDesktop = desktop.workspace.tasks().list(desktop.ann, TaskQuery.of("")).tasks().get(0).id();
        laptop.clock.advance(Duration.ofMinutes(1));
        laptop.workspace.tasks().update(laptop.user, onLaptop,
                task -> task.withTitle("Buy milk on the way home", laptop.clock.instant()));
        laptop.clock.advance(Duration.ofMinutes(1));
        desktop.workspace.tasks().update(desktop.ann, onDesktop,
                task -> task.withTitle("Buy two litres of milk", laptop.clock.instant()));
        desktop.service.sync(desktop.ann);

        laptop.desktop.sync = workspace -> Optional.of(laptopSync);
        background = new FxBackgroundTasks();
        Theme.LIGHT.apply(Map.of());
        view = new MainWindowView(laptop.context(background, () -> { }));
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        fx(() -> {
            view.close();
            return null;
        });
        background.close(); // waits for the sync round under way, queued by close()
        laptop.close();
        desktop.close();
    }

    @Test
    void theStartRoundSyncsAndTheConflictInboxRestoresTheOverwrittenTitle(FxRobot robot) {
        waitUntil(20, () -> text(robot, "#status-sync").equals("Synced 11:02"));
        waitForTitles(robot, "Buy two litres of milk");
        Node conflicts = robot.lookup("#sidebar-conflicts").query();
        waitUntil(20, () -> conflicts.isVisible() && text(robot, "#sidebar-conflicts").equals("Conflicts (1)"));

        robot.clickOn("#sidebar-conflicts");
        waitUntil(20, () -> robot.lookup("#conflict-restore-1").tryQuery().isPresent());
        Label entry = robot.lookup(".conflict .label").query();
        // The task as it was called here when its value was overwritten.
        assertThat(fx(entry::getText)).isEqualTo("Buy milk on the way home: Title");
        assertThat(fx(() -> robot.lookup(".conflict .label").queryAll().stream()
                .map(label -> ((Label) label).getText()).toList())).contains("Kept: Buy two litres of milk",
                "Overwritten here: Buy milk on the way home", "Won by another device, 21 Nov 2026 11:02");
        robot.clickOn("#conflict-restore-1");

        waitForTitles(robot, "Buy milk on the way home");
        waitUntil(20, () -> !conflicts.isVisible());
        assertThat(laptop.workspace.tasks().list(laptop.user, TaskQuery.of("")).tasks()).extracting(Task::title)
                .containsExactly("Buy milk on the way home");
        // The restore is a new edit: the round after it (3 s) sends it, and the other device takes it.
        waitUntil(20, () -> laptopSync.status(laptop.user).orElseThrow().waiting() == 0);
        desktop.service.sync(desktop.ann);
        assertThat(desktop.workspace.tasks().list(desktop.ann, TaskQuery.of("")).tasks()).extracting(Task::title)
                .containsExactly("Buy milk on the way home");
    }

    @Test
    void offlineWithTheChangesWaitingThenTryAgainSyncs(FxRobot robot) {
        waitUntil(20, () -> text(robot, "#status-sync").equals("Synced 11:02"));
        Node retry = robot.lookup("#status-sync-retry").query();
        assertThat(fx(retry::isVisible)).isFalse();

        server.reachable(false);
        laptop.add("Water plants");
        fx(() -> {
            view.sync().orElseThrow().syncNow();
            return null;
        });
        waitUntil(20, () -> text(robot, "#status-sync").equals("Offline since 11:02, 1 change waiting"));
        assertThat(fx(retry::isVisible)).isTrue();

        server.reachable(true);
        robot.clickOn("#status-sync-retry");
        waitUntil(20, () -> text(robot, "#status-sync").equals("Synced 11:02"));
        assertThat(fx(retry::isVisible)).isFalse();
        assertThat(laptopSync.status(laptop.user).orElseThrow().waiting()).isZero();
    }

    private static String text(FxRobot robot, String id) {
        javafx.scene.control.Labeled label = robot.lookup(id).query();
        return fx(label::getText);
    }

    @SuppressWarnings("unchecked")
    private static void waitForTitles(FxRobot robot, String... titles) {
        ListView<Task> list = (ListView<Task>) robot.lookup("#task-list").query();
        waitUntil(20, () -> list.getItems().stream().map(Task::title).toList().equals(List.of(titles)));
    }

    private static final class MapTokens implements SyncTokens {
        private final Map<String, String> tokens = new HashMap<>();

        @Override
        public synchronized Optional<String> load(String key) {
            return Optional.ofNullable(tokens.get(key));
        }

        @Override
        public synchronized void save(String key, String token) {
            tokens.put(key, token);
        }

        @Override
        public synchronized void forget(String key) {
            tokens.remove(key);
        }
    }
}
