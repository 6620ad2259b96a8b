package org.taskdesk.ui.tasks.undo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows tasks across "delete, then undo": the database gives the re-added task a new id, and commands
 * further down the undo history still know it by the old one. Every command looks ids up here.
 * Thread-safe: commands run on the background thread.
 */
public final class TaskIds {
    private final Map<Long, Long> moved = new ConcurrentHashMap<>();

    /** The id the task has now. */
    public long current(long id) {
        long result = id;
        // Follow the chain: a task deleted and restored twice moved twice.
        for (Long next = moved.get(result); next != null; next = moved.get(result)) {
            result = next;
        }
        return result;
    }

    /** Records that the task known as {@code oldId} now has {@code newId}. */
    public void moved(long oldId, long newId) {
        if (oldId != newId) {
            moved.put(current(oldId), newId);
        }
    }
}
