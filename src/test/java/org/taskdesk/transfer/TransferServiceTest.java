package org.taskdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
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

/** Export and import through the workspace, on a real H2 file and the tests' PostgreSQL. */
class TransferServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Saturday 21 November 2026, 11:00 in Berlin. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), BERLIN);

    @TempDir
    Path folder;

    private Workspace workspace;
    private UserSession ann;
    private UserSession bob;

    private void open(DatabaseKind kind) {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(kind, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    static Stream<Arguments> formatsOnBothDatabases() {
        return Stream.of(DatabaseKind.values()).flatMap(kind -> Stream.of(TransferFormat.ICS, TransferFormat.CSV,
                TransferFormat.JSON).map(format -> Arguments.of(kind, format)));
    }

    /** Every field the formats carry, in as many shapes as a person's list has. */
    private List<Task> addVariedTasks(UserSession user) {
        Instant created = Instant.parse("2026-11-01T08:30:00Z");
        List<Task> tasks = List.of(
                new Task(0, "Pay rent", "Transfer to the landlord,\n\"on time\"; ünïcödé ✓", false, Priority.HIGH,
                        Tags.of("home", "money/bills"), Due.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0)),
                        RecurrenceRule.monthly(1), created, created, null),
                new Task(0, "Water the plants", "", false, Priority.LOW, Tags.of("home"),
                        Due.on(LocalDate.of(2026, 11, 23)), RecurrenceRule.parse("FREQ=DAILY;INTERVAL=3;X-FROM=DONE"),
                        created.plusSeconds(60), created.plusSeconds(60), null),
                new Task(0, "Send the report", "Quarterly", true, Priority.MEDIUM, Tags.EMPTY,
                        Due.at(LocalDate.of(2026, 11, 20), LocalTime.of(17, 30)), null, created.plusSeconds(120),
                        Instant.parse("2026-11-20T16:00:00Z"), Instant.parse("2026-11-20T16:00:00Z")),
                new Task(0, "Think, about things", "", false, Priority.NONE, Tags.EMPTY, null, null,
                        created.plusSeconds(180), created.plusSeconds(180), null),
                new Task(0, "Summer time call", "", false, Priority.NONE, Tags.of("work"),
                        Due.at(LocalDate.of(2027, 7, 1), LocalTime.of(23, 45)), RecurrenceRule.weekdays(),
                        created.plusSeconds(240), created.plusSeconds(240), null));
        return tasks.stream().map(t -> workspace.tasks().add(user, t)).toList();
    }

    private String export(UserSession user, String filter, TransferFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workspace.transfer().export(user, filter, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Task> all(UserSession user) {
        return workspace.tasks().list(user, TaskQuery.of("")).tasks().stream()
                .sorted(Comparator.comparing(Task::createdAt)).toList();
    }

    @ParameterizedTest
    @MethodSource("formatsOnBothDatabases")
    void exportThenImportIntoAnEmptyAccountGivesEqualTasks(DatabaseKind kind, TransferFormat format) {
        open(kind);
        List<Task> original = addVariedTasks(ann);

        ImportSummary summary = workspace.transfer().importText(bob, export(ann, "", format), format, false);

        assertThat(summary.added()).isEqualTo(original.size());
        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.notKept()).isEmpty();
        List<Task> imported = all(bob);
        assertThat(imported).hasSize(original.size());
        for (int i = 0; i < original.size(); i++) {
            Task before = original.get(i);
            Task after = imported.get(i);
            assertThat(after.title()).isEqualTo(before.title());
            assertThat(after.description()).isEqualTo(before.description());
            assertThat(after.completed()).isEqualTo(before.completed());
            assertThat(after.priority()).isEqualTo(before.priority());
            assertThat(after.tags()).isEqualTo(before.tags());
            assertThat(after.due()).isEqualTo(before.due());
            assertThat(after.recurrence()).isEqualTo(before.recurrence());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.completedAt()).isEqualTo(before.completedAt());
        }
    }

    @ParameterizedTest
    @MethodSource("formatsOnBothDatabases")
    void importingTheSameFileAgainAddsNoDuplicates(DatabaseKind kind, TransferFormat format) {
        open(kind);
        addVariedTasks(ann);
        String file = export(ann, "", format);

        ImportSummary first = workspace.transfer().importText(bob, file, format, false);
        ImportSummary second = workspace.transfer().importText(bob, file, format, false);
        ImportSummary intoTheSameAccount = workspace.transfer().importText(ann, file, format, false);

        assertThat(first.added()).isEqualTo(5);
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(5);
        assertThat(intoTheSameAccount.added()).isZero();
        assertThat(intoTheSameAccount.unchanged()).isEqualTo(5);
        assertThat(all(bob)).hasSize(5);
        assertThat(all(ann)).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reimportingAnEditedFileUpdatesTheTaskItNames(DatabaseKind kind) {
        open(kind);
        List<Task> tasks = addVariedTasks(ann);
        String file = export(ann, "", TransferFormat.ICS).replace("SUMMARY:Pay rent", "SUMMARY:Pay the rent");

        ImportSummary summary = workspace.transfer().importText(ann, file, TransferFormat.ICS, false);

        assertThat(summary.added()).isZero();
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(workspace.tasks().get(ann, tasks.get(0).id()).title()).isEqualTo("Pay the rent");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFilterExportsOnlyTheTasksItMatches(DatabaseKind kind) {
        open(kind);
        addVariedTasks(ann);

        String csv = export(ann, "#home", TransferFormat.CSV);

        assertThat(csv).contains("Pay rent").contains("Water the plants").doesNotContain("Send the report")
                .doesNotContain("Think, about things").doesNotContain("Summer time call");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunReportsWithoutChangingAnything(DatabaseKind kind) {
        open(kind);
        addVariedTasks(ann);
        String file = export(ann, "", TransferFormat.JSON);

        ImportSummary summary = workspace.transfer().importText(bob, file, TransferFormat.JSON, true);

        assertThat(summary.added()).isEqualTo(5);
        assertThat(summary.describe()).startsWith("Dry run, nothing was changed");
        assertThat(all(bob)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFileBrokenHalfWayChangesNothingAndSaysWhere(DatabaseKind kind) {
        open(kind);
        String csv = "title,due\r\nFirst,2026-12-01\r\nSecond,2026-12-02\r\n\"Third, broken\"x,2026-12-03\r\n";

        TransferException e = assertThrows(TransferException.class,
                () -> workspace.transfer().importText(bob, csv, TransferFormat.CSV, false));

        assertThat(e.getMessage()).contains("line 4").contains("Nothing was imported");
        assertThat(all(bob)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rowsThatCannotBeTasksAreSkippedWithTheirLine(DatabaseKind kind) {
        open(kind);
        String csv = "title,priority,due\r\nFirst,high,\r\n,low,\r\nThird,urgent,\r\nFourth,,31/12/2026\r\nFifth,,\r\n";

        ImportSummary summary = workspace.transfer().importText(bob, csv, TransferFormat.CSV, false);

        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.skipped()).containsExactly("line 3: has no title",
                "line 4: priority 'urgent' is not high, medium, low or none",
                "line 5: due '31/12/2026' is not a date: write 2026-12-24 or 2026-12-24T09:00");
        assertThat(summary.describe()).isEqualTo("2 added, 0 updated, 3 skipped: line 3: has no title; line 4: priority "
                + "'urgent' is not high, medium, low or none; line 5: due '31/12/2026' is not a date: write 2026-12-24 "
                + "or 2026-12-24T09:00.");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void jsonKeepsTheCompletionHistory(DatabaseKind kind) {
        open(kind);
        Task daily = workspace.tasks().add(ann, new Task(0, "Stretch", "", false, Priority.NONE, Tags.EMPTY,
                Due.on(LocalDate.of(2026, 11, 21)), RecurrenceRule.daily(1), clock.instant(), clock.instant(), null));
        workspace.tasks().complete(ann, daily.id());
        clock.advance(java.time.Duration.ofDays(1));
        workspace.tasks().complete(ann, daily.id());
        String json = export(ann, "", TransferFormat.JSON);

        workspace.transfer().importText(bob, json, TransferFormat.JSON, false);
        workspace.transfer().importText(bob, json, TransferFormat.JSON, false);

        assertThat(workspace.statistics().lastThirtyDays(bob).totalCompleted()).isEqualTo(2);
    }
}
