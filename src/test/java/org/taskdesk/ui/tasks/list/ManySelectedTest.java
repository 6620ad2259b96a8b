package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;

/**
 * "3 selected" in place of the detail pane, and rescheduling the selection as one undoable step that keeps each
 * task's time of day: on a real H2 file, without JavaFX. Today is Saturday 21 November 2026 (MainWindowFixture).
 */
class ManySelectedTest {
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;
    private ManySelectedViewModel many;
    private SelectionActions actions;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
        fixture.add("Pay rent 2026-11-25 9am", "Call mum", "Write report 2026-11-27");
        models = new MainWindowModels(fixture.workspace.tasks(), fixture.workspace.savedSearches(), fixture.user,
                new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
        models.store().load();
        many = models.manySelected();
        actions = models.actions();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void selectAll() {
        models.list().setSelection(List.copyOf(models.list().visibleTasks()));
    }

    private Due stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.title().equals(title)).findFirst().orElseThrow().due();
    }

    @Test
    void severalSelectedTasksShowHowManyInPlaceOfTheDetailPane() {
        assertThat(many.showingProperty().get()).isFalse();
        models.list().setSelection(List.of(models.list().visibleTasks().get(0)));
        assertThat(many.showingProperty().get()).as("one task: the detail pane").isFalse();

        selectAll();
        assertThat(many.showingProperty().get()).isTrue();
        assertThat(many.headingProperty().get()).isEqualTo("3 selected");

        models.list().setSelection(List.of());
        assertThat(many.showingProperty().get()).isFalse();
    }

    @Test
    void reschedulingToTomorrowKeepsEachTimeOfDayAndIsOneUndoableStep() {
        selectAll();
        actions.rescheduleTomorrow();

        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertThat(stored("Pay rent")).isEqualTo(Due.at(sunday, NINE));
        assertThat(stored("Call mum")).as("no date before: the day itself").isEqualTo(Due.on(sunday));
        assertThat(stored("Write report")).isEqualTo(Due.on(sunday));
        assertThat(models.undo().undoDescriptionProperty().get()).startsWith("Undo Reschedule 3 tasks to ");

        actions.undo();

        assertThat(stored("Pay rent")).isEqualTo(Due.at(LocalDate.of(2026, 11, 25), NINE));
        assertThat(stored("Call mum")).isNull();
        assertThat(stored("Write report")).isEqualTo(Due.on(LocalDate.of(2026, 11, 27)));
        assertThat(models.undo().canUndoProperty().get()).as("all three in one step").isFalse();
    }

    @Test
    void todayNextWeekAndAPickedDateEachSetTheDate() {
        selectAll();
        actions.rescheduleToday();
        assertThat(stored("Pay rent")).isEqualTo(Due.at(LocalDate.of(2026, 11, 21), NINE));

        actions.rescheduleNextWeek();
        assertThat(stored("Pay rent")).as("next Monday, as quick add's 'next week'")
                .isEqualTo(Due.at(LocalDate.of(2026, 11, 23), NINE));

        actions.reschedule(LocalDate.of(2026, 12, 24));
        assertThat(stored("Pay rent")).isEqualTo(Due.at(LocalDate.of(2026, 12, 24), NINE));
        assertThat(stored("Write report")).isEqualTo(Due.on(LocalDate.of(2026, 12, 24)));
        assertThat(models.list().visibleTasks()).extracting(Task::due)
                .containsOnly(Due.at(LocalDate.of(2026, 12, 24), NINE), Due.on(LocalDate.of(2026, 12, 24)));
    }
}
