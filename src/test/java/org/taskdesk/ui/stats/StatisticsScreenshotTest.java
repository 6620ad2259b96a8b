package org.taskdesk.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.testing.ScreenshotFolder;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the statistics window for the README, in light ({@code statistics.png} in the screenshot folder, see ScreenshotFolder) and dark
 * ({@code statistics-dark.png}), from a month of made-up but plausible work (a fixed seed, so the picture only
 * changes when the code does).
 */
@ExtendWith(ApplicationExtension.class)
class StatisticsScreenshotTest {
    private static final Path SCREENSHOTS = ScreenshotFolder.get();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-23T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    private TestDesk desk;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk = new TestDesk(folder, clock);
        TaskService tasks = desk.workspace.tasks();
        Random random = new Random(7);
        String[] priorities = {"", " !low", " !medium", " !high"};
        for (int day = 0; day < 30; day++) {
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String due = clock.instant().plus(Duration.ofDays(random.nextInt(6) - 1)).toString().substring(0, 10);
                String line = "Task " + day + "-" + i + " " + due + priorities[random.nextInt(4)];
                long id = tasks.add(desk.ann, quickAdd(line, clock)).id();
                if (random.nextInt(10) < 7) {
                    clock.advance(Duration.ofHours(random.nextInt(8)));
                    tasks.complete(desk.ann, id);
                }
            }
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-10-23T08:00:00Z").plus(Duration.ofDays(day + 1))));
        }
        clock.advance(Duration.ofHours(2));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void rendersTheStatisticsWindowInLightAndDark(FxRobot robot) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Map.Entry<Theme, String> theme : Map.of(Theme.LIGHT, "statistics.png", Theme.DARK, "statistics-dark.png")
                .entrySet()) {
            StatisticsViewModel model = new StatisticsViewModel(desk.context(new DirectBackgroundTasks()));
            robot.interact(() -> {
                theme.getKey().apply(Map.of());
                stage.setScene(new Scene(new StackPane(new StatisticsView(model)), 1000, 700));
                stage.show();
                model.load();
            });
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
            BufferedImage image = SwingFXUtils.fromFXImage(shot[0], null);
            Path file = SCREENSHOTS.resolve(theme.getValue());
            ImageIO.write(image, "png", file.toFile());

            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(700);
            assertThat(model.statisticsProperty().get().totalCompleted()).isGreaterThan(20);
        }
        robot.interact(() -> Theme.LIGHT.apply(Map.of()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(SCREENSHOTS.resolve("statistics-dark.png")));
    }
}
