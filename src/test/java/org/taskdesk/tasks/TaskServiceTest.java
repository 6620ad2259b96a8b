package org.taskdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskCompletion;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

class TaskServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Saturday 21 November 2026, 11:00 in Berlin. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), BERLIN);

    @TempDir
    Path folder;

    /** Opens the database as the desktop app does; {@code OverPlainSqlTest} opens it as a command line does. */
    Workspace openWorkspace(String url) {
        return TestWorkspaces.open(url, folder, clock);
    }

    private String url;
    private Workspace workspace;
    private UserSession ann;
    private UserSession bob;

    private TaskService tasks() {
        return workspace.tasks();
    }

    private void open(DatabaseKind kind) {
        url = TestWorkspaces.freshUrl(kind, folder);
        workspace = openWorkspace(url);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
    }

    private <T> T withWorkspace(DatabaseKind kind, Function<Workspace, T> test) {
        open(kind);
        try {
            return test.apply(workspace);
        } finally {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void quickAddStoresEveryFieldAndReadsItBack(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            Task added = tasks().add(ann, quickAdd("Pay rent tomorrow 9am #home !high every month", clock));
            Task read = tasks().get(ann, added.id());

            assertThat(read).isEqualTo(added);
            assertThat(read.title()).isEqualTo("Pay rent");
            assertThat(read.due()).isEqualTo(Due.at(LocalDate.of(2026, 11, 22), LocalTime.of(9, 0)));
            assertThat(read.tags()).isEqualTo(Tags.of("home"));
            assertThat(read.priority()).isEqualTo(Priority.HIGH);
            assertThat(read.recurrence()).isEqualTo(RecurrenceRule.monthly(1));
            assertThat(read.createdAt()).isEqualTo(clock.instant());
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTimedDueIsStoredInUtcAndADateOnlyDueIsNotShifted(DatabaseKind kind) throws Exception {
        withWorkspace(kind, w -> {
            tasks().add(ann, quickAdd("Call mum 2026-12-24 17:30", clock));
            tasks().add(ann, quickAdd("Buy tree 2026-12-20", clock));
            return null;
        });
        try (Connection connection = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url)).open();
             Statement statement = connection.createStatement()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                // Row-level security hides every task, even from the owner, from a connection without a session.
                statement.execute("SELECT set_config('app.session_token', '" + ann.token() + "', false)");
            }
            ResultSet rows = statement.executeQuery("SELECT title, due_date, due_has_time FROM tasks ORDER BY id");
            rows.next();
            // 17:30 in Berlin in winter (UTC+1) is 16:30 UTC.
            assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 12, 24, 16, 30));
            assertThat(rows.getBoolean(3)).isTrue();
            rows.next();
            assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 12, 20, 0, 0));
            assertThat(rows.getBoolean(3)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherUsersTaskIsNotFoundWhateverIdIsTried(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            Task annsTask = tasks().add(ann, quickAdd("Ann's secret plan", clock));
            long id = annsTask.id();

            List<Runnable> attempts = List.of(
                    () -> tasks().get(bob, id),
                    () -> tasks().update(bob, id, task -> task.withTitle("hijacked", clock.instant())),
                    () -> tasks().complete(bob, id),
                    () -> tasks().reopen(bob, id),
                    () -> tasks().delete(bob, id),
                    () -> tasks().get(bob, id + 1000),
                    () -> tasks().get(bob, -1),
                    () -> tasks().get(bob, Long.MAX_VALUE));
            for (Runnable attempt : attempts) {
                TaskDeskException e = assertThrows(TaskDeskException.class, attempt::run);
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage()).startsWith("There is no task #");
            }
            assertThat(tasks().list(bob, TaskQuery.of("")).tasks()).isEmpty();
            assertThat(tasks().get(ann, id)).isEqualTo(annsTask);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void queriesSelectByStatusPriorityTagDueWindowAndText(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long overdue = tasks().add(ann, quickAdd("Renew passport 2026-11-10 #admin !high", clock)).id();
            long today = tasks().add(ann, quickAdd("Quarterly report today #work !medium", clock)).id();
            long soon = tasks().add(ann, quickAdd("Dentist 2026-11-25 #health", clock)).id();
            long later = tasks().add(ann, quickAdd("Plan holiday 2027-02-01 #home !low", clock)).id();
            long undated = tasks().add(ann, quickAdd("Read a book #home", clock)).id();
            long done = tasks().add(ann, quickAdd("Send the quarterly numbers #work", clock)).id();
            tasks().complete(ann, done);
            tasks().update(ann, undated, t -> t.withDescription("Something with a QUARTERLY theme", clock.instant()));

            assertThat(ids("is:open")).containsExactlyInAnyOrder(overdue, today, soon, later, undated);
            assertThat(ids("is:done")).containsExactly(done);
            assertThat(ids("priority:high")).containsExactly(overdue);
            assertThat(ids("#home")).containsExactlyInAnyOrder(later, undated);
            assertThat(ids("due:overdue")).containsExactly(overdue);
            assertThat(ids("due:today")).containsExactly(today);
            assertThat(ids("due:7d")).containsExactlyInAnyOrder(today, soon);
            assertThat(ids("due:none")).containsExactlyInAnyOrder(undated, done);
            assertThat(ids("quarterly")).as("title, description and tags").containsExactlyInAnyOrder(today, undated, done);
            assertThat(ids("#work & (due:today | due:overdue) & !is:done \"quarterly report\"")).containsExactly(today);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listsSortByDuePriorityCreationOrTitleAndPage(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long c = tasks().add(ann, quickAdd("Cherry 2026-11-30 !low", clock)).id();
            clock.advance(Duration.ofSeconds(1));
            long a = tasks().add(ann, quickAdd("apple 2026-11-23 !medium", clock)).id();
            clock.advance(Duration.ofSeconds(1));
            long b = tasks().add(ann, quickAdd("Banana !high", clock)).id();

            assertThat(sorted(TaskSort.DUE)).containsExactly(a, c, b);
            assertThat(sorted(TaskSort.PRIORITY)).containsExactly(b, a, c);
            assertThat(sorted(TaskSort.CREATED)).containsExactly(c, a, b);
            assertThat(sorted(TaskSort.TITLE)).containsExactly(a, b, c);

            TaskPage second = tasks().list(ann, TaskQuery.of("").sortedBy(TaskSort.TITLE).page(2, 2));
            assertThat(second.tasks()).extracting(Task::id).containsExactly(c);
            assertThat(second.total()).isEqualTo(3);
            assertThat(second.hasMore()).isFalse();
            assertThat(tasks().list(ann, TaskQuery.of("").sortedBy(TaskSort.TITLE).page(1, 2)).hasMore()).isTrue();
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void completingATenDaysOverdueDailyTaskGivesOneNextDateInTheFuture(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long id = tasks().add(ann, quickAdd("Water plants 2026-11-11 every day", clock)).id();

            TaskCompletion.Result result = tasks().complete(ann, id);

            assertThat(result.advanced()).isTrue();
            Task next = tasks().get(ann, id);
            assertThat(next.completed()).isFalse();
            assertThat(next.due().date()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(next.completedAt()).as("the completion is recorded").isEqualTo(clock.instant());
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void openTasksAreOnlyTheOpenOnesOfThePerson(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long open = tasks().add(ann, quickAdd("Still to do", clock)).id();
            long done = tasks().add(ann, quickAdd("Done already", clock)).id();
            tasks().complete(ann, done);
            tasks().add(bob, quickAdd("Bob's own", clock));

            assertThat(tasks().open(ann)).extracting(Task::id).containsExactly(open);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void completingAndReopeningAPlainTaskAndDeletingIt(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long id = tasks().add(ann, quickAdd("Post the letter", clock)).id();

            assertThat(tasks().complete(ann, id).task().completed()).isTrue();
            assertThat(tasks().reopen(ann, id).completed()).isFalse();
            tasks().delete(ann, id);

            assertThat(assertThrows(TaskDeskException.class, () -> tasks().get(ann, id)).code()).isEqualTo(ErrorCode.NOT_FOUND);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidInputIsRefusedWithAMessageAndNothingIsSaved(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            long id = tasks().add(ann, quickAdd("Fine title", clock)).id();

            TaskDeskException tooLong = assertThrows(TaskDeskException.class,
                    () -> tasks().update(ann, id, t -> t.withTitle("x".repeat(201), clock.instant())));
            assertThat(tooLong.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(tooLong.getMessage()).contains("201");
            assertThat(tasks().get(ann, id).title()).isEqualTo("Fine title");
            assertThrows(TaskDeskException.class, () -> tasks().add(ann, quickAdd("   ", clock)));
            return null;
        });
    }

    /**
     * Each bulk call is one transaction: when its second task fails, the first is as it was, though its change had
     * already gone to the database (a completion's history row, an edit flushed before the next task was read).
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBulkCallChangesAllItsTasksOrNone(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            Task rent = tasks().add(ann, quickAdd("Pay rent 2026-11-25 every month", clock));
            Task plants = tasks().add(ann, quickAdd("Water plants #home", clock));
            long bobsErrand = tasks().add(bob, quickAdd("Bob's errand", clock)).id();
            List<Long> secondIsNotAnns = List.of(rent.id(), bobsErrand);

            assertThat(assertThrows(TaskDeskException.class, () -> tasks().complete(ann, secondIsNotAnns)).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(assertThrows(TaskDeskException.class, () -> tasks().delete(ann, secondIsNotAnns)).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            TaskDeskException tooLong = assertThrows(TaskDeskException.class, () -> tasks().update(ann,
                    List.of(rent.id(), plants.id()), t -> t.withTitle(t.id() == plants.id() ? "x".repeat(201) : "Rent",
                            clock.instant())));
            assertThat(tooLong.code()).isEqualTo(ErrorCode.INVALID_INPUT);

            assertThat(tasks().get(ann, rent.id())).isEqualTo(rent);
            assertThat(tasks().get(ann, plants.id())).isEqualTo(plants);
            assertThat(w.statistics().lastThirtyDays(ann).totalCompleted()).isZero();
            assertThat(tasks().get(bob, bobsErrand).title()).isEqualTo("Bob's errand");
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTaskNamedTwiceInABulkDeleteIsDeletedOnceAndComesBackOnce(DatabaseKind kind) {
        withWorkspace(kind, w -> {
            Task rent = tasks().add(ann, quickAdd("Pay rent", clock));

            List<DeletedTask> deleted = tasks().delete(ann, List.of(rent.id(), rent.id()));

            assertThat(deleted).hasSize(1);
            assertThat(ids("")).isEmpty();
            tasks().restore(ann, deleted);
            assertThat(ids("")).containsExactly(rent.id());
            return null;
        });
    }

    private List<Long> ids(String filter) {
        return tasks().list(ann, TaskQuery.of(filter)).tasks().stream().map(Task::id).toList();
    }

    private List<Long> sorted(TaskSort sort) {
        return tasks().list(ann, TaskQuery.of("").sortedBy(sort)).tasks().stream().map(Task::id).toList();
    }
}
