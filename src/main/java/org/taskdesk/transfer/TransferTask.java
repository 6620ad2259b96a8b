package org.taskdesk.transfer;

import java.time.Instant;
import java.util.List;
import org.taskdesk.domain.tasks.Task;

/**
 * One task as a file carries it: the task's values, the identifier other apps know it by, and when it was completed
 * before (TaskDesk's JSON only).
 *
 * @param task        the values; its id is the exporting database's (0 when the file gives none)
 * @param uid         the file's stable identifier (iCalendar's UID), or null when the format has none
 * @param completions past completions, oldest first; empty where the format does not carry them
 * @param knowsCreated whether the file said when the task was created (else {@code task.createdAt()} is the import's
 *                    time, and cannot tell two imports of the same row apart)
 */
public record TransferTask(Task task, String uid, List<Instant> completions, boolean knowsCreated) {
    public TransferTask {
        completions = completions == null ? List.of() : List.copyOf(completions);
    }
}
