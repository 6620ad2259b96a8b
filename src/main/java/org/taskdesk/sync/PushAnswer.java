package org.taskdesk.sync;

import java.util.List;

/** The server's answer to a push: its clock, and one result per mutation, in order. */
public record PushAnswer(String serverClock, List<MutationResult> results) {
    public PushAnswer {
        results = List.copyOf(results);
    }
}
