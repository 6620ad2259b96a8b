package org.taskdesk.sync;

import java.util.UUID;

/** What the server did with one pushed mutation: applied, duplicate, rejected (with a reason) or clock_ahead. */
public record MutationResult(UUID id, String status, String reason, String note) {
    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String CLOCK_AHEAD = "clock_ahead";
}
