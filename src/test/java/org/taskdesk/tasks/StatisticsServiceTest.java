package org.taskdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.TaskStatistics.DayCount;
import org.taskdesk.tasks.TaskStatistics.PriorityCount;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * A month of Ann's tasks, lived through with a moving clock, and the numbers worked out by hand. Berlin is UTC+1
 * in November, so 10:00 UTC is 11:00 there and 23:30 UTC is already the next day.
 */
class StatisticsServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"), BERLIN);

    @TempDir
    Path folder;

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMonthOfCompletionsOpenTasksAndOverdueDaysAddsUpAsWorkedOutByHand(DatabaseKind kind) {
        try (Workspace workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(kind, folder), folder, clock)) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
            UserSession bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
            TaskService tasks = workspace.tasks();

            // 1 November: five tasks for Ann, two for Bob.
            long report = tasks.add(ann, quickAdd("Report 2026-11-03 !high", clock)).id();
            long plants = tasks.add(ann, quickAdd("Water plants 2026-11-02 every day", clock)).id();
            tasks.add(ann, quickAdd("Dentist 2026-11-20 !low", clock));
            long backup = tasks.add(ann, quickAdd("Backup 2026-10-20", clock)).id();
            tasks.add(ann, quickAdd("Read a book !medium", clock));
            tasks.add(ann, quickAdd("Taxes 2026-11-30 !high", clock));
            tasks.add(bob, quickAdd("Bob's overdue thing 2026-11-01", clock));
            long bobsChore = tasks.add(bob, quickAdd("Bob's chore", clock)).id();

            moveTo("2026-11-05T10:00:00Z");
            tasks.complete(ann, plants);            // due 2 Nov, done 5 Nov; moves on to 6 Nov
            moveTo("2026-11-06T10:00:00Z");
            tasks.complete(ann, report);            // due 3 Nov, done 6 Nov
            moveTo("2026-11-08T10:00:00Z");
            tasks.reopen(ann, report);              // open again: its completion stays in the history
            moveTo("2026-11-10T10:00:00Z");
            tasks.complete(ann, backup);            // due 20 Oct, done 10 Nov
            tasks.complete(bob, bobsChore);         // Bob's: never in Ann's numbers
            moveTo("2026-11-15T10:00:00Z");
            long bank = tasks.add(ann, quickAdd("Call bank 2026-11-15", clock)).id();
            tasks.complete(ann, bank);
            long gone = tasks.add(ann, quickAdd("Soon deleted", clock)).id();
            tasks.complete(ann, gone);
            moveTo("2026-11-15T23:30:00Z");         // 00:30 on 16 November in Berlin
            tasks.complete(ann, bank);              // already done: no second completion
            tasks.complete(ann, tasks.add(ann, quickAdd("Late night", clock)).id());
            moveTo("2026-11-20T10:00:00Z");
            tasks.delete(ann, gone);                // its history goes with it
            moveTo("2026-11-21T10:00:00Z");

            TaskStatistics stats = workspace.statistics().lastThirtyDays(ann);

            assertThat(stats.firstDay()).isEqualTo(LocalDate.of(2026, 10, 23));
            assertThat(stats.today()).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(stats.completedPerDay()).isEqualTo(perDay(Map.of(
                    "11-05", 1, "11-06", 1, "11-10", 1, "11-15", 1, "11-16", 1)));
            assertThat(stats.totalCompleted()).isEqualTo(5);
            assertThat(stats.openByPriority()).containsExactly(new PriorityCount(Priority.HIGH, 2),
                    new PriorityCount(Priority.MEDIUM, 1), new PriorityCount(Priority.LOW, 1),
                    new PriorityCount(Priority.NONE, 1));
            // Backup: created 1 Nov (before that it did not exist), overdue until done on 10 Nov: 1-9 Nov.
            // Plants: 3-4 Nov (due 2nd, done 5th), then its next date 6 Nov, open: 7-21 Nov.
            // Report: due 3 Nov, reopened, so counted as never done: 4-21 Nov. Dentist: due 20 Nov: 21 Nov.
            Map<String, Integer> overdue = new java.util.HashMap<>(Map.of("11-01", 1, "11-02", 1, "11-03", 2,
                    "11-04", 3, "11-05", 2, "11-06", 2, "11-07", 3, "11-08", 3, "11-09", 3, "11-21", 3));
            for (int day = 10; day <= 20; day++) {
                overdue.put("11-" + day, 2);
            }
            assertThat(stats.overduePerDay()).isEqualTo(perDay(overdue));
            assertThat(stats.overdueToday()).as("the same as the due:overdue filter today")
                    .isEqualTo(tasks.list(ann, TaskQuery.of("due:overdue")).total());
        }
    }

    /** 30 days from 23 October 2026, with the given counts ("MM-dd") and 0 elsewhere. */
    private static List<DayCount> perDay(Map<String, Integer> counts) {
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 10, 23); !day.isAfter(LocalDate.of(2026, 11, 21)); day = day.plusDays(1)) {
            days.add(new DayCount(day, counts.getOrDefault(day.toString().substring(5), 0)));
        }
        return days;
    }
}
