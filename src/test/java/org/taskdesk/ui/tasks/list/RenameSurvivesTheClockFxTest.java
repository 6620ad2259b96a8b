package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The minute tick redraws the rows; a title being typed in a row must survive it, neither lost nor saved half-typed. */
@ExtendWith(ApplicationExtension.class)
class RenameSurvivesTheClockFxTest {
    private final MainWindowFixture fixture = openFixture();
    private MainWindowModels models;
    private TaskListView list;

    private static MainWindowFixture openFixture() {
        try {
            MainWindowFixture opened = new MainWindowFixture(Files.createTempDirectory("rename-clock-test"));
            opened.add("Call mum");
            return opened;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply(Map.of());
        models = new MainWindowModels(fixture.workspace.tasks(), fixture.workspace.savedSearches(), fixture.user,
                new DirectBackgroundTasks(),
                fixture.dialogs, fixture.clock);
        list = new TaskListView(models.list(), models.store(), models.search(), models.actions(), models.rename(),
                models.clock(), () -> { });
        models.store().load();
        stage.setScene(new Scene((javafx.scene.Parent) list.root(), 700, 400));
        stage.show();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theMinuteTickLeavesTheTitleFieldAlone(FxRobot robot) throws Exception {
        robot.interact(() -> {
            list.focus();
            list.renameSelected();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#rename-field").tryQuery()
                .map(n -> n.isFocused()).orElse(false)));
        TextField field = robot.lookup("#rename-field").query();
        robot.write("Call");

        robot.interact(list::timePassed);
        WaitForAsyncUtils.waitForFxEvents();

        TextField after = robot.lookup("#rename-field").query();
        String typed = fx(after::getText);
        assertThat(typed).isEqualTo("Call");
        boolean same = fx(() -> after == field && after.isFocused());
        assertThat(same).as("the same field, still focused").isTrue();
        assertThat(fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks()).extracting(Task::title)
                .containsExactly("Call mum");
    }
}
