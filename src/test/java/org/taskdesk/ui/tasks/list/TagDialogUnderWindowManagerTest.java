package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.testing.UnderWindowManager;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowView;

/**
 * The Add-tag dialog over a maximised main window, as people see it: a real X display (Xvfb) with a window manager
 * (Openbox), in a child JVM on JavaFX's GTK backend. Headless Monocle has no window manager and cannot show what
 * went wrong here: the main window un-maximised and the dialog landed at (0, 0).
 */
public class TagDialogUnderWindowManagerTest {
    private static final Pattern REPORT = Pattern.compile(
            "before maximised=(\\w+) after maximised=(\\w+) owned=(\\w+) dx=(-?[\\d.]+) dy=(-?[\\d.]+) fits=(\\w+)");

    @TempDir
    Path folder;

    @Test
    void theMainWindowStaysMaximisedAndTheDialogOpensCentredOnIt() throws Exception {
        String said = UnderWindowManager.run(TagDialogUnderWindowManagerTest.class, folder,
                folder.resolve("db").toString());
        Matcher report = REPORT.matcher(said);
        assertThat(report.find()).as(said).isTrue();
        assertThat(report.group(1)).as("maximised before the dialog").isEqualTo("true");
        assertThat(report.group(2)).as("still maximised with the dialog open").isEqualTo("true");
        assertThat(report.group(3)).as("owned by the main window").isEqualTo("true");
        // Centres, allowing for the title bar the window manager adds above the dialog.
        assertThat(Math.abs(Double.parseDouble(report.group(4)))).as("horizontal offset from centre").isLessThan(4);
        assertThat(Math.abs(Double.parseDouble(report.group(5)))).as("vertical offset from centre").isLessThan(30);
        // Openbox first gives a new window 200×200, which cut the dialog's field and OK button.
        assertThat(report.group(6)).as("the dialog as large as its content").isEqualTo("true");
    }

    /** The child: a maximised main window with one task selected, then Task → Add tag; prints what it saw. */
    public static void main(String[] args) throws IOException {
        MainWindowFixture fixture = new MainWindowFixture(Path.of(args[0]));
        fixture.add("Pay rent tomorrow 9am #home");
        Platform.startup(() -> {
            Theme.LIGHT.apply(Map.of());
            Stage stage = new Stage();
            MainWindowView view = new MainWindowView(fixture.context(new DirectBackgroundTasks(), () -> { }));
            stage.setScene(new Scene(view.root(), 900, 600));
            stage.setMinWidth(WindowPlace.MIN_WIDTH); // as the app's window, whose minimum size is part of the trouble
            stage.setMinHeight(WindowPlace.MIN_HEIGHT);
            stage.setMaximized(true);
            stage.show();
            UnderWindowManager.later(2000, () -> {
                boolean before = stage.isMaximized();
                ((ListView<?>) view.root().lookup("#task-list")).getSelectionModel().select(0);
                UnderWindowManager.later(2000, () -> {
                    Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                            .findFirst().orElseThrow();
                    javafx.scene.Parent content = dialog.getScene().getRoot();
                    boolean fits = dialog.getScene().getWidth() + 1 >= content.prefWidth(-1)
                            && dialog.getScene().getHeight() + 1 >= content.prefHeight(dialog.getScene().getWidth());
                    System.out.printf("before maximised=%s after maximised=%s owned=%s dx=%.1f dy=%.1f fits=%s%n",
                            before, stage.isMaximized(), ((Stage) dialog).getOwner() == stage,
                            dialog.getX() + dialog.getWidth() / 2 - (stage.getX() + stage.getWidth() / 2),
                            dialog.getY() + dialog.getHeight() / 2 - (stage.getY() + stage.getHeight() / 2), fits);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                });
                addTagItem((MenuBar) view.root().lookup(".menu-bar")).fire(); // waits here until the dialog closes
            });
        });
    }

    private static MenuItem addTagItem(MenuBar bar) {
        KeyCombination addTag = KeyCombination.keyCombination("Shortcut+T");
        return bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(item -> addTag.equals(item.getAccelerator())).findFirst().orElseThrow();
    }
}
