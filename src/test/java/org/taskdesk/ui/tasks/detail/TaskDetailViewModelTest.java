package org.taskdesk.ui.tasks.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.common.RepeatWords;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.ui.tasks.list.TaskListViewModel;

/**
 * The detail pane's view model without JavaFX running, following the selection of a real task list: a real H2
 * workspace, the synchronous background, and a clock fixed at Saturday 21 November 2026, 11:00 in Berlin.
 * (Moved here from MainViewModelsTest when the pane got its own view models.)
 */
class TaskDetailViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;
    private TaskListViewModel list;
    private TaskDetailViewModel detail;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void start() {
        start(new DirectBackgroundTasks());
    }

    private void start(BackgroundTasks background) {
        models = new MainWindowModels(fixture.workspace.tasks(), fixture.user, background, fixture.dialogs,
                fixture.clock);
        list = models.list();
        detail = models.detail();
        models.store().load();
    }

    private Task visible(String title) {
        return list.visibleTasks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private Task stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private void select(String... titles) {
        List<String> wanted = List.of(titles);
        list.setSelection(list.visibleTasks().stream().filter(t -> wanted.contains(t.title())).toList());
    }

    // ---- showing and checking ---------------------------------------------------------------------------------

    @Test
    void detailShowsTheOnlySelectedTask() {
        fixture.add("Pay rent tomorrow 9am #home !high every month", "Other");
        start();
        assertThat(detail.showingProperty().get()).isFalse();
        select("Pay rent");

        assertThat(detail.showingProperty().get()).isTrue();
        assertThat(detail.fields().titleProperty().get()).isEqualTo("Pay rent");
        assertThat(detail.fields().priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(detail.fields().tagsProperty().get()).isEqualTo("home");
        assertThat(detail.fields().dueDateProperty().get()).isEqualTo(TODAY.plusDays(1));
        assertThat(detail.fields().dueTimeProperty().get()).isEqualTo("09:00");
        assertThat(detail.repeat().presetProperty().get()).isEqualTo(RepeatPreset.MONTHLY);
        assertThat(detail.repeat().nextDates()).hasSize(5).first().isEqualTo("Tue 22 Dec 2026");
        assertThat(detail.stamps().createdProperty().get()).isEqualTo("Created Sat 21 Nov 2026, 11:00");
        assertThat(detail.dirtyProperty().get()).isFalse();

        select("Pay rent", "Other");
        assertThat(detail.showingProperty().get()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"7:15pm, 19:15", "7:15 pm, 19:15", "9am, 09:00", "noon, 12:00",
            "at 5pm, 17:00", "17:30, 17:30", "9:30, 09:30"})
    void theTimeFieldReadsWhatQuickAddReads(String typed, LocalTime expected) {
        fixture.add("Pay rent tomorrow");
        start();
        select("Pay rent");

        detail.fields().dueTimeProperty().set(typed);
        assertThat(detail.fields().dueTimeErrorProperty().get()).isEmpty();
        assertThat(detail.save()).isTrue();

        assertThat(stored("Pay rent").due()).isEqualTo(Due.at(TODAY.plusDays(1), expected));
    }

    @Test
    void everyWeekShowsTheDueDatesWeekdayTickedAndSavesAPlainWeeklyRepeat() {
        fixture.add("Water plants every week", "Pay rent tomorrow"); // today, Saturday; tomorrow, Sunday
        start();
        select("Water plants");
        assertThat(detail.repeat().presetProperty().get()).isEqualTo(RepeatPreset.WEEKLY);
        assertThat(Stream.of(DayOfWeek.values()).filter(d -> detail.repeat().weekdayProperty(d).get()))
                .containsExactly(DayOfWeek.SATURDAY);

        select("Pay rent");
        detail.repeat().presetProperty().set(RepeatPreset.WEEKLY);
        assertThat(Stream.of(DayOfWeek.values()).filter(d -> detail.repeat().weekdayProperty(d).get()))
                .containsExactly(DayOfWeek.SUNDAY);
        assertThat(detail.save()).isTrue();
        assertThat(stored("Pay rent").recurrence()).isEqualTo(RecurrenceRule.weekly(1, java.util.Set.of()));
    }

    @Test
    void invalidFieldsAreMarkedAndNotSaved() {
        fixture.add("Pay rent tomorrow");
        start();
        select("Pay rent");

        detail.fields().dueTimeProperty().set("25:99");
        assertThat(detail.fields().dueTimeErrorProperty().get()).contains("HH:mm");
        assertThat(detail.validProperty().get()).isFalse();
        assertThat(detail.save()).isFalse();

        detail.fields().dueTimeProperty().set("9:30");
        assertThat(detail.fields().dueTimeErrorProperty().get()).isEmpty();

        detail.fields().titleProperty().set("   ");
        assertThat(detail.fields().titleErrorProperty().get()).contains("title");
        detail.fields().titleProperty().set("Pay the rent");
        detail.fields().tagsProperty().set("home, bad tag!");
        assertThat(detail.fields().tagsErrorProperty().get()).contains("!");
        detail.fields().tagsProperty().set("home #money");

        detail.fields().dueDateProperty().set(null);
        assertThat(detail.fields().dueTimeErrorProperty().get()).contains("date");
        detail.fields().dueDateProperty().set(TODAY.plusDays(2));

        detail.repeat().presetProperty().set(RepeatPreset.CUSTOM);
        detail.repeat().intervalProperty().set("0");
        assertThat(detail.repeat().errorProperty().get()).contains("1 to 999");
        detail.repeat().intervalProperty().set("2");
        detail.repeat().endProperty().set(RepeatEnd.UNTIL);
        detail.repeat().untilProperty().set(TODAY);
        assertThat(detail.repeat().errorProperty().get()).contains("before");
        detail.repeat().endProperty().set(RepeatEnd.COUNT);
        detail.repeat().countProperty().set("3");
        assertThat(detail.validProperty().get()).isTrue();
        assertThat(stored("Pay rent").title()).isEqualTo("Pay rent");

        assertThat(detail.save()).isTrue();

        Task saved = stored("Pay the rent");
        assertThat(saved.due()).isEqualTo(Due.at(TODAY.plusDays(2), LocalTime.of(9, 30)));
        assertThat(saved.tags()).isEqualTo(Tags.of("home", "money"));
        assertThat(RepeatWords.describe(saved.recurrence())).isEqualTo("every 2 days 3 times");
        assertThat(detail.dirtyProperty().get()).isFalse();
        models.actions().undo();
        assertThat(stored("Pay rent").due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(detail.fields().titleProperty().get()).isEqualTo("Pay rent");
    }

    @Test
    void unsavedEditsSurviveANewCopyOfTheSameTask() {
        fixture.add("Pay rent tomorrow every month", "Other");
        start();
        select("Pay rent");
        detail.fields().titleProperty().set("Pay the rent");
        detail.fields().descriptionProperty().set("By transfer");

        models.actions().setPriority(Priority.HIGH); // Alt+1 while editing: a new copy of the task arrives

        assertThat(detail.fields().titleProperty().get()).isEqualTo("Pay the rent");
        assertThat(detail.fields().descriptionProperty().get()).isEqualTo("By transfer");
        assertThat(detail.fields().priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(detail.repeat().presetProperty().get()).isEqualTo(RepeatPreset.MONTHLY);
        assertThat(detail.dirtyProperty().get()).isTrue();

        models.actions().undo(); // undoing the priority keeps the edits too
        assertThat(detail.fields().titleProperty().get()).isEqualTo("Pay the rent");
        assertThat(detail.fields().priorityProperty().get()).isEqualTo(Priority.NONE);

        assertThat(detail.save()).isTrue();
        assertThat(stored("Pay the rent").description()).isEqualTo("By transfer");
        assertThat(stored("Pay the rent").priority()).isEqualTo(Priority.NONE);
        assertThat(detail.dirtyProperty().get()).isFalse();

        select("Other");
        assertThat(detail.fields().titleProperty().get()).isEqualTo("Other");
        assertThat(detail.dirtyProperty().get()).isFalse();
    }

    @Test
    void savingTheDetailPaneDoesNotReopenATaskCompletedElsewhere() {
        fixture.add("Post letter");
        start();
        select("Post letter");
        detail.fields().titleProperty().set("Post the letter");
        fixture.workspace.tasks().complete(fixture.user, visible("Post letter").id()); // another window completed it

        assertThat(detail.save()).isTrue();

        Task saved = stored("Post the letter");
        assertThat(saved.completed()).isTrue();
        assertThat(saved.completedAt()).isNotNull();
    }

    @Test
    void weeklyRepeatOnChosenDaysShowsTheNextFiveDates() {
        fixture.add("Gym 2026-11-23");
        start();
        select("Gym");
        detail.repeat().presetProperty().set(RepeatPreset.WEEKLY);
        detail.repeat().weekdayProperty(DayOfWeek.MONDAY).set(true);
        detail.repeat().weekdayProperty(DayOfWeek.THURSDAY).set(true);
        detail.repeat().afterCompletionProperty().set(false);

        assertThat(detail.repeat().unitProperty().get()).isEqualTo(RepeatUnit.WEEKS);
        assertThat(detail.repeat().textProperty().get()).isEqualTo("Every week on Monday and Thursday");
        assertThat(detail.repeat().nextDates()).containsExactly("Thu 26 Nov 2026", "Mon 30 Nov 2026", "Thu 3 Dec 2026",
                "Mon 7 Dec 2026", "Thu 10 Dec 2026");
        assertThat(detail.save()).isTrue();
        assertThat(stored("Gym").recurrence().days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void tagCompletionOffersExistingTags() {
        fixture.add("A #work", "B #workshop", "C #home");
        start();
        select("C");
        assertThat(detail.fields().tagSuggestions("home wo")).containsExactly("work", "workshop");
        assertThat(TaskFieldsViewModel.completeTag("home wo", "work")).isEqualTo("home work ");
    }

    // ---- edits are kept ------------------------------------------------------------------------------

    @Test
    void selectingAnotherTaskSavesTheEditsAsOneUndoableStep() {
        fixture.add("Pay rent", "Other");
        start();
        select("Pay rent");
        detail.fields().titleProperty().set("Pay the rent");
        detail.fields().priorityProperty().set(Priority.HIGH);

        select("Other");

        assertThat(stored("Pay the rent").priority()).isEqualTo(Priority.HIGH);
        assertThat(models.undo().undoDescriptionProperty().get()).isEqualTo("Undo Edit \"Pay the rent\"");
        models.actions().undo();
        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.NONE);
    }

    @Test
    void leavingATaskWithAnUnreadableFieldSavesTheOthersAndSaysWhichWasNot() {
        fixture.add("Pay rent tomorrow", "Other");
        start();
        select("Pay rent");
        detail.fields().descriptionProperty().set("By transfer");
        detail.fields().dueDateTextProperty().set("31/31/2026");
        assertThat(detail.fields().dueDateErrorProperty().get()).contains("31/31/2026").contains("calendar");
        assertThat(detail.validProperty().get()).isFalse();

        select("Other");

        Task saved = stored("Pay rent");
        assertThat(saved.description()).isEqualTo("By transfer");
        assertThat(saved.due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(models.status().messageProperty().get()).startsWith("\"Pay rent\": the due date was not saved")
                .contains("31/31/2026");
    }

    @Test
    void anUnreadableFieldKeepsItsTextWhenTheOtherEditsAreSaved() {
        fixture.add("Pay rent tomorrow");
        start();
        select("Pay rent");
        detail.fields().titleProperty().set("Pay the rent");
        detail.fields().dueTimeProperty().set("25:99");

        assertThat(detail.save()).isTrue(); // leaving the title field

        assertThat(stored("Pay the rent").due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(detail.fields().dueTimeProperty().get()).isEqualTo("25:99");
        assertThat(detail.fields().dueTimeErrorProperty().get()).contains("HH:mm");
        assertThat(detail.save()).as("nothing new to save").isFalse();
    }

    @Test
    void aRepeatEndingBeforeTheDueDateThatWouldBeSavedIsMarkedAndNeitherIsSaved() {
        fixture.add("Water plants 2026-12-20 every week");
        start();
        select("Water plants");
        detail.fields().dueDateProperty().set(LocalDate.of(2026, 12, 1));
        detail.fields().dueTimeProperty().set("9.30"); // does not read: the saved due date stays the 20th
        detail.repeat().endProperty().set(RepeatEnd.UNTIL);
        detail.repeat().untilProperty().set(LocalDate.of(2026, 12, 10)); // fits the 1st on screen, not the 20th kept

        detail.save();

        Task saved = stored("Water plants");
        assertThat(saved.recurrence().endDate()).as("the repeat that was saved").isEmpty();
        assertThat(saved.due()).isEqualTo(Due.on(LocalDate.of(2026, 12, 20)));
        assertThat(detail.repeat().errorProperty().get()).contains("before the task is due");
        assertThat(detail.dirtyProperty().get()).as("the edits are kept to be fixed").isTrue();
    }

    @Test
    void aDueDateMovedPastTheRepeatsEndIsMarkedAndNeitherIsSaved() {
        fixture.add("Water plants 2026-12-01 every week until 2026-12-10");
        start();
        select("Water plants");
        detail.fields().titleProperty().set("Water the plants");
        detail.fields().dueDateProperty().set(LocalDate.of(2026, 12, 20));

        detail.save();

        Task saved = stored("Water the plants");
        assertThat(saved.due()).as("the title is saved, the date that does not fit is not").isEqualTo(
                Due.on(LocalDate.of(2026, 12, 1)));
        assertThat(saved.recurrence().endDate()).contains(LocalDate.of(2026, 12, 10));
        assertThat(detail.repeat().errorProperty().get()).contains("before the task is due");
        assertThat(detail.fields().dueDateProperty().get()).as("kept on screen to be fixed").isEqualTo(LocalDate.of(2026, 12, 20));
    }

    // ---- detail pane: saves that meet other changes ----------------------------------------------------

    @Test
    void aSaveSentAfterACompletionWritesOnlyTheEditedFieldNotTheOldDueDate() {
        fixture.add("Pay rent 2026-11-21 every month");
        HeldBackgroundTasks background = HeldBackgroundTasks.runningUntilHeld();
        start(background);
        select("Pay rent");
        detail.fields().titleProperty().set("Pay the rent");

        background.hold();
        models.actions().completeSelection();   // Ctrl+Enter
        detail.save();              // the person tabs away before the completion's reply
        background.release();

        Task saved = stored("Pay the rent");
        assertThat(saved.due().date()).as("the completion moved it on").isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(fixture.workspace.statistics().lastThirtyDays(fixture.user).totalCompleted()).isEqualTo(1);
    }

    @Test
    void completingARepeatWhileItsIntervalIsEditedKeepsTheOccurrenceItUsed() {
        fixture.add("Water plants 2026-11-21");
        start();
        select("Water plants");
        detail.repeat().presetProperty().set(RepeatPreset.DAILY);
        detail.repeat().endProperty().set(RepeatEnd.COUNT);
        detail.repeat().countProperty().set("5");
        detail.save();
        assertThat(stored("Water plants").recurrence().timesLeft()).hasValue(5);

        detail.repeat().intervalProperty().set("2"); // still in the field
        models.actions().completeSelection();
        assertThat(detail.repeat().countProperty().get()).as("the count the completion left").isEqualTo("4");
        assertThat(detail.repeat().intervalProperty().get()).as("the interval as typed").isEqualTo("2");
        detail.save();                      // the field is left

        Task saved = stored("Water plants");
        assertThat(saved.recurrence().timesLeft()).hasValue(4);
        assertThat(saved.recurrence().interval()).isEqualTo(2);
        assertThat(saved.due().date()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aValueChangedBackWhileItsSaveIsInFlightIsKeptAndSaved() {
        fixture.add("Call mum");
        HeldBackgroundTasks background = HeldBackgroundTasks.runningUntilHeld();
        start(background);
        select("Call mum");

        background.hold();
        detail.fields().priorityProperty().set(Priority.HIGH);
        detail.save();                               // Tab
        detail.fields().priorityProperty().set(Priority.NONE); // back, with the combo still focused
        background.release();                        // the reply with High arrives

        assertThat(detail.fields().priorityProperty().get()).isEqualTo(Priority.NONE);
        assertThat(detail.dirtyProperty().get()).isTrue();
        detail.save();
        assertThat(stored("Call mum").priority()).isEqualTo(Priority.NONE);
    }

    @Test
    void aSaveThatFailsLeavesTheEditsDirtySoLeavingTheTaskSavesThemAgain() throws Exception {
        fixture.add("Pay rent", "Call mum");
        start();
        select("Pay rent");
        // The database itself refuses this title for now: a real failed save.
        sql("ALTER TABLE tasks ADD CONSTRAINT refuse_for_now CHECK (title <> 'Pay it now')");

        detail.fields().titleProperty().set("Pay it now");
        detail.save();

        assertThat(fixture.dialogs.errors).hasSize(1);
        assertThat(detail.fields().titleProperty().get()).as("the typed text stays").isEqualTo("Pay it now");
        assertThat(detail.dirtyProperty().get()).as("and is still unsaved").isTrue();

        sql("ALTER TABLE tasks DROP CONSTRAINT refuse_for_now");
        select("Call mum");
        assertThat(stored("Pay it now").id()).isEqualTo(stored("Call mum").id() - 1);
    }

    @Test
    void revertWhileASaveIsInFlightGoesBackToTheConfirmedTaskSoAFailureCannotLookSaved() throws Exception {
        fixture.add("Pay rent");
        HeldBackgroundTasks background = HeldBackgroundTasks.runningUntilHeld();
        start(background);
        select("Pay rent");
        sql("ALTER TABLE tasks ADD CONSTRAINT refuse_for_now CHECK (title <> 'Pay it now')");

        background.hold();
        detail.fields().titleProperty().set("Pay it now");
        detail.save();
        detail.revert();
        background.release(); // the save fails

        assertThat(fixture.dialogs.errors).hasSize(1);
        boolean showsWhatIsStored = detail.fields().titleProperty().get().equals(stored("Pay rent").title());
        assertThat(showsWhatIsStored || detail.dirtyProperty().get())
                .as("the pane shows the stored task, or marks its text unsaved").isTrue();
    }

    /** Runs one statement on the fixture's H2 file, beside the app's own connections. */
    private void sql(String statement) throws Exception {
        Path file;
        try (Stream<Path> files = Files.walk(folder)) {
            file = files.filter(f -> f.getFileName().toString().equals("tasks.mv.db")).findFirst().orElseThrow();
        }
        var target = new DatabaseUrl(folder, folder).parse(file.toString());
        try (Connection c = new DatabaseConnections(target).open();
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
