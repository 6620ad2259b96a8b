package org.taskdesk.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One person's saved searches for the length of one transaction ({@link SavedSearchStorage}): another person's
 * saved search is simply not found. Only stores; the rules are {@link SavedSearchService}'s.
 */
public interface SavedSearchRepository {
    /** Every saved search of the person, in no particular order. */
    List<SavedSearch> all();

    SavedSearch add(String name, String filter, Instant createdAt);

    /** The saved search renamed, or empty when the person has none with this id. */
    Optional<SavedSearch> rename(long id, String name);

    /** Whether there was one with this id to delete. */
    boolean delete(long id);
}
