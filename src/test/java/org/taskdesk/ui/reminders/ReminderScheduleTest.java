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

    @Test
    void aSnoozedReminderComesBackWhenTheSnoozeEndsAndOnlyThen() {
        Task call = at(1, "Call mum", 11, 0);
        Reminder first = schedule.check(List.of(call)).get(0);

        schedule.snooze(first, clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(9));
        assertThat(check(call)).as("11:09").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(call)).containsExactly("Due now: Call mum (11:00)");
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(call)).as("once per snooze").isEmpty();
        assertThat(schedule.snoozes()).isEmpty();
    }

    @Test
    void snoozesKeptFromTheLastRunComeBackEvenLongAfterTheDueTimeAndGoWithTheirTask() {
        Task call = at(1, "Call mum", 11, 0);
        Task rent = at(2, "Pay rent", 11, 0);
        List<Reminder> both = schedule.check(List.of(call, rent));
        assertThat(both).hasSize(2);
        both.forEach(reminder -> schedule.snooze(reminder, Instant.parse("2026-11-22T08:00:00Z"))); // 09:00 Berlin
        List<Snooze> kept = schedule.snoozes();

        clock.advance(Duration.ofHours(20)); // the app is restarted the next morning, 07:00
        ReminderSchedule next = new ReminderSchedule(clock, Duration.ofMinutes(5));
        next.restore(kept);
        Task rentDone = new Task(2, "Pay rent", "", true, null, null, rent.due(), null, Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH);
        assertThat(next.check(List.of(call))).as("07:00, before the snooze ends").isEmpty();
        assertThat(next.snoozes()).as("a snooze goes with its task (done: not among the open tasks)")
                .extracting(Snooze::taskId).containsExactly(1L);
        clock.advance(Duration.ofHours(2));
        assertThat(next.check(List.of(call, rentDone))).extracting(Reminder::message)
                .containsExactly("Due now: Call mum (11:00)");
    }

    @Test
    void snoozesAreWrittenPerPersonAndDatabaseAndOthersAreKept() {
        Snooze mine = new Snooze(7, Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T10:10:00Z"));
        String ann = Snooze.owner("/home/ann/tasks.mv.db", 1);
        String bob = Snooze.owner("/home/ann/tasks.mv.db", 2);
        String written = Snooze.toSetting("", bob, List.of(mine));
        written = Snooze.toSetting(written + ";garbage/x/y/z", ann, List.of(mine));

        assertThat(Snooze.fromSetting(written, ann)).containsExactly(mine);
        assertThat(Snooze.fromSetting(written, bob)).containsExactly(mine);
        assertThat(Snooze.fromSetting(Snooze.toSetting(written, ann, List.of()), bob)).containsExactly(mine);
        assertThat(Snooze.fromSetting(Snooze.toSetting(written, ann, List.of()), ann)).isEmpty();
    }
}
