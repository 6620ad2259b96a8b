package org.taskdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.sync.InMemorySyncServer;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs;

/** Settings → Sync: link (the sign-in is the test), unlink after asking (the tasks stay), sync now, the last result. */
class SyncSettingsViewModelTest {
    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final InMemorySyncServer server = new InMemorySyncServer(clock);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private SyncDevice device;

    @AfterEach
    void close() {
        device.close();
    }

    private SyncSettingsViewModel settings(SyncServers servers) {
        device = new SyncDevice(folder, servers, clock);
        SyncSettingsViewModel model = new SyncSettingsViewModel(device.sync, dialogs, clock);
        device.settle();
        return model;
    }

    @Test
    void linkingSignsInThenLinksAndTheFirstRoundSendsTheTasks() {
        SyncSettingsViewModel model = settings(server);
        device.add("Buy milk");
        device.add("Call mum");
        assertThat(model.linkedToProperty().get()).isEqualTo("Not linked: your tasks are only on this computer.");
        assertThat(model.canLinkProperty().get()).isFalse();

        model.serverUrlProperty().set(SyncDevice.SERVER);
        model.passwordProperty().set("server password");
        model.link();
        assertThat(model.busyProperty().get()).isTrue();
        device.settle();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.linkedProperty().get()).isTrue();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.linkedToProperty().get())
                .isEqualTo("Linked to postgresql://client:***@server/tasks as ann@example.com");
        assertThat(model.lastResultProperty().get()).isEqualTo("Last synced 28 Nov 2026 11:00; nothing waiting; no conflicts.")
                .doesNotContain("secret");
        assertThat(device.sync.status().textProperty().get()).isEqualTo("Synced 11:00");
    }

    @Test
    void aServerThatCannotBeReachedLeavesOneLineAndNothingLinked() {
        SyncSettingsViewModel model = settings(new SyncServers() {
            @Override
            public String signInOrSignUp(String serverUrl, String email, String name, String password) {
                throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot reach server:5432: is it running?");
            }

            @Override
            public SyncServer connect(String serverUrl, String token) {
                throw new AssertionError("no round without a link");
            }

            @Override
            public void signOut(String serverUrl, String token) {
            }
        });
        model.serverUrlProperty().set(SyncDevice.SERVER);
        model.passwordProperty().set("server password");
        model.link();
        device.settle();

        assertThat(model.messageProperty().get()).isEqualTo("Not linked. Cannot reach server:5432: is it running?");
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.linkedProperty().get()).isFalse();
        assertThat(device.service.status(device.ann)).isEmpty();
    }

    @Test
    void unlinkingAsksFirstAndKeepsTheTasks() {
        SyncSettingsViewModel model = settings(server);
        device.add("Buy milk");
        model.serverUrlProperty().set(SyncDevice.SERVER);
        model.passwordProperty().set("server password");
        model.link();
        device.settle();

        dialogs.answer = false;
        model.unlink();
        device.settle();
        assertThat(dialogs.questions).containsExactly("Unlink from the server?");
        assertThat(model.linkedProperty().get()).isTrue();

        dialogs.answer = true;
        model.unlink();
        device.settle();
        assertThat(model.linkedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Unlinked: your tasks stay on this computer.");
        assertThat(device.sync.status().shownProperty().get()).isFalse();
        assertThat(device.workspace.tasks().list(device.ann, TaskQuery.of("")).tasks()).extracting("title")
                .isEqualTo(List.of("Buy milk"));
    }
}
