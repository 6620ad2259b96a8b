package org.taskdesk.ui.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;
import org.taskdesk.ui.tasks.MainContext;

/**
 * Reminds people of tasks whose due time has come, while the app runs: a short note in the window, and a desktop
 * notification with Complete and Snooze (10 minutes, 1 hour, tomorrow) where the desktop has one; where it has not,
 * a reminder in the window that stays until dismissed, with the same choices ({@link #inWindow()}).
 *
 * <p>Every {@link #POLL_EVERY} a JavaFX {@code Timeline} asks the background tasks for the open tasks; the
 * timeline itself only starts that work, so the JavaFX thread never waits for the database, and the notifier
 * waits for the person's choice on threads of its own. The database is asked again, rather than the main window's
 * list reused, so that changes made elsewhere (the command line, another computer on a shared server) are reminded
 * of too. {@link ReminderSchedule} decides what to announce. Snoozes are kept in the settings file (through
 * {@link DesktopServices}), so a reminder snoozed until tomorrow comes back after a restart.
 */
public final class Reminders {
    static final Duration POLL_EVERY = Duration.ofSeconds(30);
    /** A task due shortly before the app started is still announced: the first check may come 30 s late. */
    static final Duration GRACE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final MainContext context;
    private final Consumer<String> inApp;
    private final ReminderNotifier desktop;
    private final Consumer<String> attention;
    private final LongConsumer complete;
    private final ReminderSchedule schedule;
    private final ObservableList<Reminder> inWindow = FXCollections.observableArrayList();
    private Timeline timeline;
    private boolean checking;
    // Set by stop(): a check or a choice still in flight then does nothing (and does not bring the tray icon back).
    private boolean stopped;

    /**
     * @param inAppNotifier shows a short note in the window
     * @param complete      completes the task with this id as an undoable step of the main window
     */
    public Reminders(MainContext context, Consumer<String> inAppNotifier, LongConsumer complete) {
        this(context, inAppNotifier, new NotifySend(path(context.desktop())),
                TrayNotifier.mayBeAvailable() ? new TrayNotifier() : message -> { }, complete);
    }

    /**
     * With another desktop route: for tests, which must not depend on the machine's notification service or tray.
     *
     * @param attention told each reminder the desktop route could not show (the tray's short message, if any)
     */
    Reminders(MainContext context, Consumer<String> inAppNotifier, ReminderNotifier desktopNotifier,
              Consumer<String> attention, LongConsumer complete) {
        this.context = context;
        this.inApp = inAppNotifier;
        this.desktop = desktopNotifier;
        this.attention = attention;
        this.complete = complete;
        this.schedule = new ReminderSchedule(context.clock(), GRACE);
    }

    private static String path(DesktopServices desktop) {
        String name = "PATH"; // not shown: an environment variable's name
        return desktop == null ? System.getenv(name) : desktop.environment().getOrDefault(name, "");
    }

    /** The reminders shown in the window until the person chooses or dismisses them (no desktop notification). */
    public ObservableList<Reminder> inWindow() {
        return inWindow;
    }

    /** Takes back the snoozes kept from the last run, then checks now and every {@link #POLL_EVERY}. FX thread only. */
    public void start() {
        if (timeline != null) {
            return;
        }
        stopped = false;
        timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(POLL_EVERY.toMillis()), event -> checkNow()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        restoreSnoozes(this::checkNow);
    }

    /** Reads the snoozes kept by the last run in the background, then runs {@code then} (read or not). */
    void restoreSnoozes(Runnable then) {
        DesktopServices settings = context.desktop();
        if (settings == null) {
            then.run();
            return;
        }
        context.background().run(() -> Snooze.fromSetting(settings.snoozedReminders(), owner()), kept -> {
            schedule.restore(kept);
            then.run();
        }, failure -> {
            LOG.warn("Could not read the snoozed reminders: {}", failure.getMessage());
            then.run();
        });
    }

    /** Stops checking and takes down the notifications and the tray icon. FX thread only. */
    public void stop() {
        stopped = true;
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
        inWindow.clear();
        desktop.close();
        if (attention instanceof AutoCloseable closeable) {
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
            desktop.show(reminder, choice -> context.background().onUiThread(() -> choose(reminder, choice)),
                    () -> context.background().onUiThread(() -> showInWindow(reminder)));
        }
    }

    private void showInWindow(Reminder reminder) {
        if (stopped) {
            return;
        }
        inWindow.removeIf(shown -> shown.taskId() == reminder.taskId()); // an older reminder of the same task
        inWindow.add(reminder);
        attention.accept(reminder.message());
    }

    /**
     * What the person chose for {@code reminder}, in the notification or the window: complete the task, snooze it,
     * or (null) dismiss it. FX thread only.
     */
    public void choose(Reminder reminder, ReminderChoice choice) {
        inWindow.remove(reminder);
        if (stopped || choice == null) {
            return;
        }
        if (choice == ReminderChoice.COMPLETE) {
            complete.accept(reminder.taskId());
            return;
        }
        Instant until = choice.snoozedUntil(context.clock().instant(), context.clock().getZone());
        schedule.snooze(reminder, until);
        inApp.accept(Messages.format("reminders.snoozed", reminder.title(),
                Formats.TIME.format(until.atZone(context.clock().getZone()))));
        keepSnoozes();
    }

    /** Writes the snoozes to the settings file in the background, for the next start. */
    private void keepSnoozes() {
        DesktopServices settings = context.desktop();
        if (settings == null) {
            return;
        }
        List<Snooze> snoozes = schedule.snoozes();
        String owner = owner();
        context.background().run(() -> {
            settings.saveSnoozedReminders(Snooze.toSetting(settings.snoozedReminders(), owner, snoozes));
            return null;
        }, saved -> { }, failure -> LOG.warn("Could not keep the snoozed reminders: {}", failure.getMessage()));
    }

    private String owner() {
        return Snooze.owner(context.workspace().databaseName(), context.user().userId());
    }
}
