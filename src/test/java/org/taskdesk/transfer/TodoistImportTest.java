package org.taskdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/** A Todoist CSV export, as Todoist writes it, imported into an H2 file. */
class TodoistImportTest {
    /** Saturday 21 November 2026, 11:00 in Berlin. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    /** Todoist's columns; a project comment, two sections, labels, a sub-task, notes, every priority. */
    private static final String EXPORT = String.join("\r\n",
            "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT",
            "note,Shared with the family,,,,Ann (12345),,,,,,",
            "task,Pay rent @home @money,Standing order,4,1,Ann (12345),,every month,en,Europe/Berlin,,",
            "task,Call the plumber,,2,1,Ann (12345),,tomorrow 9am,en,Europe/Berlin,,",
            "task,Ask about the boiler,,1,2,Ann (12345),Bob (67890),,en,Europe/Berlin,,",
            "note,He said Tuesday,,,,Ann (12345),,,,,,",
            "section,Next Week,,,,,,,,,,",
            "task,Plan the trip @travel,,3,1,Ann (12345),,every other fri,en,Europe/Berlin,30,minute",
            "task,@lonely,,1,1,Ann (12345),,,en,Europe/Berlin,,",
            "");

    @TempDir
    Path folder;

    private Workspace workspace;
    private UserSession ann;

    @BeforeEach
    void open() {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void tasksSectionsLabelsPrioritiesAndDatesImportWithASummary() {
        ImportSummary summary = workspace.transfer().importText(ann, EXPORT, TransferFormat.CSV, false);

        assertThat(summary.describe()).isEqualTo("4 added, 0 updated, 1 skipped: line 9 has no title. Not kept: "
                + "line 2: a comment on the project, 'Shared with the family'; "
                + "line 8: the date 'every other fri' (not understood; it is in the description); "
                + "column AUTHOR (5 tasks); column RESPONSIBLE (1 task); column DURATION (1 task); "
                + "column DURATION_UNIT (1 task).");
        List<Task> tasks = workspace.tasks().list(ann, TaskQuery.of("")).tasks().stream()
                .sorted(Comparator.comparing(Task::id)).toList();
        assertThat(tasks).extracting(Task::title)
                .containsExactly("Pay rent", "Call the plumber", "Ask about the boiler", "Plan the trip");
        Task rent = tasks.get(0);
        assertThat(rent.tags()).isEqualTo(Tags.of("home", "money"));
        assertThat(rent.priority()).isEqualTo(Priority.HIGH);
        assertThat(rent.description()).isEqualTo("Standing order");
        assertThat(rent.recurrence()).isEqualTo(RecurrenceRule.monthly(1));
        assertThat(rent.due()).isEqualTo(Due.on(LocalDate.of(2026, 11, 21)));
        Task plumber = tasks.get(1);
        assertThat(plumber.priority()).isEqualTo(Priority.LOW);
        assertThat(plumber.due()).isEqualTo(Due.at(LocalDate.of(2026, 11, 22), LocalTime.of(9, 0)));
        Task boiler = tasks.get(2);
        assertThat(boiler.priority()).isEqualTo(Priority.NONE);
        assertThat(boiler.description()).isEqualTo("Sub-task of \"Call the plumber\" in Todoist.\n\nHe said Tuesday");
        Task trip = tasks.get(3);
        assertThat(trip.tags()).isEqualTo(Tags.of("travel", "next-week"));
        assertThat(trip.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(trip.due()).isNull();
        assertThat(trip.description()).isEqualTo("Todoist date: every other fri");
    }

    @Test
    void importingTheSameExportAgainAddsNothing() {
        workspace.transfer().importText(ann, EXPORT, TransferFormat.TODOIST, false);

        ImportSummary again = workspace.transfer().importText(ann, EXPORT, TransferFormat.TODOIST, false);

        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(workspace.tasks().list(ann, TaskQuery.of("")).tasks()).hasSize(4);
    }
}
