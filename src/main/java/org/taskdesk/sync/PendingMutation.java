package org.taskdesk.sync;

import java.util.UUID;

/**
 * One mutation waiting in the outbox: its place ({@code seq}, increasing, what makes a push idempotent), its id, and
 * its JSON body as the protocol writes it, without the seq.
 */
public record PendingMutation(long seq, UUID id, String body) {
}
