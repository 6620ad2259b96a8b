package org.taskdesk.ui.reminders;

import java.util.function.Consumer;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;

/**
 * A way to show a reminder outside the window, with Complete and Snooze: a desktop notification. Kept behind this
 * interface so that {@link Reminders} is tested with a fake, and the desktop's own service with a fake program.
 */
public interface ReminderNotifier extends AutoCloseable {
    /**
     * Shows {@code reminder} and returns at once. Later, on any thread, exactly one of the two is called:
     * {@code chosen} with what the person chose (null when the notification was closed without a choice), or
     * {@code notShown} when this desktop could not show it (the window then shows it instead).
     */
    void show(Reminder reminder, Consumer<ReminderChoice> chosen, Runnable notShown);

    /** Takes down notifications still shown (sign-out, closing the window). */
    @Override
    default void close() {
    }
}
