package org.taskdesk.sync;

import java.util.Set;
import java.util.UUID;

/**
 * What merging one pulled page changed: items taken in, conflicts recorded, the task uids it held, and the lowest
 * version of a completion that waits for its task ({@link #NOTHING_WAITING} when none): the task changed after it
 * was completed, so it comes in a later page. {@code deletionsHeld}: the tasks here whose deletion the page brought
 * and the merge left for the pull guard to judge ({@link Replica#mergeHoldingDeletions}).
 */
public record MergedPage(int pulled, int conflicts, Set<UUID> tasksSeen, long waitingFrom, Set<UUID> deletionsHeld) {
    public static final long NOTHING_WAITING = Long.MAX_VALUE;

    public MergedPage {
        tasksSeen = Set.copyOf(tasksSeen);
        deletionsHeld = Set.copyOf(deletionsHeld);
    }

    /** A page merged whole: no deletion held. */
    public MergedPage(int pulled, int conflicts, Set<UUID> tasksSeen, long waitingFrom) {
        this(pulled, conflicts, tasksSeen, waitingFrom, Set.of());
    }

    /** The same, with the deletions of {@code tasks} held. */
    public MergedPage holding(Set<UUID> tasks) {
        return new MergedPage(pulled, conflicts, tasksSeen, waitingFrom, tasks);
    }
}
