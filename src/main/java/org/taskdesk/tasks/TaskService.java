package org.taskdesk.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskCompletion;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.persistence.entities.TaskCompletionEntity;
import org.taskdesk.persistence.entities.TaskEntity;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.tasks.TaskMapper;
import org.taskdesk.persistence.tasks.TaskRepository;

/**
 * A signed-in person's tasks. Every method acts for that person only: another person's task is "not found",
 * whatever id is tried. Hands out immutable {@link Task} records, never entities.
 */
public final class TaskService {
    private final Transactions transactions;
    private final TaskRepository repository;
    private final Clock clock;
    private final TaskMapper mapper;
    private final QuickAddParser quickAdd = new QuickAddParser();

    /** {@code clock}'s zone is the person's: due times are shown and entered in it. */
    public TaskService(Transactions transactions, TaskRepository repository, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
        this.mapper = new TaskMapper(clock.getZone());
    }

    /** Adds the task one line of quick-add text describes, e.g. "Pay rent tomorrow 9am #home !high every month". */
    public Task add(UserSession user, String quickAddLine) {
        if (quickAddLine == null || quickAddLine.isBlank()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Type what the task is, e.g. \"Pay rent tomorrow 9am\".");
        }
        QuickAdd parsed = quickAdd.parse(quickAddLine, ZonedDateTime.now(clock));
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
        return transactions.asUser(user.token(), session -> {
            TaskEntity row = new TaskEntity(repository.owner(session, user.userId()), task.title(),
                    TaskMapper.toUtc(task.createdAt()));
            mapper.copy(task, row);
            repository.add(session, row);
            session.flush();
            return mapper.toTask(row);
        });
    }

    public Task get(UserSession user, long id) {
        return transactions.asUser(user.token(), session -> mapper.toTask(owned(session, user, id)));
    }

    /** The tasks matching {@code query}, sorted and paged. */
    public TaskPage list(UserSession user, TaskQuery query) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Task> all = transactions.asUser(user.token(), session ->
                repository.list(session, user.userId(), null).stream().map(mapper::toTask).toList());
        TaskFilter filter = query.filter();
        Stream<Task> matching = filter.matchesEverything() ? all.stream() : all.stream().filter(t -> filter.matches(t, now));
        List<Task> sorted = matching.sorted(query.sort().order()).toList();
        int from = Math.min(query.offset(), sorted.size());
        int to = (int) Math.min((long) from + query.limit(), sorted.size());
        return new TaskPage(sorted.subList(from, to), sorted.size(), query.offset(), query.limit());
    }

    /**
     * The person's open tasks, read with the database's index on open tasks: for the reminders' regular check,
     * which must not read every task ever completed.
     */
    public List<Task> open(UserSession user) {
        return transactions.asUser(user.token(), session ->
                repository.list(session, user.userId(), false).stream().map(mapper::toTask).toList());
    }

    /** Applies {@code change} to the task and saves it; the domain's rules check the result. */
    public Task update(UserSession user, long id, UnaryOperator<Task> change) {
        return transactions.asUser(user.token(), session -> {
            TaskEntity row = owned(session, user, id);
            Task changed = change.apply(mapper.toTask(row));
            mapper.copy(changed, row);
            return mapper.toTask(row);
        });
    }

    /** Completes the task; a recurring one moves to its next date instead, and the completion is recorded. */
    public TaskCompletion.Result complete(UserSession user, long id) {
        return transactions.asUser(user.token(), session -> {
            TaskEntity row = owned(session, user, id);
            // One reading of the clock: the history row and the task must agree on the moment, and on the day.
            Instant now = clock.instant();
            if (!row.isCompleted()) { // completing a done task changes nothing, so it is no new completion either
                repository.recordCompletion(session, row, TaskMapper.toUtc(now));
            }
            TaskCompletion.Result result = TaskCompletion.complete(mapper.toTask(row),
                    LocalDate.ofInstant(now, clock.getZone()), now);
            mapper.copy(result.task(), row);
            return new TaskCompletion.Result(mapper.toTask(row), result.advanced());
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
        transactions.asUser(user.token(), session -> {
            repository.delete(session, owned(session, user, id));
            return null;
        });
    }

    // ---- one transaction per user action, with what it takes to undo and redo it exactly -------------------

    /** Applies {@code change} to each task, all or none; the results in the order of {@code ids}. */
    public List<Task> update(UserSession user, List<Long> ids, UnaryOperator<Task> change) {
        return transactions.asUser(user.token(), session -> {
            List<Task> saved = new ArrayList<>();
            for (long id : ids) {
                TaskEntity row = owned(session, user, id);
                mapper.copy(change.apply(mapper.toTask(row)), row);
                saved.add(mapper.toTask(row));
            }
            return saved;
        });
    }

    /**
     * Puts each task back exactly as {@code snapshots} has it (every field, done or not, the due date, a repeat's
     * count, the time stamps), all or none: what an undo of an edit needs.
     */
    public List<Task> putBack(UserSession user, List<Task> snapshots) {
        return transactions.asUser(user.token(), session -> {
            List<Task> saved = new ArrayList<>();
            for (Task snapshot : snapshots) {
                TaskEntity row = owned(session, user, snapshot.id());
                mapper.copy(snapshot, row);
                saved.add(mapper.toTask(row));
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
        return transactions.asUser(user.token(), session -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            List<CompletedTask> done = new ArrayList<>();
            for (long id : ids) {
                TaskEntity row = owned(session, user, id);
                Task before = mapper.toTask(row);
                RecordedCompletion recorded = null;
                if (!row.isCompleted()) {
                    TaskCompletionEntity completion = repository.recordCompletion(session, row, TaskMapper.toUtc(now));
                    session.flush(); // for its id
                    recorded = recorded(completion);
                }
                mapper.copy(TaskCompletion.complete(before, today, now).task(), row);
                done.add(new CompletedTask(before, mapper.toTask(row), recorded));
            }
            return done;
        });
    }

    /**
     * Takes completions back in one transaction: each history row they added is removed (statistics no longer
     * count it) and each task is put back as it was before.
     */
    public List<Task> undoCompletions(UserSession user, List<CompletedTask> completed) {
        return transactions.asUser(user.token(), session -> {
            List<Task> saved = new ArrayList<>();
            for (CompletedTask step : completed) {
                TaskEntity row = owned(session, user, step.before().id());
                if (step.recorded() != null) {
                    repository.deleteCompletion(session, user.userId(), step.recorded().id());
                }
                mapper.copy(step.before(), row);
                saved.add(mapper.toTask(row));
            }
            return saved;
        });
    }

    /** Does undone completions again exactly: the same history rows (ids, moments) and the tasks as they were after. */
    public List<Task> redoCompletions(UserSession user, List<CompletedTask> completed) {
        return transactions.asUser(user.token(), session -> {
            List<Task> saved = new ArrayList<>();
            for (CompletedTask step : completed) {
                TaskEntity row = owned(session, user, step.after().id());
                if (step.recorded() != null) {
                    insert(session, user, step.after().id(), step.recorded());
                }
                mapper.copy(step.after(), row);
                saved.add(mapper.toTask(row));
            }
            return saved;
        });
    }

    /** Deletes the tasks, all or none, and hands back each with its history for {@link #restore}. */
    public List<DeletedTask> delete(UserSession user, List<Long> ids) {
        return transactions.asUser(user.token(), session -> {
            List<TaskEntity> rows = new ArrayList<>();
            for (long id : ids) {
                rows.add(owned(session, user, id));
            }
            List<TaskCompletionEntity> history = repository.completionsOf(session, user.userId(),
                    rows.stream().map(TaskEntity::getId).toList());
            List<DeletedTask> deleted = new ArrayList<>();
            for (TaskEntity row : rows) {
                deleted.add(new DeletedTask(mapper.toTask(row), history.stream()
                        .filter(c -> c.getTaskId() == row.getId()).map(TaskService::recorded).toList()));
            }
            for (TaskEntity row : rows) {
                repository.delete(session, row); // the database removes its history with it (ON DELETE CASCADE)
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
        return transactions.asUser(user.token(), session -> {
            for (DeletedTask gone : deleted) {
                Task task = gone.task();
                TaskEntity values = new TaskEntity(null, task.title(), TaskMapper.toUtc(task.createdAt()));
                mapper.copy(task, values);
                repository.insertWithId(session, user.userId(), task.id(), values);
                for (RecordedCompletion completion : gone.history()) {
                    insert(session, user, task.id(), completion);
                }
            }
            List<Task> restored = new ArrayList<>();
            for (DeletedTask gone : deleted) {
                restored.add(mapper.toTask(owned(session, user, gone.task().id())));
            }
            return restored;
        });
    }

    /**
     * Puts a history row back onto the task {@code taskId} of the step being undone or redone. The record is public,
     * so one naming another task is refused: on H2 nothing else would stop it joining that task's history.
     */
    private void insert(Session session, UserSession user, long taskId, RecordedCompletion completion) {
        if (completion.taskId() != taskId) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "A completion of task #" + completion.taskId()
                    + " cannot be put back onto another task (#" + taskId + "). Nothing was changed.");
        }
        repository.insertCompletion(session, user.userId(), completion.id(), completion.taskId(),
                completion.completedAtUtc(), completion.storedDue(), completion.dueHasTime());
    }

    private static RecordedCompletion recorded(TaskCompletionEntity completion) {
        return new RecordedCompletion(completion.getId(), completion.getTaskId(), completion.getCompletedAt(),
                completion.getDueDate(), completion.isDueHasTime());
    }

    private TaskEntity owned(Session session, UserSession user, long id) {
        return repository.find(session, user.userId(), id).orElseThrow(() ->
                new TaskDeskException(ErrorCode.NOT_FOUND, "There is no task #" + id + " in your list."));
    }
}
