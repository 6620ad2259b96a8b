package org.taskdesk.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.tasks.TaskMapper;
import org.taskdesk.persistence.tasks.TaskRepository;

/**
 * How a person has been doing: completions and overdue tasks per day, open tasks by priority. Days are the
 * person's, in the clock's zone. See {@link StatisticsCalculator} for how overdue history is reconstructed.
 */
public final class StatisticsService {
    /** The window the statistics window shows. */
    public static final int DAYS = 30;

    private final Transactions transactions;
    private final TaskRepository repository;
    private final Clock clock;
    private final TaskMapper mapper;

    public StatisticsService(Transactions transactions, TaskRepository repository, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
        this.mapper = new TaskMapper(clock.getZone());
    }

    /** The last {@link #DAYS} days, today included. */
    public TaskStatistics lastThirtyDays(UserSession user) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1L);
        // Completions before the window cannot make a day inside it overdue or done, so they are not read.
        var since = TaskMapper.toUtc(first.atStartOfDay(clock.getZone()).toInstant());
        return transactions.asUser(user.token(), session -> {
            var tasks = repository.list(session, user.userId(), null).stream().map(mapper::toTask).toList();
            List<PastCompletion> completions = repository.completionsSince(session, user.userId(), since).stream()
                    .map(row -> new PastCompletion(row.getTaskId(), TaskMapper.toInstant(row.getCompletedAt()),
                            mapper.due(row.getDueDate(), row.isDueHasTime())))
                    .toList();
            return StatisticsCalculator.compute(tasks, completions, clock.getZone(), today, DAYS);
        });
    }
}
