package org.taskdesk.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskCompletion;
import org.taskdesk.domain.tasks.TaskFilter;

/**
 * A signed-in person's tasks. Every method acts for that person only: another person's task is "not found",
 * whatever id is tried. Hands out immutable {@link Task} records; keeps them in a {@link TaskStorage}, each call in one
 * transaction, so that a call on many tasks changes all of them or none.
 */
public final class TaskService {
    private final TaskStorage storage;
    private final Clock clock;

    /** {@code clock}'s zone is the person's: due times are shown and entered in it. */
    public TaskService(TaskStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Adds the task a quick-add line was read as, e.g. "Pay rent tomorrow 9am #home !high every month": the caller
     * reads the line once ({@link org.taskdesk.domain.tasks.QuickAddParser}) and saves what it showed, so that what
     * is saved cannot differ from what was seen (a "tomorrow" read before midnight and saved after it).
     */
    public Task add(UserSession user, QuickAdd parsed) {
        if (parsed.title().isBlank()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Type what the task is, e.g. \"Pay rent tomorrow 9am\".");
        }
        if (!parsed.problems().isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, parsed.problems().get(0));
        }
        Instant now = clock.instant();
        Task task = Task.create(parsed.title(), now).withPriority(parsed.priority(), now).withTags(parsed.tags(), now)
                .withDue(parsed.due(), now).withRecurrence(parsed.recurrence(), now);
        return add(user, task);
    }

    /** Adds {@code task} as it is (its id is ignored). */
    public Task add(UserSession user, Task task) {
        return inOneTransaction(user, changes -> changes.add(task));
    }

    public Task get(UserSession user, long id) {
        return inOneTransaction(user, changes -> owned(changes, id));
    }

    /** The tasks matching {@code query}, sorted and paged. */
    public TaskPage list(UserSession user, TaskQuery query) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Task> all = inOneTransaction(user, TaskRepository::all);
        TaskFilter filter = query.filter();
        Stream<Task> matching = filter.matchesEverything() ? all.stream() : all.stream().filter(t -> filter.matches(t, now));
        List<Task> sorted = matching.sorted(query.sort().order()).toList();
        int from = Math.min(query.offset(), sorted.size());
        int to = (int) Math.min((long) from + query.limit(), sorted.size());
        return new TaskPage(sorted.subList(from, to), sorted.size(), query.offset(), query.limit());
    }

    /** What changes whenever any of the person's tasks does: cheap to read, for noticing other programs' changes. */
    public TaskListStamp stamp(UserSession user) {
        return inOneTransaction(user, TaskRepository::stamp);
    }

    /**
     * The person's open tasks, read with the database's index on open tasks: for the reminders' regular check,
     * which must not read every task ever completed.
     */
    public List<Task> open(UserSession user) {
        return inOneTransaction(user, TaskRepository::open);
    }

    /** Applies {@code change} to the task and saves it; the domain's rules check the result. */
    public Task update(UserSession user, long id, UnaryOperator<Task> change) {
        return inOneTransaction(user, changes -> changes.update(id, change.apply(owned(changes, id))));
    }

    /** Completes the task; a recurring one moves to its next date instead, and the completion is recorded. */
    public TaskCompletion.Result complete(UserSession user, long id) {
        return inOneTransaction(user, changes -> {
            Task task = owned(changes, id);
            // One reading of the clock: the history row and the task must agree on the moment, and on the day.
            Instant now = clock.instant();
            if (!task.completed()) { // completing a done task changes nothing, so it is no new completion either
                changes.recordCompletion(id, now);
            }
            TaskCompletion.Result result = TaskCompletion.complete(task, LocalDate.ofInstant(now, clock.getZone()), now,
                    clock.getZone());
            return new TaskCompletion.Result(changes.update(id, result.task()), result.advanced());
        });
    }

    /**
     * Opens a completed task again. Its completion stays in the history: statistics count what was done, and an
     * undo a minute later is rare enough not to be worth rewriting history for.
     */
    public Task reopen(UserSession user, long id) {
        return update(user, id, task -> task.reopened(clock.instant()));
    }

    public void delete(UserSession user, long id) {
        inOneTransaction(user, changes -> {
            owned(changes, id);
            changes.delete(id);
            return null;
        });
    }

    // ---- one transaction per user action, with what it takes to undo and redo it exactly -------------------

    /** Applies {@code change} to each task, all or none; the results in the order of {@code ids}. */
    public List<Task> update(UserSession user, List<Long> ids, UnaryOperator<Task> change) {
        return inOneTransaction(user, changes -> {
            List<Task> saved = new ArrayList<>();
            for (long id : ids) {
                saved.add(changes.update(id, change.apply(owned(changes, id))));
            }
            return saved;
        });
    }

    /**
     * Puts each task back exactly as {@code snapshots} has it (every field, done or not, the due date, a repeat's
     * count, the time stamps), all or none: what an undo of an edit needs.
     */
    public List<Task> putBack(UserSession user, List<Task> snapshots) {
        return inOneTransaction(user, changes -> {
            List<Task> saved = new ArrayList<>();
            for (Task snapshot : snapshots) {
                owned(changes, snapshot.id());
                saved.add(changes.update(snapshot.id(), snapshot));
            }
            return saved;
        });
    }

    /**
     * Completes each task, all or none, as {@link #complete(UserSession, long)} does one: a history row for each
     * one that was open, repeating ones moved on. Returns what {@link #undoCompletions} and {@link #redoCompletions}
     * need.
     */
    public List<CompletedTask> complete(UserSession user, List<Long> ids) {
        return inOneTransaction(user, changes -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            List<CompletedTask> done = new ArrayList<>();
            for (long id : ids) {
                Task before = owned(changes, id);
                RecordedCompletion recorded = before.completed() ? null : changes.recordCompletion(id, now);
                Task after = changes.update(id, TaskCompletion.complete(before, today, now, clock.getZone()).task());
                done.add(new CompletedTask(before, after, recorded));
            }
            return done;
        });
    }

    /**
     * Takes completions back in one transaction: each history row they added is removed (statistics no longer
     * count it) and each task is put back as it was before.
     */
    public List<Task> undoCompletions(UserSession user, List<CompletedTask> completed) {
        return inOneTransaction(user, changes -> {
            List<Task> saved = new ArrayList<>();
            for (CompletedTask step : completed) {
                long id = owned(changes, step.before().id()).id();
                if (step.recorded() != null) {
                    changes.deleteCompletion(step.recorded().id());
                }
                saved.add(changes.update(id, step.before()));
            }
            return saved;
        });
    }

    /** Does undone completions again exactly: the same history rows (ids, moments) and the tasks as they were after. */
    public List<Task> redoCompletions(UserSession user, List<CompletedTask> completed) {
        return inOneTransaction(user, changes -> {
            List<Task> saved = new ArrayList<>();
            for (CompletedTask step : completed) {
                long id = owned(changes, step.after().id()).id();
                if (step.recorded() != null) {
                    insert(changes, id, step.recorded());
                }
                saved.add(changes.update(id, step.after()));
            }
            return saved;
        });
    }

    /** Deletes the tasks, all or none, and hands back each with its history for {@link #restore}. */
    public List<DeletedTask> delete(UserSession user, List<Long> ids) {
        return inOneTransaction(user, changes -> {
            List<Task> tasks = new ArrayList<>();
            for (long id : ids.stream().distinct().toList()) { // a task named twice is deleted once
                tasks.add(owned(changes, id));
            }
            List<RecordedCompletion> history = changes.completionsOf(tasks.stream().map(Task::id).toList());
            List<DeletedTask> deleted = new ArrayList<>();
            for (Task task : tasks) {
                deleted.add(new DeletedTask(task, history.stream().filter(c -> c.taskId() == task.id()).toList()));
            }
            for (Task task : tasks) {
                changes.delete(task.id());
            }
            return deleted;
        });
    }

    /**
     * Puts deleted tasks back exactly, in one transaction: the same ids, every field, and their completion history
     * (same rows, same ids), so statistics and older undo steps find them as they were. The signed-in person is the
     * owner, which row-level security on the shared server checks as well.
     */
    public List<Task> restore(UserSession user, List<DeletedTask> deleted) {
        return inOneTransaction(user, changes -> {
            for (DeletedTask gone : deleted) {
                changes.insertWithId(gone.task());
                for (RecordedCompletion completion : gone.history()) {
                    insert(changes, gone.task().id(), completion);
                }
            }
            List<Task> restored = new ArrayList<>();
            for (DeletedTask gone : deleted) {
                restored.add(owned(changes, gone.task().id()));
            }
            return restored;
        });
    }

    private <T> T inOneTransaction(UserSession user, Function<TaskRepository, T> changes) {
        return storage.inOneTransaction(user.userId(), user.token(), changes);
    }

    /**
     * Puts a history row back onto the task {@code taskId} of the step being undone or redone. The record is public,
     * so one naming another task is refused: on H2 nothing else would stop it joining that task's history.
     */
    private static void insert(TaskRepository changes, long taskId, RecordedCompletion completion) {
        if (completion.taskId() != taskId) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "A completion of task #" + completion.taskId()
                    + " cannot be put back onto another task (#" + taskId + "). Nothing was changed.");
        }
        changes.insertCompletion(completion);
    }

    private static Task owned(TaskRepository changes, long id) {
        return changes.find(id).orElseThrow(() ->
                new TaskDeskException(ErrorCode.NOT_FOUND, "There is no task #" + id + " in your list."));
    }
}
