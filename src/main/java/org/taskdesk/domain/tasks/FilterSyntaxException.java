package org.taskdesk.domain.tasks;

import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * A filter the person typed cannot be read. {@link #position()} is the 0-based index in the filter text
 * where the problem is (between 0 and the text's length), so the UI can put the caret there; the message is
 * one line that names the position and says what to do, e.g.
 * {@code Unclosed "(" at position 6: add ")"}.
 */
public final class FilterSyntaxException extends TaskDeskException {

    private static final long serialVersionUID = 1L;

    private final int position;

    public FilterSyntaxException(String message, int position) {
        super(ErrorCode.INVALID_INPUT, message);
        this.position = position;
    }

    /** Where in the filter text the problem is, 0-based. */
    public int position() {
        return position;
    }
}
