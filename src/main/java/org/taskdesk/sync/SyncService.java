package org.taskdesk.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.sync.Uids;

/**
 * Sync of a local account with its server account (protocol v1, ADR 0024): linking, one round at a time (push the
 * outbox, then pull until nothing more), the status, and the conflict inbox. Never blocks anything but its caller:
 * the app runs it off the JavaFX thread. A failed round leaves the local data as it was: the outbox keeps what the
 * server has not acknowledged, and the pulled version moves only with the page it belongs to.
 */
public final class SyncService {
    /** The protocol's limit of mutations per push. */
    public static final int PUSH_BATCH = 1000;
    /** Items per pulled page: one local transaction each. */
    public static final int PULL_PAGE = 1000;
    /**
     * Items per page of a first pull as rows (ADR 0038): one local transaction each, the server's rows read into
     * memory whole.
     */
    public static final int FIRST_PULL_PAGE = 2000;
    /** The pull asks before deleting more than a fifth of the tasks here, and at least this many. */
    public static final int GUARD_MINIMUM = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** Clock_ahead answers in a row before a round gives up (each re-stamps in server time, so one should do). */
    private static final int MAX_RESTAMPS = 3;

    private final Replica replica;
    private final SyncServers servers;
    private final SyncTokens tokens;
    private final Clock clock;

    public SyncService(Replica replica, SyncServers servers, SyncTokens tokens, Clock clock) {
        this.replica = replica;
        this.servers = servers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Links {@code user}'s local account to the account with the same email on the server at {@code serverUrl},
     * creating it there if it does not exist, with {@code serverPassword}. Every local task goes into the outbox.
     */
    public SyncLink link(UserSession user, String serverUrl, String serverPassword) {
        int userId = user.account().id();
        replica.link(userId).ifPresent(existing -> {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "This account is already linked to "
                    + existing.serverUrl() + ": run 'taskdesk sync unlink' first to link it elsewhere.");
        });
        String email = user.account().email();
        String token = servers.signInOrSignUp(serverUrl, email, user.account().name(), serverPassword);
        return link(user, serverUrl, email, token);
    }

    /**
     * Links {@code user}'s local account to the server account whose session {@code token} the caller already holds
     * (a shared server's replica, made at the first sign-in there: ADR 0029), keeping the session like {@link #link}.
     */
    public SyncLink link(UserSession user, String serverUrl, String serverEmail, String token) {
        int userId = user.account().id();
        tokens.save(tokenKey(userId, serverUrl), token);
        return replica.link(userId, serverUrl, serverEmail, Uids.newClientId());
    }

    /**
     * Keeps {@code token}, a new session on the linked server (a later sign-in there), for the link's rounds; the
     * session it replaces is ended there, quietly when the server cannot be reached.
     */
    public void renewSession(UserSession user, String token) {
        SyncLink link = linked(user);
        String key = tokenKey(link.userId(), link.serverUrl());
        tokens.load(key).filter(old -> !old.equals(token)).ifPresent(old -> servers.signOut(link.serverUrl(), old));
        tokens.save(key, token);
    }

    /** The server session of the link, as kept; empty when there is none. */
    public java.util.Optional<String> session(UserSession user) {
        SyncLink link = linked(user);
        return tokens.load(tokenKey(link.userId(), link.serverUrl()));
    }

    /** Ends the link; the local tasks stay as they are. */
    public void unlink(UserSession user) {
        SyncLink link = linked(user);
        String key = tokenKey(link.userId(), link.serverUrl());
        tokens.load(key).ifPresent(token -> servers.signOut(link.serverUrl(), token));
        tokens.forget(key);
        replica.unlink(link.userId());
    }

    /** Where the link stands; empty when the account is not linked. */
    public java.util.Optional<SyncLink> status(UserSession user) {
        return replica.link(user.account().id());
    }

    /** One round that asks before deleting many tasks: {@link #sync(UserSession, boolean)} without permission. */
    public SyncRound sync(UserSession user) {
        return sync(user, false);
    }

