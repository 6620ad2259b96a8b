package org.taskdesk.ui.tasks.undo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.CompletedTask;
import org.taskdesk.tasks.DeletedTask;
import org.taskdesk.tasks.RecordedCompletion;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * Undo and redo through the commands the main window runs, on real H2 and PostgreSQL (row-level security FORCEd):
 * what statistics count and what the database holds after each step, compared with what it held before.
 */
class UndoRestoresExactlyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Saturday 21 November 2026, 11:00 in Berlin. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), BERLIN);

    @TempDir
    Path folder;

    private Workspace workspace;
    private UserSession ann;
    private TaskCommands commands;

    private void open(DatabaseKind kind) {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(kind, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        commands = new TaskCommands(workspace.tasks(), ann, clock);
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private int completedInStatistics() {
        return workspace.statistics().lastThirtyDays(ann).totalCompleted();
    }

    private List<Task> all() {
        return workspace.tasks().list(ann, org.taskdesk.tasks.TaskQuery.of("")).tasks();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void completeUndoRedoCountsTheCompletionOnceAndUndoPutsTheTaskBack(DatabaseKind kind) {
        open(kind);
        Task bill = workspace.tasks().add(ann, quickAdd("Pay bill 2026-11-22 #home !high", clock));
        Task plants = workspace.tasks().add(ann, quickAdd("Water plants 2026-11-21 every day", clock));
        List<Task> before = all();

        TaskCommand complete = commands.complete(List.of(bill, plants));
        complete.execute();
        assertThat(completedInStatistics()).isEqualTo(2);
        List<Task> afterDone = all();

        complete.undo();
        assertThat(completedInStatistics()).as("undone completions are no longer counted").isZero();
        assertThat(all()).isEqualTo(before);

        clock.advance(Duration.ofMinutes(5));
        complete.redo();
        assertThat(completedInStatistics()).as("counted once after redo").isEqualTo(2);
        assertThat(all()).as("redo gives what the first time gave").isEqualTo(afterDone);

        complete.undo();
        assertThat(completedInStatistics()).isZero();
        assertThat(all()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void undoOfADeleteBringsBackTheSameIdsFieldsAndCompletionHistory(DatabaseKind kind) {
        open(kind);
        Task plants = workspace.tasks().add(ann, quickAdd("Water plants 2026-11-20 every day #home", clock));
        Task report = workspace.tasks().add(ann, quickAdd("Report 2026-11-25 !high", clock));
        workspace.tasks().complete(ann, plants.id());   // moves on to the 22nd; one completion recorded
        clock.advance(Duration.ofHours(1));
        workspace.tasks().complete(ann, plants.id());   // and another
        workspace.tasks().complete(ann, report.id());
        workspace.tasks().update(ann, report.id(), t -> t.withDescription("Q4 numbers", clock.instant()));
        List<Task> before = all();
        assertThat(completedInStatistics()).isEqualTo(3);

        TaskCommand delete = commands.delete(before);
        delete.execute();
        assertThat(all()).isEmpty();
        assertThat(completedInStatistics()).isZero();

        clock.advance(Duration.ofMinutes(5));
        delete.undo();
        assertThat(all()).as("same ids and every field").isEqualTo(before);
        assertThat(completedInStatistics()).as("history back").isEqualTo(3);

        delete.redo();
        assertThat(all()).isEmpty();
        delete.undo();
        assertThat(all()).isEqualTo(before);
        assertThat(completedInStatistics()).isEqualTo(3);

        // An older step still finds the restored task under its id: undo of an edit made before the delete.
        TaskCommand edit = commands.edit("Rename", List.of(workspace.tasks().get(ann, report.id())),
                t -> t.withTitle("Annual report", clock.instant()));
        edit.execute();
        edit.undo();
        assertThat(all()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void undoOfAnAddAndRedoKeepTheTasksId(DatabaseKind kind) {
        open(kind);
        TaskCommand add = commands.add(quickAdd("Call mum tomorrow #family", clock));
        Task added = add.execute().saved().get(0);

        add.undo();
        assertThat(all()).isEmpty();
        add.redo();
        assertThat(all()).containsExactly(added);
    }

    /**
     * RecordedCompletion is a public record, so a caller can hand back one naming another task: restore and redo
     * must refuse it rather than attach a history row to that task (H2 has no row-level security to stop it).
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCompletionNamingAnotherTaskIsRefusedByRestore(DatabaseKind kind) {
        RecordedCompletion forged = forgedCompletion(kind);
        Task report = workspace.tasks().get(ann, forged.taskId());
        assertThatThrownBy(() -> workspace.tasks().restore(ann,
                List.of(new DeletedTask(deletedPlants.task(), List.of(forged)))))
                .hasMessageContaining("another task");
        assertThat(completedInStatistics()).as("no history row attached to the report").isZero();
        assertThat(all()).as("the plants were not restored either").containsExactly(report);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCompletionNamingAnotherTaskIsRefusedByRedo(DatabaseKind kind) {
        RecordedCompletion forged = forgedCompletion(kind);
        // A redo step for the call task carrying a completion that names the report.
        Task call = workspace.tasks().add(ann, quickAdd("Call mum", clock));
        assertThatThrownBy(() -> workspace.tasks().redoCompletions(ann,
                List.of(new CompletedTask(call, call, forged))))
                .hasMessageContaining("another task");
        assertThat(completedInStatistics()).isZero();
    }

    private DeletedTask deletedPlants;

    /** A real history row of a deleted task, relabelled with the id of the person's other task, the report. */
    private RecordedCompletion forgedCompletion(DatabaseKind kind) {
        open(kind);
        Task plants = workspace.tasks().add(ann, quickAdd("Water plants 2026-11-20 every day", clock));
        Task report = workspace.tasks().add(ann, quickAdd("Report 2026-11-25", clock));
        workspace.tasks().complete(ann, plants.id());
        deletedPlants = workspace.tasks().delete(ann, List.of(plants.id())).get(0);
        RecordedCompletion real = deletedPlants.history().get(0);
        assertThat(completedInStatistics()).isZero();
        return new RecordedCompletion(real.id(), report.id(), real.completedAtUtc(), real.storedDue(),
                real.dueHasTime());
    }
}
