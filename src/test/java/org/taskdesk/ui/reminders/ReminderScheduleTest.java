package org.taskdesk.ui.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;

class ReminderScheduleTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** 11:00 in Berlin. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final ReminderSchedule schedule = new ReminderSchedule(clock, Duration.ofMinutes(5));

    private static Task task(long id, String title, Due due) {
        return Task.create(title, Instant.parse("2026-11-01T00:00:00Z")).withId(id).withDue(due, Instant.EPOCH);
    }

    private static Task at(long id, String title, int hour, int minute) {
        return task(id, title, Due.at(TODAY, LocalTime.of(hour, minute)));
    }

    private List<String> check(Task... tasks) {
        return schedule.check(List.of(tasks)).stream().map(Reminder::message).toList();
    }

    @Test
    void aTaskIsAnnouncedOnceWhenItsTimeComesInTheUsersZone() {
        Task call = at(1, "Call mum", 11, 30);

        assertThat(check(call)).isEmpty();
        clock.advance(Duration.ofMinutes(29));
        assertThat(check(call)).as("11:29").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(call)).containsExactly("Due now: Call mum (11:30)");
        clock.advance(Duration.ofSeconds(30));
        assertThat(check(call)).as("already announced").isEmpty();
    }

    @Test
    void onlyRecentlyDueTimedOpenTasksCount() {
        // 11:00 now, 5 minutes' grace: 10:56 and 10:58 came due around the start, 09:00 long before it.
        assertThat(check(at(1, "Just missed", 10, 56), at(2, "Long overdue", 9, 0),
                task(3, "Date only", Due.on(TODAY)), task(4, "No due date", null), at(5, "A moment ago", 10, 58)))
                .containsExactly("Due now: Just missed (10:56)", "Due now: A moment ago (10:58)");
        Task done = new Task(6, "Done", "", true, null, null, Due.at(TODAY, LocalTime.of(10, 59)), null,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        assertThat(check(done)).as("completed tasks are not announced").isEmpty();
    }

    @Test
    void aMovedDueTimeIsAnnouncedAgainAtTheNewTime() {
        clock.advance(Duration.ofMinutes(30));
        assertThat(check(at(1, "Stand-up", 11, 15))).containsExactly("Due now: Stand-up (11:15)");

        Task moved = at(1, "Stand-up", 11, 45);
        assertThat(check(moved)).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(check(moved)).containsExactly("Due now: Stand-up (11:45)");
    }
}
