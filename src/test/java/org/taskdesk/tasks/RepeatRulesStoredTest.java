package org.taskdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/** Repeat rules from calendars (issue 12) saved and read back on both databases, through the task service. */
class RepeatRulesStoredTest {
    @TempDir
    Path folder;

    private Workspace workspace;
    private UserSession ann;

    private TaskService open(DatabaseKind kind, MutableClock clock) {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(kind, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        return workspace.tasks();
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRuleLongerThanTheSeedsFiftyCharactersIsSavedWhole(DatabaseKind kind) {
        MutableClock clock = new MutableClock(Instant.parse("1997-08-30T12:00:00Z"), ZoneId.of("America/New_York"));
        TaskService tasks = open(kind, clock);
        // RFC 5545's "every other week on Monday, Wednesday and Friday until December 24, 1997": 68 characters.
        String rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;UNTIL=19971224T000000Z";
        Instant now = clock.instant();
        Task added = tasks.add(ann, Task.create("Team meeting", now)
                .withDue(Due.at(LocalDate.of(1997, 9, 1), LocalTime.of(9, 0)), now)
                .withRecurrence(RecurrenceRule.parse(rule), now));

        Task read = tasks.get(ann, added.id());

        assertThat(read.recurrence().toStored()).isEqualTo(rule);
        assertThat(read).isEqualTo(added);
    }

    /**
     * A daily task at 02:30 on the night the clocks go forward: that day has no 02:30, so that one occurrence is at
     * 03:30 (the instant an hour into the gap), and the day after it is at 02:30 again, as chosen.
     */
    @ParameterizedTest
    @CsvSource({
        "H2, Europe/Berlin, 2027-03-27",          // summer time starts Sunday 28 March 2027 at 02:00
        "POSTGRESQL, Europe/Berlin, 2027-03-27",
        "H2, America/New_York, 2027-03-13",       // and Sunday 14 March 2027 at 02:00 in New York
        "POSTGRESQL, America/New_York, 2027-03-13",
    })
    void aDueTimeInTheSpringGapMovesThatOccurrenceOnlyAndKeepsTheChosenTimeAfter(DatabaseKind kind, String zoneName,
                                                                                  LocalDate dayBefore) {
        ZoneId zone = ZoneId.of(zoneName);
        MutableClock clock = new MutableClock(dayBefore.atTime(10, 0).atZone(zone).toInstant(), zone);
        TaskService tasks = open(kind, clock);
        LocalTime halfPastTwo = LocalTime.of(2, 30);
        Instant now = clock.instant();
        long id = tasks.add(ann, Task.create("Take the pills", now).withDue(Due.at(dayBefore, halfPastTwo), now)
                .withRecurrence(RecurrenceRule.daily(1), now)).id();

        Task onTheChangeDay = tasks.complete(ann, id).task();
        assertThat(onTheChangeDay.due()).as("the change day has no 02:30").isEqualTo(Due.at(dayBefore.plusDays(1),
                LocalTime.of(3, 30)));
        assertThat(tasks.get(ann, id).due()).isEqualTo(onTheChangeDay.due());

        clock.advance(java.time.Duration.ofDays(1));
        Task dayAfter = tasks.complete(ann, id).task();
        assertThat(dayAfter.due()).as("back at the time chosen").isEqualTo(Due.at(dayBefore.plusDays(2), halfPastTwo));
        assertThat(tasks.get(ann, id).due()).isEqualTo(dayAfter.due());

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(tasks.complete(ann, id).task().due()).isEqualTo(Due.at(dayBefore.plusDays(3), halfPastTwo));
    }
}
