package org.taskdesk.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A value of this device that a merge overwrote: its task, the field, the value that lost and the one that won
 * (protocol JSON), which side won and when. {@code number} is what {@code taskdesk sync restore} takes.
 */
public record Conflict(int number, UUID taskUid, String taskTitle, String field, String lostValue, String wonValue,
                       String winner, Instant recordedAt) {
}
