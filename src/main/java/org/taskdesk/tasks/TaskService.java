package org.taskdesk.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
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
                    java.time.LocalDate.ofInstant(now, clock.getZone()), now);
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

    private TaskEntity owned(Session session, UserSession user, long id) {
        return repository.find(session, user.userId(), id).orElseThrow(() ->
                new TaskDeskException(ErrorCode.NOT_FOUND, "There is no task #" + id + " in your list."));
    }
}
