package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class TaskCompletionTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-18T09:15:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static Task task(Due due, RecurrenceRule rule) {
        return new Task(7, "Water plants", "", false, Priority.LOW, Tags.of("home"), due, rule, CREATED, CREATED, null);
    }

    @Test
    void completingPlainTaskClosesIt() {
        TaskCompletion.Result result = TaskCompletion.complete(task(Due.on(TODAY), null), TODAY, NOW);
        assertThat(result.advanced()).isFalse();
        assertThat(result.task().completed()).isTrue();
        assertThat(result.task().completedAt()).isEqualTo(NOW);
        assertThat(result.task().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void completingDailyTaskMovesDueDateToTomorrowAndKeepsTheTime() {
        Task t = task(Due.at(TODAY, LocalTime.of(9, 0)), RecurrenceRule.daily(1));
        TaskCompletion.Result result = TaskCompletion.complete(t, TODAY, NOW);
        assertThat(result.advanced()).isTrue();
        assertThat(result.task().completed()).isFalse();
        assertThat(result.task().due()).isEqualTo(Due.at(LocalDate.of(2026, 11, 19), LocalTime.of(9, 0)));
        assertThat(result.task().completedAt()).isEqualTo(NOW);
        assertThat(result.task().title()).isEqualTo("Water plants");
        assertThat(result.task().tags()).isEqualTo(Tags.of("home"));
    }

    @Test
    void completingOverdueDailyTaskSkipsTheMissedDays() {
        Task t = task(Due.on(LocalDate.of(2026, 11, 8)), RecurrenceRule.daily(1));
        assertThat(TaskCompletion.complete(t, TODAY, NOW).task().due()).isEqualTo(Due.on(LocalDate.of(2026, 11, 19)));
    }

    @Test
    void countGoesDownAndTheLastOccurrenceClosesTheTask() {
        Task t = task(Due.on(TODAY), RecurrenceRule.daily(1).times(2));
        TaskCompletion.Result first = TaskCompletion.complete(t, TODAY, NOW);
        assertThat(first.advanced()).isTrue();
        assertThat(first.task().recurrence().timesLeft()).contains(1);

        TaskCompletion.Result second = TaskCompletion.complete(first.task(), LocalDate.of(2026, 11, 19), NOW);
        assertThat(second.advanced()).isFalse();
        assertThat(second.task().completed()).isTrue();
        assertThat(second.task().due()).isEqualTo(Due.on(LocalDate.of(2026, 11, 19)));
    }

    @Test
    void pastUntilClosesTheTask() {
        Task t = task(Due.on(TODAY), RecurrenceRule.weekly(1, java.util.Set.of()).until(LocalDate.of(2026, 11, 24)));
        TaskCompletion.Result result = TaskCompletion.complete(t, TODAY, NOW);
        assertThat(result.advanced()).isFalse();
        assertThat(result.task().completed()).isTrue();
    }

    @Test
    void recurringTaskWithoutDueDateCountsFromToday() {
        Task t = task(null, RecurrenceRule.daily(2));
        assertThat(TaskCompletion.complete(t, TODAY, NOW).task().due()).isEqualTo(Due.on(LocalDate.of(2026, 11, 20)));
    }

    @Test
    void completingACompletedTaskChangesNothing() {
        Task done = TaskCompletion.complete(task(null, null), TODAY, NOW).task();
        TaskCompletion.Result again = TaskCompletion.complete(done, TODAY, NOW.plusSeconds(5));
        assertThat(again.task()).isEqualTo(done);
        assertThat(again.advanced()).isFalse();
    }
}
