package org.taskdesk.domain;

/**
 * The database server stopped answering or the connection to it broke, as opposed to a server that answered "no".
 * Its message names the server and says what became of the work ("nothing was changed", or that a change may or may
 * not have been saved); the desktop app offers to try again.
 */
public class ServerNotAnsweringException extends TaskDeskException {
    public ServerNotAnsweringException(String message, Throwable cause) {
        super(ErrorCode.DATABASE_UNAVAILABLE, message, cause);
    }
}
