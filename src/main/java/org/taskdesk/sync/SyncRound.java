package org.taskdesk.sync;

/**
 * What one round did: mutations the server took, items pulled, conflicts recorded here, mutations refused. When the
 * pull stopped before deleting many tasks ({@link #deletesHeld}), {@code wouldDelete} of the {@code tasksHere} would
 * have gone: nothing of that page was applied, and the next round with permission applies it.
 */
public record SyncRound(int pushed, int pulled, int conflicts, int rejected, int wouldDelete, int tasksHere) {
    /** A round that went to the end. */
    public SyncRound(int pushed, int pulled, int conflicts, int rejected) {
        this(pushed, pulled, conflicts, rejected, 0, 0);
    }

    /** True when the pull stopped to ask before deleting many tasks here. */
    public boolean deletesHeld() {
        return wouldDelete > 0;
    }
}
