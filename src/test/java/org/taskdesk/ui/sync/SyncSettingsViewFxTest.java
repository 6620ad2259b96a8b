package org.taskdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.sync.InMemorySyncServer;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.tasks.MainWindowFixture.RecordingDialogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → Sync beside the rest of Settings: its note on the password, one long line, asked for 870 pixels and
 * made the whole Settings window that wide (seen in the real window).
 */
@ExtendWith(ApplicationExtension.class)
class SyncSettingsViewFxTest {
    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private SyncDevice device;

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void theSyncPartAsksForNoMoreThanHalfOfALaptopScreensWidth(FxRobot robot) throws Exception {
        device = new SyncDevice(folder, new InMemorySyncServer(clock), clock);
        SyncSettingsViewModel model = new SyncSettingsViewModel(device.sync, new RecordingDialogs(), clock);
        device.settle();
        Node[] view = new Node[1];
        robot.interact(() -> {
            view[0] = SyncSettingsView.of(model);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view[0])));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        double wanted = WaitForAsyncUtils.asyncFx(() -> view[0].prefWidth(-1)).get();
        assertThat(wanted).as("half of a 1366-pixel screen").isLessThanOrEqualTo(683);
    }
}
