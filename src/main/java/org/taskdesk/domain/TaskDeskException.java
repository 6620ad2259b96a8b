package org.taskdesk.domain;

import java.util.Objects;

/**
 * The one root of TaskDesk's own failures. Its message is a sentence for people: it says what is wrong and what
 * to do, never contains a password, and is shown as it is by the command line and the desktop app. The cause keeps
 * the technical detail for the log.
 */
public class TaskDeskException extends RuntimeException {
    private final ErrorCode code;

    public TaskDeskException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public TaskDeskException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message), cause);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
