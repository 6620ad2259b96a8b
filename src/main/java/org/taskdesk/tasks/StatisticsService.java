package org.taskdesk.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.taskdesk.accounts.UserSession;

/**
 * How a person has been doing: completions and overdue tasks per day, open tasks by priority. Days are the
 * person's, in the clock's zone. See {@link StatisticsCalculator} for how overdue history is reconstructed.
 */
public final class StatisticsService {
    /** The window the statistics window shows. */
    public static final int DAYS = 30;

    private final TaskStorage storage;
    private final Clock clock;

    public StatisticsService(TaskStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The last {@link #DAYS} days, today included. */
    public TaskStatistics lastThirtyDays(UserSession user) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1L);
        // Completions before the window cannot make a day inside it overdue or done, so they are not read.
        Instant since = first.atStartOfDay(clock.getZone()).toInstant();
        return storage.inOneTransaction(user.userId(), user.token(), changes -> StatisticsCalculator.compute(changes.all(),
                changes.completionsSince(since), clock.getZone(), today, DAYS));
    }
}
