package org.taskdesk.sync;

import java.util.Set;
import java.util.UUID;

/**
 * What merging one pulled page changed: items taken in, conflicts recorded, the task uids it held, and the lowest
 * version of a completion that waits for its task ({@link #NOTHING_WAITING} when none): the task changed after it
 * was completed, so it comes in a later page.
 */
public record MergedPage(int pulled, int conflicts, Set<UUID> tasksSeen, long waitingFrom) {
    public static final long NOTHING_WAITING = Long.MAX_VALUE;

    public MergedPage {
        tasksSeen = Set.copyOf(tasksSeen);
    }
}
