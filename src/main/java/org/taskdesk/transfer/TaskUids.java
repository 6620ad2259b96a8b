package org.taskdesk.transfer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The UID a task is exported under: a name-based UUID of the account and the task's id, so that it is the same on
 * every export and a re-import finds the task again (ADR 0019). When tasks get a UUID column of their own (sync), that
 * column replaces this.
 */
final class TaskUids {
    private TaskUids() {
    }

    static String of(int accountId, long taskId) {
        return UUID.nameUUIDFromBytes(("taskdesk:" + accountId + ":" + taskId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