    /**
     * One round: push everything waiting, then pull until the server has nothing more. Unless {@code allowDeletes},
     * the pull stops before a page that would bring the deletions of this round past a fifth of the tasks here (and
     * at least {@link #GUARD_MINIMUM}): nothing of that page is applied, what was pushed stays in the outbox until a
     * round ends, and the answer says how many would go ({@link SyncRound#deletesHeld}).
     */
    public SyncRound sync(UserSession user, boolean allowDeletes) {
        SyncLink link = linked(user);
        String token = tokens.load(tokenKey(link.userId(), link.serverUrl())).orElseThrow(() -> new TaskDeskException(
                ErrorCode.NOT_AUTHORIZED, "This device has no session on " + link.serverUrl()
                + " any more: run 'taskdesk sync unlink' and 'taskdesk sync link' again (nothing local is lost)."));
        try (SyncServer server = servers.connect(link.serverUrl(), token)) {
            int[] pushed = push(server, link);
            int[] pulled = pull(server, link, allowDeletes);
            if (pulled[2] > 0) {
                LOG.info("Sync of account {} stopped before deleting {} of its {} tasks: it asks first", link.userId(),
                        pulled[2], pulled[3]);
                replica.recordRound(link.userId(), clock.instant(), "The server would delete " + pulled[2] + " of "
                        + pulled[3] + " tasks here; nothing was deleted. Run 'taskdesk sync --allow-deletes' to accept.");
                return new SyncRound(pushed[0], pulled[0], pulled[1], pushed[1], pulled[2], pulled[3]);
            }
            replica.recordRound(link.userId(), clock.instant(), null);
            return new SyncRound(pushed[0], pulled[0], pulled[1], pushed[1]);
        } catch (RuntimeException e) {
            LOG.warn("Sync of account {} with {} failed", link.userId(), link.serverUrl(), e);
            replica.recordRound(link.userId(), clock.instant(), e.getMessage());
            throw e;
        }
    }

