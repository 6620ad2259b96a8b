package org.taskdesk.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.firstrun.FirstRunViewModel.Place;

/** The first run's choice, with the real settings file and real databases. */
class FirstRunViewModelTest {
    @TempDir
    Path folder;

    private DesktopServices desktop() {
        return TestDesktop.backend(folder, Clock.systemUTC(), null); // nothing chosen: the default local file
    }

    @Test
    void keepingTasksOnThisComputerCreatesTheLocalDatabaseAndEndsTheFirstRun() {
        DesktopServices desktop = desktop();
        assertThat(desktop.isFirstRun()).isTrue();
        FirstRunViewModel model = new FirstRunViewModel(desktop, new DirectBackgroundTasks());
        AtomicBoolean done = new AtomicBoolean();

        model.confirm(() -> done.set(true));

        assertThat(done).isTrue();
        assertThat(desktop().isFirstRun()).isFalse();
        assertThat(TestEnvironment.defaultDatabaseFile(folder)).exists();
    }

    @Test
    void aServerUrlIsTestedBeforeItIsSaved() {
        FirstRunViewModel model = new FirstRunViewModel(desktop(), new DirectBackgroundTasks());
        model.placeProperty().set(Place.SHARED_SERVER);
        assertThat(model.canContinue().get()).as("no URL yet").isFalse();
        AtomicBoolean done = new AtomicBoolean();

        model.serverUrlProperty().set("postgresql://ann:secret@127.0.0.1:1/tasks");
        model.confirm(() -> done.set(true));
        assertThat(model.errorProperty().get()).contains("Cannot reach the database server").doesNotContain("secret");

        String empty = TestPostgres.newDatabaseUrl();
        model.serverUrlProperty().set(empty);
        model.confirm(() -> done.set(true));
        assertThat(model.errorProperty().get()).contains("has no TaskDesk tables yet");
        assertThat(done).isFalse();
        assertThat(desktop().isFirstRun()).isTrue();

        assertThat(new TaskDeskCli(TestEnvironment.in(folder)).run("--database-url", empty, "db", "upgrade", "head")
                .exitCode()).isZero();
        model.confirm(() -> done.set(true));
        assertThat(done).isTrue();
        assertThat(desktop().isFirstRun()).isFalse();
        assertThat(desktop().databaseName()).startsWith("postgresql://" + TestPostgres.OWNER + "@");
    }

    @Test
    void switchingBackToThisComputerClearsTheServersError() {
        FirstRunViewModel model = new FirstRunViewModel(desktop(), new DirectBackgroundTasks());
        model.placeProperty().set(Place.SHARED_SERVER);
        model.serverUrlProperty().set("postgresql://ann@127.0.0.1:1/tasks");
        model.confirm(() -> { });
        assertThat(model.errorProperty().get()).contains("Cannot reach the database server");

        model.placeProperty().set(Place.THIS_COMPUTER);

        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aServersFailureThatArrivesAfterSwitchingBackIsNotShown() {
        HeldBackgroundTasks background = new HeldBackgroundTasks();
        FirstRunViewModel model = new FirstRunViewModel(desktop(), background);
        model.placeProperty().set(Place.SHARED_SERVER);
        model.serverUrlProperty().set("postgresql://ann@127.0.0.1:1/tasks");
        model.confirm(() -> { });

        model.placeProperty().set(Place.THIS_COMPUTER);
        background.replyAll();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }
}
