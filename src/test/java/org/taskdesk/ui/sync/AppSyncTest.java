package org.taskdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.sync.InMemorySyncServer;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/**
 * The status bar's sync line through real rounds: a real H2 file as the replica, a protocol-following server in
 * memory, the scheduler on a manual timer.
 */
class AppSyncTest {
    private static final String SERVER = "postgresql://client@server/tasks";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final InMemorySyncServer server = new InMemorySyncServer(clock);
    private final ManualTimer timer = new ManualTimer();
    private final Map<String, String> tokens = new HashMap<>();
    private Workspace workspace;
    private UserSession ann;
    private SyncService service;
    private AppSync sync;
    private int reloads;
    private final org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs dialogs =
            new org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs();

    @BeforeEach
    void openDevice() {
        workspace = TestWorkspaces.openForCommand(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", true);
        service = new SyncService(workspace.replica(), server, new SyncTokens() {
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
        }, clock);
        sync = new AppSync(service, ann, timer, new DirectBackgroundTasks(), dialogs, clock);
        sync.afterPull(() -> reloads++);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void add(String line) {
        workspace.tasks().add(ann, new QuickAddParser().parse(line, ZonedDateTime.now(clock)));
    }

    private String shown() {
        return sync.status().shownProperty().get() ? sync.status().textProperty().get() : "(hidden)";
    }

    @Test
    void notLinkedSaysNothingAndALinkMadeElsewhereIsPickedUpByTheNextRound() {
        sync.start();
        timer.advance(Duration.ZERO);
        assertThat(shown()).isEqualTo("(hidden)");

        service.link(ann, SERVER, "server password"); // as 'taskdesk sync link' or a replica's sign-in would
        add("Buy milk");
        sync.changed();
        timer.advance(Duration.ofSeconds(3));

        assertThat(shown()).isEqualTo("Synced 11:00");
        assertThat(sync.status().canRetryProperty().get()).isFalse();
        assertThat(service.status(ann).orElseThrow().waiting()).isZero();
    }

    @Test
    void offlineSinceTheFirstFailureWithTheChangesWaitingThenSyncedWhenTheServerAnswersAgain() {
        service.link(ann, SERVER, "server password");
        sync.start();
        timer.advance(Duration.ZERO);
        server.reachable(false);
        clock.advance(Duration.ofMinutes(40)); // 10:40 UTC, 11:40 in Berlin
        add("Buy milk");
        add("Call mum");
        sync.changed();
        timer.advance(Duration.ofSeconds(3));

        assertThat(shown()).isEqualTo("Offline since 11:40, 2 changes waiting");
        assertThat(sync.status().canRetryProperty().get()).isTrue();

        clock.advance(Duration.ofMinutes(5));
        add("Water plants");
        timer.advance(Duration.ofSeconds(5)); // the first retry fails too: still offline since 11:40
        assertThat(shown()).isEqualTo("Offline since 11:40, 3 changes waiting");

        server.reachable(true);
        sync.syncNow(); // the status bar's "Try again"
        timer.advance(Duration.ZERO);
        assertThat(shown()).isEqualTo("Synced 11:45");
        assertThat(service.status(ann).orElseThrow().waiting()).isZero();
    }

    @Test
    void theListReloadsAfterARoundThatPulledSomething() {
        service.link(ann, SERVER, "server password");
        sync.start();
        timer.advance(Duration.ZERO);
        assertThat(reloads).isZero();

        add("Buy milk");
        sync.changed();
        timer.advance(Duration.ofSeconds(3));
        // Its own change comes back in the pull: one reload, harmless, and a change from elsewhere is shown the same way.
        assertThat(reloads).isPositive();
    }

    @Test
    void aPullThatWouldDeleteManyTasksAsksAndDeletesOnlyAfterYes() {
        service.link(ann, SERVER, "server password");
        for (int i = 1; i <= 10; i++) {
            add("Errand " + i);
        }
        sync.start();
        timer.advance(Duration.ZERO);
        try (SyncDevice desktop = new SyncDevice(folder, server, clock)) {
            desktop.service.link(desktop.ann, SERVER, "server password");
            desktop.service.sync(desktop.ann);
            desktop.workspace.tasks().list(desktop.ann, org.taskdesk.tasks.TaskQuery.of("")).tasks().stream().limit(6)
                    .forEach(task -> desktop.workspace.tasks().delete(desktop.ann, task.id()));
            desktop.service.sync(desktop.ann);
        }

        dialogs.answer = false;
        sync.syncNow();
        timer.advance(Duration.ZERO);
        assertThat(dialogs.questions).containsExactly("Delete 6 of your 10 tasks here?");
        assertThat(shown()).isEqualTo("Sync is waiting: the server would delete 6 of 10 tasks here");
        assertThat(sync.status().canRetryProperty().get()).isTrue();
        assertThat(workspace.tasks().list(ann, org.taskdesk.tasks.TaskQuery.of("")).tasks()).hasSize(10);

        dialogs.answer = true;
        sync.syncNow(); // "Try again": asked again, and this time yes
        timer.advance(Duration.ZERO);
        assertThat(dialogs.questions).hasSize(2);
        assertThat(workspace.tasks().list(ann, org.taskdesk.tasks.TaskQuery.of("")).tasks()).hasSize(4);
        assertThat(shown()).isEqualTo("Synced 11:00");
    }
}
