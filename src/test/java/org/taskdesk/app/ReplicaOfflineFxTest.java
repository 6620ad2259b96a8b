package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.transfer.TransferService;
import org.taskdesk.ui.MainScreen;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.tasks.MainContext;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Signed in on a shared server's replica while the server could not be reached (ADR 0029): the main window says so
 * in one line of its status bar, and says nothing of the kind when the server answered.
 */
@ExtendWith(ApplicationExtension.class)
class ReplicaOfflineFxTest {
    private static final String SERVER = "postgresql://taskdesk_client@db.example.com:5432/tasks";

    @TempDir
    Path folder;

    private Stage stage;
    private MainWindowFixture fixture;
    private MainScreen screen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply(Map.of());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (screen != null) {
                screen.close();
            }
        });
        if (fixture != null) {
            fixture.close();
        }
    }

    private void showMainWindow(FxRobot robot, TaskDeskException unreachable) {
        fixture = new MainWindowFixture(folder.resolve("db"));
        Workspace replica = new Workspace() {
            @Override
            public AccountService accounts() {
                return fixture.workspace.accounts();
            }

            @Override
            public TaskService tasks() {
                return fixture.workspace.tasks();
            }

            @Override
            public StatisticsService statistics() {
                return fixture.workspace.statistics();
            }

            @Override
            public SavedSearchService savedSearches() {
                return fixture.workspace.savedSearches();
            }

            @Override
            public TransferService transfer() {
                return fixture.workspace.transfer();
            }

            @Override
            public Optional<TaskDeskException> serverUnreachable() {
                return Optional.ofNullable(unreachable);
            }

            @Override
            public String databaseName() {
                return SERVER;
            }

            @Override
            public void close() {
                fixture.workspace.close();
            }
        };
        MainContext context = new MainContext(replica, fixture.user, new DirectBackgroundTasks(), fixture.dialogs,
                fixture.desktop,
                fixture.clock, () -> { });
        robot.interact(() -> {
            screen = MainScreens.factory(StartupProbe.NONE, folder.resolve("taskdesk.log"), uri -> { }).apply(context);
            stage.setScene(new Scene(screen.root(), 1000, 650));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void signedInOfflineTheStatusBarSaysThisIsTheComputersCopy(FxRobot robot) {
        showMainWindow(robot, new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "The server is not answering."));

        Label line = robot.lookup("#replica-offline").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).isEqualTo("Offline: " + SERVER + " cannot be reached, so this is this computer's "
                + "copy; changes wait here until it can.");
    }

    @Test
    void signedInOnlineThereIsNoSuchLine(FxRobot robot) {
        showMainWindow(robot, null);

        assertThat(robot.lookup("#replica-offline").tryQuery()).isEmpty();
    }
}
