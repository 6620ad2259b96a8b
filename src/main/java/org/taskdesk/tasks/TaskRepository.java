package org.taskdesk.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.taskdesk.domain.tasks.Task;

/**
 * One person's tasks and their completion history, for the length of one transaction of {@link TaskStorage}: records
 * in, records out. Every call acts for that person only, so another person's task is simply not there. Not to be
 * kept past the transaction it was handed to.
 */
public interface TaskRepository {

    /** Every task, open and done, in the order they were added. */
    List<Task> all();

    /** The summary of every task that changes with any of them, read without loading the tasks. */
    TaskListStamp stamp();

    /** The open tasks only, read with the database's index on open tasks. */
    List<Task> open();

    /** The task {@code id}; empty when there is none (or it is someone else's). */
    Optional<Task> find(long id);

    /** Saves a new task (its id is ignored) and returns it as stored, with its new id. */
    Task add(Task task);

    /**
     * Saves many new tasks at once (an import): like {@link #add} for each, in order, in batches of rows rather than
     * one statement per task. Returns them as stored, with their new ids, in the same order.
     */
    List<Task> addAll(List<Task> tasks);

    /**
     * Writes {@code values} (every field but the id, the owner and the creation time) onto the task {@code id}, which
     * must have been found in this transaction; returns the task as stored.
     */
    Task update(long id, Task values);

    /** Deletes the task {@code id}, which must have been found in this transaction, and its completion history. */
    void delete(long id);

    /**
     * Records that the task {@code taskId} was completed at {@code completedAt}, with the due date it has now: call
     * it before the completion moves a repeating task's due date on.
     */
    RecordedCompletion recordCompletion(long taskId, Instant completedAt);

    /**
     * Records many past completions at once (an import's history), in batches: each of a task found or added in this
     * transaction, at its moment, with the due date it gives (the task's due date as the caller has just written it).
     */
    void recordCompletions(List<PastCompletion> completions);

    /** The completions at or after {@code since}, oldest first. */
    List<PastCompletion> completionsSince(Instant since);

    /** The completion history of the tasks {@code taskIds}, oldest first. */
    List<RecordedCompletion> completionsOf(Collection<Long> taskIds);

    /** Removes one history row (an undone completion); false when there was none. */
    boolean deleteCompletion(long completionId);

    /** Puts a deleted task back under the id it had, with every field as {@code task} has it. */
    void insertWithId(Task task);

    /** Puts a history row back under the id it had, with the values it had. */
    void insertCompletion(RecordedCompletion completion);
}
