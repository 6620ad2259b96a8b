package org.taskdesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.ui.DesktopApp;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.FxBackgroundTasks;

/**
 * Starts JavaFX without an {@code Application} subclass (so the fat jar runs from a plain classpath and nothing is
 * static), shows the window, and waits until it is closed.
 */
final class DesktopLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    static int run(Configuration configuration, Clock clock, Path logFile, PrintWriter err) {
        JavaFxLogging.intoLogFile(); // before JavaFX starts: its start-up warning would reach the terminal
        Optional<SingleInstance> only = SingleInstance.claim(configuration.environment().dataFolder());
        if (only.isEmpty()) {
            return 0; // the running app was asked to show its window
        }
        try {
            return run(configuration, clock, logFile, err, only.get());
        } finally {
            only.get().close();
        }
    }

    private static int run(Configuration configuration, Clock clock, Path logFile, PrintWriter err,
                           SingleInstance instance) {
        Passwords passwords = new Passwords(configuration.bcryptCost());
        DesktopBackend backend = DesktopBackend.create(configuration, clock, passwords);
        // The database opens on a thread of its own once the first frame is on screen, not before: beside JavaFX's
        // start it took the two cores from the toolkit (ADR 0034). The same thread then reads the first screen.
        StartupProbe probe = backend.startOpening(StartupTimeline.ofThisProcess(
                BenchmarkProbe.from(configuration.environment().variable(BenchmarkProbe.VARIABLE), System.out)));
        FxBackgroundTasks background = new FxBackgroundTasks();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failedToShow = new AtomicReference<>();
        try {
            Platform.startup(() -> {
                try {
                    probe.reached("JavaFX started");
                    Stage stage = new Stage();
                    HostServices host = new HostApplication().getHostServices();
                    new DesktopApp(backend, background, MainScreens.factory(probe, logFile,
                            DocumentViewer.of(host::showDocument)), probe)
                            .show(stage);
                    instance.onShowRequest(() -> Platform.runLater(() -> {
                        stage.setIconified(false);
                        stage.show();
                        stage.toFront();
                        stage.requestFocus();
                    }));
                    // After show(): handlers run in the order added, so DesktopApp's own WINDOW_HIDDEN handler queues
                    // closing the database before this one lets run() shut the background thread down.
                    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                } catch (RuntimeException | Error e) {
                    // No window will ever close to end the wait below: end it here, and say so.
                    failedToShow.set(e);
                    closed.countDown();
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            LOG.warn("Cannot start the desktop app", e);
            backend.abandonEarlyOpening();
            err.println("Error: TaskDesk's window needs a graphical desktop, and none was found (" + e.getMessage()
                    + "). The command line works anywhere: taskdesk --help.");
            return ErrorCode.INTERNAL.exitCode();
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            backend.abandonEarlyOpening();
            background.close();
            Platform.exit();
        }
        if (failedToShow.get() != null) {
            LOG.error("Cannot show the window", failedToShow.get());
            err.println("Error: TaskDesk's window could not be shown. Details are in " + logFile + "; please report them.");
            return ErrorCode.INTERNAL.exitCode();
        }
        return 0;
    }

    /** Only for its host services (opening the user guide): TaskDesk starts JavaFX without an Application. */
    private static final class HostApplication extends Application {
        @Override
        public void start(Stage stage) {
            // never launched
        }
    }
}
