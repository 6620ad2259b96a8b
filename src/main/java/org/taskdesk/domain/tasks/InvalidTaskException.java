package org.taskdesk.domain.tasks;

import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * A task value that breaks one of the domain rules (a title too long, a tag with a space, a repeat rule
 * that cannot be stored). The message is one line meant for people: it says what is wrong and what to do,
 * so the UI and the CLI can show it as it is.
 */
public final class InvalidTaskException extends TaskDeskException {

    private static final long serialVersionUID = 1L;

    public InvalidTaskException(String message) {
        super(ErrorCode.INVALID_INPUT, message);
    }
}
