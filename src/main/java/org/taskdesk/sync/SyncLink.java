package org.taskdesk.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account's link to a server account, and where its sync stands: how far it has pulled, when it last
 * synced, the last failure, and mutations the server refused (with the last reason).
 */
public record SyncLink(int userId, String serverUrl, String serverEmail, UUID clientId, long pulledVersion,
                       Instant lastSyncAt, String lastError, int rejectedCount, String lastRejection, int waiting,
                       int openConflicts) {
}
