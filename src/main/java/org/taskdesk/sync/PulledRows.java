package org.taskdesk.sync;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.taskdesk.domain.sync.FieldClocks;

/**
 * One page of a first pull as rows ({@code taskdesk_sync_pull_rows}, ADR 0038): the same page, version, more and
 * resync as {@link PulledPage} answers, with the tasks, deletions and completions as typed values instead of the
 * protocol's JSON, so that neither side builds or parses a document per page.
 */
public record PulledRows(String serverClock, boolean resync, long version, boolean more, List<Task> tasks,
                         List<Deleted> deleted, List<Completion> completions) {
    public PulledRows {
        tasks = List.copyOf(tasks);
        deleted = List.copyOf(deleted);
        completions = List.copyOf(completions);
    }

    /** Items in the page, as {@link MergedPage#pulled} counts them. */
    public int items() {
        return tasks.size() + deleted.size() + completions.size();
    }

    /**
     * A task as the server has it: its seven fields (a due date without a time at the start of its day) and their
     * stamps.
     */
    public record Task(UUID uid, long version, LocalDateTime created, String title, String description,
                       String priority, String tags, LocalDateTime dueDate, boolean dueHasTime, String repeat,
                       boolean completed, LocalDateTime completedAt, FieldClocks clocks) {
    }

    /** A task deleted on the server, with the delete's stamp. */
    public record Deleted(UUID uid, long version, String stamp) {
    }

    /** One completion of task {@code task}. */
    public record Completion(UUID uid, UUID task, long version, LocalDateTime at, LocalDateTime dueDate,
                             boolean dueHasTime) {
    }
}
