package org.taskdesk.tasks;

import java.util.function.Function;

/**
 * Where the task services keep tasks: "these changes together". Persistence implements it; the services see only
 * this and {@link TaskRepository}, in the domain's terms.
 */
public interface TaskStorage {

    /**
     * Runs {@code changes} in one transaction for the person {@code ownerId}, signed in with {@code sessionToken}
     * (a shared server's row-level security reads it): everything it did is saved when it returns, nothing when it
     * throws. Database failures come out as {@link org.taskdesk.domain.TaskDeskException}s with a sentence for people.
     */
    <T> T inOneTransaction(int ownerId, String sessionToken, Function<TaskRepository, T> changes);
}
