package org.taskdesk.app;

import java.util.function.Supplier;
import org.taskdesk.domain.TaskDeskException;

/**
 * A setting read and checked once: its value, or the message that says why it has none, thrown by {@link #get()}
 * to whoever needs the setting (so a wrong bcrypt cost stops signing in, not {@code db current}).
 */
record Checked<T>(T value, TaskDeskException problem) {

    static <T> Checked<T> read(Supplier<T> reading) {
        try {
            return new Checked<>(reading.get(), null);
        } catch (TaskDeskException e) {
            return new Checked<>(null, e);
        }
    }

    T get() {
        if (problem != null) {
            throw problem;
        }
        return value;
    }
}
