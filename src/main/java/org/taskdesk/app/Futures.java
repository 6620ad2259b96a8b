package org.taskdesk.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work that start-up began on another thread. */
final class Futures {
    private Futures() {
    }

    /**
     * {@code future}'s value, waiting for it; what the work threw is thrown as it was (a TaskDeskException keeps its
     * one-line message), not wrapped in a CompletionException.
     */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
