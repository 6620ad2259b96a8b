package org.taskdesk.sync;

import java.util.Set;
import java.util.UUID;

/** What merging one pulled page changed: items taken in, conflicts recorded, and the task uids it held. */
public record MergedPage(int pulled, int conflicts, Set<UUID> tasksSeen) {
    public MergedPage {
        tasksSeen = Set.copyOf(tasksSeen);
    }
}
