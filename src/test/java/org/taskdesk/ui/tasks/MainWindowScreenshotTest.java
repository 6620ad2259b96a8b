package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.testing.ScreenshotFolder;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the main window for the README: light, dark, and with the detail pane showing a task. */
@ExtendWith(ApplicationExtension.class)
class MainWindowScreenshotTest {
    private static final Path SHOTS = ScreenshotFolder.get();

    @TempDir
    Path folder;

    private Stage stage;
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @AfterEach
    void lightAgain() {
        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.apply(Map.of()));
        WaitForAsyncUtils.waitForFxEvents();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void rendersLightDarkAndDetail(FxRobot robot) throws IOException {
        fixture = new MainWindowFixture(folder);
        fixture.add("Pay rent tomorrow 9am #home !high every month",
                "Quarterly report for the board friday #work !high",
                "Water the plants every 3 days #home",
                "Call the dentist mon 14:30 #health",
                "Book flights to Lisbon dec 12 #travel !medium",
                "Renew passport 2026-11-16 #travel !high",
                "Review pull request 42 today 16:00 #work !medium",
                "Team retro every other week on thursday 15:00 #work",
                "Buy birthday present for Sam nov 28 #family !low",
                "Read chapter 4 of Designing Data-Intensive Applications #reading",
                "Back up the laptop every month #home",
                "Submit expense report 2026-11-19 #work !medium",
                "Stretch for ten minutes every weekday 7:30",
                "Plan the garden for spring #home !low");
        Task done = fixture.workspace.tasks().add(fixture.user, quickAdd("Send the invoice to Acme #work", fixture.clock));
        fixture.workspace.tasks().complete(fixture.user, done.id());

        robot.interact(() -> {
            MainContext real = fixture.context(new DirectBackgroundTasks(), () -> { });
            // The README shows the usual local file, not the test's temporary folder.
            org.taskdesk.workspace.Workspace shown = new org.taskdesk.workspace.Workspace() {
                @Override
                public org.taskdesk.accounts.AccountService accounts() {
                    return fixture.workspace.accounts();
                }

                @Override
                public org.taskdesk.tasks.TaskService tasks() {
                    return fixture.workspace.tasks();
                }

                @Override
                public org.taskdesk.tasks.StatisticsService statistics() {
                    return fixture.workspace.statistics();
                }

                @Override
                public org.taskdesk.tasks.SavedSearchService savedSearches() {
                    return fixture.workspace.savedSearches();
                }

                @Override
                public org.taskdesk.transfer.TransferService transfer() {
                    return fixture.workspace.transfer();
                }

                @Override
                public String databaseName() {
                    return "~/.local/share/taskdesk/taskdesk.mv.db";
                }

                @Override
                public void close() {
                    // the fixture closes the real one
                }
            };
            MainWindowView v = new MainWindowView(new MainContext(shown, real.user(), real.background(),
                    real.dialogs(), real.desktop(), real.clock(), real.signOut()));
            stage.setScene(new Scene(v.root(), 1200, 760));
            stage.sizeToScene(); // an earlier test may have sized the shared stage
            stage.show();
        });

        robot.interact(() -> ((javafx.scene.control.TextField) stage.getScene().lookup("#quick-add"))
                .setText("Dinner with Alex friday 19:30 #family !medium"));
        Path light = shoot(robot, Theme.LIGHT, "main-light.png");
        Path dark = shoot(robot, Theme.DARK, "main-dark.png");

        robot.interact(() -> {
            Theme.LIGHT.apply(Map.of());
            ((javafx.scene.control.TextField) stage.getScene().lookup("#quick-add")).setText("");
            @SuppressWarnings("unchecked")
            ListView<Task> list = (ListView<Task>) stage.getScene().lookup("#task-list");
            int index = 0;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).title().startsWith("Pay rent")) {
                    index = i;
                }
            }
            list.getSelectionModel().clearAndSelect(index);
            list.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path detail = snapshot(robot, "detail-pane.png");

        for (Path png : new Path[] {light, dark, detail}) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    private Path shoot(FxRobot robot, Theme theme, String name) throws IOException {
        robot.interact(() -> theme.apply(Map.of()));
        WaitForAsyncUtils.waitForFxEvents();
        return snapshot(robot, name);
    }

    private Path snapshot(FxRobot robot, String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(name);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", file.toFile());
        return file;
    }
}
