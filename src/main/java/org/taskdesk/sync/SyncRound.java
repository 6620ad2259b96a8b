package org.taskdesk.sync;

/** What one round did: mutations the server took, items pulled, conflicts recorded here, mutations refused. */
public record SyncRound(int pushed, int pulled, int conflicts, int rejected) {
}
