package org.taskdesk.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's sync functions for one signed-in account (protocol v1): persistence calls PostgreSQL's
 * {@code taskdesk_sync_push} and {@code taskdesk_sync_pull}, and {@code taskdesk_sync_pull_rows} for a first pull;
 * tests may put a server of their own behind it. Closing it lets go of the connection.
 */
public interface SyncServer extends AutoCloseable {
    /** At most {@link SyncService#PUSH_BATCH} mutations, in outbox order. */
    PushAnswer push(UUID clientId, List<PendingMutation> mutations);

    PulledPage pull(UUID clientId, long after, int limit);

    /**
     * The same page as {@link #pull}, as rows (PostgreSQL's V18, ADR 0038), for a first pull into an empty replica;
     * empty when this server has no such function (an older server, or one whose setup has not granted it yet): the
     * ordinary pull then does the work.
     */
    default Optional<PulledRows> pullRows(UUID clientId, long after, int limit) {
        return Optional.empty();
    }

    @Override
    void close();
}
