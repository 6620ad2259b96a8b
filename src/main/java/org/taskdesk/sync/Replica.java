package org.taskdesk.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The device's replica of linked accounts, in the local database: the link, the outbox, the merge of pulled pages.
 * Each call is one local transaction; a merged page and the version it brings are saved together.
 */
public interface Replica {
    Optional<SyncLink> link(int userId);

    /**
     * Links {@code userId} to the server account: records the link and puts every existing task (with its completions)
     * into the outbox, so that the first round pushes them.
     */
    SyncLink link(int userId, String serverUrl, String serverEmail, UUID clientId);

    /** Forgets the link and what was waiting to be pushed; the tasks stay. */
    void unlink(int userId);

    /** The first {@code limit} mutations waiting, in order. */
    List<PendingMutation> waiting(int userId, int limit);

    /**
     * Takes in the server's results: applied and duplicate mutations leave the outbox (their tasks are synced),
     * rejected ones too, with their reasons kept for the status; clock_ahead ones stay.
     */
    void acknowledge(int userId, List<PendingMutation> pushed, List<MutationResult> results);

    /**
     * Learns the server's clock ({@code serverClock}, an HLC stamp) and stamps the mutations {@code ids} afresh, which
     * the server refused as too far ahead.
     */
    void restamp(int userId, String serverClock, Collection<UUID> ids);

    /**
     * Merges one pulled page and saves its version, in one transaction; saves at most {@code savedAtMost}, and below
     * any completion of the page whose task is not here yet, so that a crash before that task comes pulls the
     * completion again.
     */
    MergedPage merge(int userId, PulledPage page, long savedAtMost);

    /**
     * Merges {@code page} as {@link #merge} does, but leaves the deletions of tasks here for the pull guard to judge
     * ({@link MergedPage#deletionsHeld}); when it leaves any, the pulled version is not moved, so that a round that
     * stops to ask pulls them again. Deletions of tasks not here are applied.
     */
    MergedPage mergeHoldingDeletions(int userId, PulledPage page, long savedAtMost);

    /**
     * Applies the deletions of {@code page} whose tasks are among {@code tasks} (held by
     * {@link #mergeHoldingDeletions}), saving at most {@code savedAtMost} as the pulled version.
     */
    MergedPage mergeDeletions(int userId, PulledPage page, Set<UUID> tasks, long savedAtMost);

    /**
     * Whether nothing of this account is here yet: no task, completion, deletion or change waiting, nothing pulled
     * (the first pull of a new device, ADR 0038).
     */
    boolean holdsNothing(int userId);

    /**
     * Merges one page of a first pull ({@link SyncServer#pullRows}) and saves its version, in one transaction, as
     * {@link #merge} would merge the same page: when nothing of the page is here, its rows go in by batched inserts
     * without a lookup per item; otherwise (something of it arrived meanwhile: an earlier page, an edit made during
     * the pull) the page goes through {@link #merge}.
     */
    MergedPage mergeFirstPull(int userId, PulledRows page, long savedAtMost);

    /** How many tasks this account has here. */
    int taskCount(int userId);

    /** Saves how far the pull has come, where the merges of its pages were kept from saving it. */
    void pulledUpTo(int userId, long version);

    /** After a resync's last page: drops the synced tasks the server no longer has (never pushing them back). */
    int dropSyncedTasksExcept(int userId, Set<UUID> kept);

    /** How many tasks {@link #dropSyncedTasksExcept} would drop (changes nothing). */
    int wouldDrop(int userId, Set<UUID> kept);

    /**
     * Records how a round ended: at {@code at}, with {@code error} (null when it went through, and then the mutations
     * pushed in it leave the outbox).
     */
    void recordRound(int userId, Instant at, String error);

    List<Conflict> conflicts(int userId);

    /** Puts the value that lost in conflict {@code number} back, as a new edit (which syncs); the conflict is dismissed. */
    Conflict restore(int userId, int number);

    void dismiss(int userId, int number);
}