    /** {pushed, rejected}. */
    private int[] push(SyncServer server, SyncLink link) {
        int pushed = 0;
        int rejected = 0;
        int restamps = 0;
        while (true) {
            List<PendingMutation> batch = replica.waiting(link.userId(), PUSH_BATCH);
            if (batch.isEmpty()) {
                return new int[] {pushed, rejected};
            }
            PushAnswer answer = server.push(link.clientId(), batch);
            replica.acknowledge(link.userId(), batch, answer.results());
            List<UUID> ahead = new ArrayList<>();
            for (MutationResult result : answer.results()) {
                switch (result.status()) {
                    case MutationResult.APPLIED, MutationResult.DUPLICATE -> pushed++;
                    case MutationResult.REJECTED -> rejected++;
                    case MutationResult.CLOCK_AHEAD -> ahead.add(result.id());
                    default -> throw new IllegalStateException("Unknown push status " + result.status());
                }
            }
            if (!ahead.isEmpty()) {
                if (++restamps > MAX_RESTAMPS) {
                    throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "The server keeps refusing this "
                            + "device's changes as made in the future: check the computer's clock, then sync again.");
                }
                replica.restamp(link.userId(), answer.serverClock(), ahead);
            }
        }
    }

    /**
     * {items pulled, conflicts, deletions held (0 when none), tasks here}. The guard judges the whole pull: unless
     * {@code allowDeletes}, every page is merged but its deletions of tasks here, which wait in memory until the last
     * page, with a resync's drop counted beside them; only then are they applied, or all kept when too many. While
     * any wait, and during a resync, the pulled version saved stays below them, so a round cut short or refused pulls
     * them again (a resync stays one until its drop is done).
     */
    private int[] pull(SyncServer server, SyncLink link, boolean allowDeletes) {
        int userId = link.userId();
        int pulled = 0;
        int conflicts = 0;
        if (link.pulledVersion() == 0 && replica.holdsNothing(userId)) {
            int[] first = firstPull(server, link);
            if (first[1] < 0) {
                return new int[] {first[0], 0, 0, 0};
            }
            // Not done as rows (an older server, or the server asked for a resync): the ordinary pull goes on from
            // the version the pages merged so far saved.
            pulled = first[0];
        }
        int tasksHere = allowDeletes ? 0 : replica.taskCount(userId);
        long cursor = replica.link(userId).orElseThrow().pulledVersion();
        long after = cursor;
        long savedAtMost = Long.MAX_VALUE; // below held deletions, and at the old cursor during a resync
        long reached = cursor; // what the merges would have saved without savedAtMost
        Set<UUID> seen = null; // collected only during a resync
        List<PulledPage> held = new ArrayList<>();
        Set<UUID> deleting = new HashSet<>();
        // A completion pulled before its task (the task changed after it was completed, so it has a later version and
        // comes in a later page) waits: the saved version stays below it, and one more pass from there places it.
        long waitingFrom = MergedPage.NOTHING_WAITING;
        boolean again = false;
        while (true) {
            PulledPage page = server.pull(link.clientId(), after, PULL_PAGE);
            if (page.resync()) {
                if (seen != null) {
                    throw new IllegalStateException("The server asked for a resync while one was running");
                }
                LOG.info("The server purged deletions this device had not seen: pulling account {} whole again", userId);
                seen = new HashSet<>();
                savedAtMost = Math.min(savedAtMost, cursor);
                after = 0;
                continue;
            }
            long waitingLimit = waitingFrom == MergedPage.NOTHING_WAITING ? Long.MAX_VALUE : waitingFrom - 1;
            long limit = Math.min(waitingLimit, savedAtMost);
            MergedPage merged;
            if (seen != null && page.version() == 0) {
                // The account is empty on the server: nothing to merge, and saving version 0 would end the resync.
                merged = new MergedPage(0, 0, Set.of(), MergedPage.NOTHING_WAITING);
            } else if (allowDeletes) {
                merged = replica.merge(userId, page, limit);
            } else {
                merged = replica.mergeHoldingDeletions(userId, page, limit);
            }
            pulled += merged.pulled();
            conflicts += merged.conflicts();
            if (seen != null) {
                seen.addAll(merged.tasksSeen());
            }
            deleting.removeAll(merged.tasksSeen()); // restored since: its deletion no longer holds
            if (!merged.deletionsHeld().isEmpty()) {
                held.add(page);
                deleting.addAll(merged.deletionsHeld());
                savedAtMost = Math.min(savedAtMost, after);
            }
            reached = Math.min(page.version(), waitingLimit);
            if (merged.waitingFrom() != MergedPage.NOTHING_WAITING) {
                reached = Math.min(reached, merged.waitingFrom() - 1);
            }
            waitingFrom = Math.min(waitingFrom, merged.waitingFrom());
            after = page.version();
            if (!page.more() && waitingFrom != MergedPage.NOTHING_WAITING && !again) {
                again = true;
                after = waitingFrom - 1;
                waitingFrom = MergedPage.NOTHING_WAITING;
                continue;
            }
            if (!page.more()) {
                break;
            }
        }
        if (!allowDeletes) {
            int going = deleting.size();
            if (seen != null) {
                Set<UUID> kept = new HashSet<>(seen);
                kept.addAll(deleting); // they go by their own deletions, not by the drop
                going += replica.wouldDrop(userId, kept);
            }
            if (going >= GUARD_MINIMUM && going * 5 > tasksHere) {
                return new int[] {pulled, conflicts, going, tasksHere};
            }
        }
        for (PulledPage page : held) {
            pulled += replica.mergeDeletions(userId, page, deleting, savedAtMost).pulled();
        }
        if (seen != null) {
            replica.dropSyncedTasksExcept(userId, seen);
        }
        if (savedAtMost != Long.MAX_VALUE) {
            replica.pulledUpTo(userId, reached);
        }
        return new int[] {pulled, conflicts, 0, tasksHere};
    }

    /**
     * A first pull into a replica that holds nothing of the account (ADR 0038): the same pages as {@link #pull}, as
     * rows, each written by batched inserts in one local transaction. Nothing here can be deleted or lose a conflict,
     * so the pull guard has nothing to judge. A completion pulled before its task waits as in {@link #pull}: one more
     * pass from below it. Returns {items pulled, -1 when done, or 0 when the ordinary pull is to go on from the version
     * the pages merged so far saved}.
     */
    private int[] firstPull(SyncServer server, SyncLink link) {
        int pulled = 0;
        long after = 0;
        long waitingFrom = MergedPage.NOTHING_WAITING;
        boolean again = false;
        while (true) {
            Optional<PulledRows> rows = server.pullRows(link.clientId(), after, FIRST_PULL_PAGE);
            if (rows.isEmpty() || rows.get().resync()) {
                return new int[] {pulled, 0};
            }
            PulledRows page = rows.get();
            long waitingLimit = waitingFrom == MergedPage.NOTHING_WAITING ? Long.MAX_VALUE : waitingFrom - 1;
            MergedPage merged = replica.mergeFirstPull(link.userId(), page, waitingLimit);
            pulled += merged.pulled();
            waitingFrom = Math.min(waitingFrom, merged.waitingFrom());
            after = page.version();
            if (!page.more() && waitingFrom != MergedPage.NOTHING_WAITING && !again) {
                again = true;
                after = waitingFrom - 1;
                waitingFrom = MergedPage.NOTHING_WAITING;
                continue;
            }
            if (!page.more()) {
                return new int[] {pulled, -1};
            }
        }
    }

    /** The values this device lost to merges, not yet restored or dismissed, numbered for {@link #restore}. */
    public List<Conflict> conflicts(UserSession user) {
        return replica.conflicts(linked(user).userId());
    }

    /** Puts back the value that lost in conflict {@code number}, as a new edit that the next round pushes. */
    public Conflict restore(UserSession user, int number) {
        return replica.restore(linked(user).userId(), number);
    }

    public void dismiss(UserSession user, int number) {
        replica.dismiss(linked(user).userId(), number);
    }

    private SyncLink linked(UserSession user) {
        return replica.link(user.account().id()).orElseThrow(() -> new TaskDeskException(ErrorCode.INVALID_INPUT,
                "This account is not linked to a server: run 'taskdesk sync link --server URL' first."));
    }

    /** One session per local account and server. */
    static String tokenKey(int userId, String serverUrl) {
        return "sync " + userId + ": " + serverUrl;
    }
}
