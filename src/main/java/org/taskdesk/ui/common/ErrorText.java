package org.taskdesk.ui.common;

import org.taskdesk.domain.TaskDeskException;

/** The sentence to show for a failure: TaskDesk's own message, or a plain apology pointing to the log. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskDeskException known) {
                return known.getMessage();
            }
        }
        return Messages.text("error.unexpected");
    }
}
