package org.taskdesk.tasks;

import java.util.function.Function;

/**
 * Where saved searches are kept: "these changes together", as {@link TaskStorage} is for tasks. Persistence
 * implements it.
 */
public interface SavedSearchStorage {

    /**
     * Runs {@code changes} in one transaction for the person {@code ownerId}, signed in with {@code sessionToken}
     * (a shared server's row-level security reads it): saved when it returns, nothing when it throws.
     */
    <T> T inOneTransaction(int ownerId, String sessionToken, Function<SavedSearchRepository, T> changes);
}
