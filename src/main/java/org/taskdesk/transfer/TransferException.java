package org.taskdesk.transfer;

import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * A file that cannot be read as its format: nothing of it was imported. The message starts with where the problem
 * is ("line 14: …", "record 3: …"), so that people can open the file there.
 */
public final class TransferException extends TaskDeskException {
    private static final long serialVersionUID = 1L;

    private final String position;

    public TransferException(String position, String problem) {
        this(position, problem, null);
    }

    public TransferException(String position, String problem, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, "The file cannot be imported, " + position + ": " + problem
                + " Nothing was imported.", cause);
        this.position = position;
    }

    /** Where in the file: "line 14", "line 3, column 7". */
    public String position() {
        return position;
    }
}
