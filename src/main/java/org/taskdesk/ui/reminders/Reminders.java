package org.taskdesk.ui.reminders;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;
import org.taskdesk.ui.tasks.MainContext;

/**
 * Reminds people of tasks whose due time has come, while the app runs: in the app (through the notifier the main
 * window gives) and, where the desktop has a system tray, as a desktop notification.
 *
 * <p>Every {@link #POLL_EVERY} a JavaFX {@code Timeline} asks the background tasks for the open tasks; the
 * timeline itself only starts that work, so the JavaFX thread never waits for the database. The database is
 * asked again, rather than the main window's list reused, so that changes made elsewhere (the command line, another
 * computer on a shared server) are reminded of too. {@link ReminderSchedule} decides what to announce.
 */
public final class Reminders {
    static final Duration POLL_EVERY = Duration.ofSeconds(30);
    /** A task due shortly before the app started is still announced: the first check may come 30 s late. */
    static final Duration GRACE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final MainContext context;
    private final Consumer<String> inApp;
    private final Consumer<String> desktop;
    private final ReminderSchedule schedule;
    private Timeline timeline;
    private boolean checking;
    // Set by stop(): a check still in flight then announces nothing (and does not bring the tray icon back).
    private boolean stopped;

    public Reminders(MainContext context, Consumer<String> inAppNotifier) {
        this(context, inAppNotifier, TrayNotifier.mayBeAvailable() ? new TrayNotifier() : message -> { });
    }

    /** With another desktop notifier: for tests, which must not depend on the machine's tray. */
    Reminders(MainContext context, Consumer<String> inAppNotifier, Consumer<String> desktopNotifier) {
        this.context = context;
        this.inApp = inAppNotifier;
        this.desktop = desktopNotifier;
        this.schedule = new ReminderSchedule(context.clock(), GRACE);
    }

    /** Checks now and then every {@link #POLL_EVERY}. FX thread only; a second call does nothing. */
    public void start() {
        if (timeline != null) {
            return;
        }
        stopped = false;
        timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(POLL_EVERY.toMillis()), event -> checkNow()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        checkNow();
    }

    /** Stops checking and removes the tray icon. FX thread only. */
    public void stop() {
        stopped = true;
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
        if (desktop instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the tray icon failed", e);
            }
        }
    }

    /** One check: reads the open tasks in the background and announces what has come due. */
    void checkNow() {
        if (checking) {
            return; // a slow database: the previous check is still running; this one is skipped, the next tick tries again
        }
        checking = true;
        context.background().run(() -> context.workspace().tasks().open(context.user()),
                this::announce, failure -> {
                    checking = false;
                    // Not a dialog every 30 seconds: the next check tries again, and the main window shows its own errors.
                    LOG.warn("Could not check for reminders: {}", failure.getMessage());
                });
    }

    private void announce(List<Task> open) {
        checking = false;
        if (stopped) {
            return; // signed out while the check ran
        }
        for (Reminder reminder : schedule.check(open)) {
            inApp.accept(reminder.message());
            desktop.accept(reminder.message());
        }
    }
}
