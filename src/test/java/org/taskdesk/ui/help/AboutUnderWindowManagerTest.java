package org.taskdesk.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.UnderWindowManager;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.Theme;

/**
 * Help → About in a real window with a window manager's frame. Sized to its content alone, the window lost the
 * title bar's height at the bottom (the Close button was cut), and the "Database" name was shortened to "Datab…".
 */
public class AboutUnderWindowManagerTest {
    private static final Pattern REPORT = Pattern.compile(
            "close bottom=([\\d.]+) scene height=([\\d.]+) names shortened=(\\w+)");

    @TempDir
    Path folder;

    @Test
    void theWholeAboutWindowIsShownWithItsFrame() throws Exception {
        String said = UnderWindowManager.run(AboutUnderWindowManagerTest.class, folder);
        Matcher report = REPORT.matcher(said);
        assertThat(report.find()).as(said).isTrue();
        assertThat(Double.parseDouble(report.group(1))).as("the Close button's bottom edge is inside the window")
                .isLessThanOrEqualTo(Double.parseDouble(report.group(2)));
        assertThat(report.group(3)).as("the facts' names are shown whole").isEqualTo("false");
    }

    /** The child: a main window, then the About window over it; prints where its Close button ends. */
    public static void main(String[] args) {
        Platform.startup(() -> {
            Theme.LIGHT.apply(Map.of());
            Stage main = new Stage();
            main.setScene(new Scene(new StackPane(), 900, 600));
            main.show();
            UnderWindowManager.later(1500, () -> {
                AboutViewModel model = new AboutViewModel("0.1.0",
                        "/home/someone/.local/share/taskdesk/taskdesk.mv.db",
                        "/home/someone/.local/share/taskdesk/logs/taskdesk.log",
                        new UserGuide(Path.of(System.getProperty("java.io.tmpdir"))), uri -> { },
                        new DirectBackgroundTasks());
                Stage about = AboutView.open(model, main);
                UnderWindowManager.later(2500, () -> {
                    Button close = (Button) about.getScene().getRoot().lookupAll(".button").stream()
                            .filter(n -> Messages.text("about.close").equals(((Button) n).getText()))
                            .findFirst().orElseThrow();
                    Bounds bounds = close.localToScene(close.getBoundsInLocal());
                    boolean shortened = about.getScene().getRoot().lookupAll(".label").stream()
                            .filter(Label.class::isInstance).map(Label.class::cast)
                            .anyMatch(AboutUnderWindowManagerTest::shortened);
                    System.out.printf("close bottom=%.1f scene height=%.1f names shortened=%s%n",
                            bounds.getMaxY(), about.getScene().getHeight(), shortened);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                });
            });
        });
    }

    private static boolean shortened(Node node) {
        Label label = (Label) node;
        return label.getText() != null && !label.getText().isEmpty() && label.getWidth() + 0.5 < label.prefWidth(-1);
    }
}
