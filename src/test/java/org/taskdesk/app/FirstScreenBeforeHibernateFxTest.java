package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;
import static org.taskdesk.testing.FxThread.fx;
import static org.taskdesk.testing.FxThread.waitUntil;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.DesktopApp;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.FxBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/**
 * The window's start on a local file with Hibernate's start held back (ADR 0027): the remembered session is resumed
 * and the task list shown from plain SQL before Hibernate has started, and a task added meanwhile waits for it and is
 * kept, not lost or refused.
 */
@ExtendWith(ApplicationExtension.class)
class FirstScreenBeforeHibernateFxTest {
    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T09:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final FxBackgroundTasks background = new FxBackgroundTasks();
    private final CountDownLatch hibernateMayStart = new CountDownLatch(1);
    /** The start-up stages in the order the app reached them, as StartupTimeline logs them. */
    private final List<String> stages = new CopyOnWriteArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        hibernateMayStart.countDown();
        background.close();
    }

    @Test
    void theTaskListIsShownBeforeHibernateHasStartedAndATaskAddedMeanwhileIsKept(FxRobot robot) throws Exception {
        aPersonWithTwoTasksWhoStaysSignedIn();
        Executor heldBack = work -> new Thread(() -> {
            await(hibernateMayStart);
            work.run();
        }, "held-back-hibernate").start();
        DesktopBackend backend = TestDesktop.withHibernateStartedBy(folder, clock, heldBack);
        StartupProbe probe = new StartupProbe() {
            @Override
            public void firstFrame() {
            }

            @Override
            public void taskListShown(int tasks) {
                stages.add("task list shown (" + tasks + " tasks)");
            }

            @Override
            public void reached(String stage) {
                stages.add(stage);
            }
        };

        StartupProbe window = backend.startOpening(probe);
        robot.interact(() -> new DesktopApp(backend, background,
                MainScreens.factory(window, folder.resolve("taskdesk.log"), uri -> { }), window).show(stage));

        waitUntil(30, () -> stages.contains("task list shown (2 tasks)"));
        assertThat(titles(robot)).containsExactlyInAnyOrder("Pay rent", "Quarterly report");
        assertThat(stages).as("the list before Hibernate").doesNotContain("Hibernate started");

        robot.push(KeyCode.CONTROL, KeyCode.N).write("Call Bob tomorrow").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        hibernateMayStart.countDown();

        waitUntil(30, () -> titles(robot).contains("Call Bob"));
        assertThat(stages).contains("Hibernate started");
        robot.interact(stage::hide);
        background.close(); // the database closed on the background thread
        try (Workspace reopened = TestWorkspaces.openMigrated(url(), folder, clock)) {
            UserSession ann = reopened.accounts().signIn("ann@example.com", "ann password", false);
            assertThat(reopened.tasks().list(ann, TaskQuery.of("")).tasks()).extracting(Task::title)
                    .containsExactlyInAnyOrder("Pay rent", "Quarterly report", "Call Bob");
        }
    }

    @Test
    void theOpeningThreadReadsTheFirstScreensTasksAndHibernateStartsOnlyOnceTheListIsShown(FxRobot robot) {
        aPersonWithTwoTasksWhoStaysSignedIn();
        DesktopBackend backend = TestDesktop.withHibernateStartedBy(folder, clock, HibernateHandover.ownThread());
        List<String> onThreads = new CopyOnWriteArrayList<>();
        StartupProbe probe = new StartupProbe() {
            @Override
            public void firstFrame() {
            }

            @Override
            public void taskListShown(int tasks) {
                stages.add("task list shown (" + tasks + " tasks)");
            }

            @Override
            public void reached(String stage) {
                stages.add(stage);
                onThreads.add(stage + " on " + Thread.currentThread().getName());
            }
        };

        StartupProbe window = backend.startOpening(probe);
        robot.interact(() -> new DesktopApp(backend, background,
                MainScreens.factory(window, folder.resolve("taskdesk.log"), uri -> { }), window).show(stage));

        waitUntil(30, () -> stages.contains("task list shown (2 tasks)") && stages.contains("Hibernate started"));
        assertThat(titles(robot)).containsExactlyInAnyOrder("Pay rent", "Quarterly report");
        // Read where the database was opened, not after the start-up view on the window's background thread.
        assertThat(onThreads).contains("first tasks read on taskdesk-opening");
        // Hibernate's start, the most CPU of the start, no longer competes with the first screen.
        assertThat(stages.indexOf("first tasks read")).isNotNegative().isLessThan(stages.indexOf("Hibernate started"));
        assertThat(stages.indexOf("task list shown (2 tasks)")).isLessThan(stages.indexOf("Hibernate started"));
        robot.interact(stage::hide);
    }

    private void aPersonWithTwoTasksWhoStaysSignedIn() {
        TestDesktop.backend(folder, clock, null).useLocalDatabase();
        DesktopBackend setUp = TestDesktop.withHibernateStartedBy(folder, clock, Runnable::run);
        try (Workspace workspace = setUp.openWorkspace(step -> { })) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", true);
            setUp.rememberToken(ann.token());
            workspace.tasks().add(ann, quickAdd("Pay rent tomorrow #home", clock));
            workspace.tasks().add(ann, quickAdd("Quarterly report #work", clock));
        }
    }

    private String url() {
        return org.taskdesk.testing.TestEnvironment.defaultDatabaseFile(folder).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(FxRobot robot) {
        ListView<Task> list = (ListView<Task>) robot.lookup("#task-list").query();
        return fx(() -> list.getItems().stream().map(Task::title).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
