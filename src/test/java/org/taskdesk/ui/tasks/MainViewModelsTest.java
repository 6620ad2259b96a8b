package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddPart;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.common.RepeatWords;
import org.taskdesk.ui.tasks.detail.RepeatEnd;
import org.taskdesk.ui.tasks.detail.RepeatPreset;
import org.taskdesk.ui.tasks.detail.RepeatUnit;
import org.taskdesk.ui.tasks.detail.TaskDetailViewModel;
import org.taskdesk.ui.tasks.list.SidebarEntry;
import org.taskdesk.ui.tasks.list.SmartList;
import org.taskdesk.ui.tasks.list.TaskListViewModel;
import org.taskdesk.ui.tasks.quickadd.QuickAddChip;
import org.taskdesk.ui.tasks.quickadd.QuickAddViewModel;

/**
 * The main window's view models without JavaFX running: a real H2 workspace, the synchronous background, and a
 * clock fixed at Saturday 21 November 2026, 11:00 in Berlin.
 */
class MainViewModelsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private TaskListViewModel list;
    private QuickAddViewModel quickAdd;
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
        list = new TaskListViewModel(fixture.workspace.tasks(), fixture.user, background,
                fixture.dialogs, fixture.clock);
        quickAdd = new QuickAddViewModel(list);
        detail = new TaskDetailViewModel(list.commands(), list.undoManager(), list.clock(), list.currentProperty(),
                list::holds, list::allTags, list::tell);
        list.load();
    }

    private List<String> titles() {
        return list.visibleTasks().stream().map(Task::title).toList();
    }

    private Task visible(String title) {
        return list.visibleTasks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private Task stored(String title) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private int count(SmartList smart) {
        return list.smartEntry(smart).count();
    }

    private void select(String... titles) {
        List<String> wanted = List.of(titles);
        list.setSelection(list.visibleTasks().stream().filter(t -> wanted.contains(t.title())).toList());
    }

    // ---- smart lists ---------------------------------------------------------------------------------

    @Test
    void smartListsCountTheirTasksAndTagsGetEntries() {
        fixture.add("Call mum today #family", "Pay rent tomorrow #home", "Report 2026-11-18 #work",
                "Someday maybe", "Trip 2026-12-20 #travel");
        Task done = fixture.workspace.tasks().add(fixture.user, "Old thing #work");
        fixture.workspace.tasks().complete(fixture.user, done.id());
        start();

        assertThat(count(SmartList.INBOX)).isEqualTo(5);
        assertThat(count(SmartList.TODAY)).isEqualTo(1);
        assertThat(count(SmartList.UPCOMING)).isEqualTo(2);
        assertThat(count(SmartList.OVERDUE)).isEqualTo(1);
        assertThat(count(SmartList.COMPLETED)).isEqualTo(1);
        assertThat(list.tagEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("#family", 1),
                        org.assertj.core.groups.Tuple.tuple("#home", 1), org.assertj.core.groups.Tuple.tuple("#travel", 1),
                        org.assertj.core.groups.Tuple.tuple("#work", 1));

        list.select(SmartList.OVERDUE);
        assertThat(titles()).containsExactly("Report");
        list.selectedListProperty().set(list.tagEntries().get(3));
        assertThat(titles()).containsExactly("Report");
        list.select(SmartList.COMPLETED);
        assertThat(titles()).containsExactly("Old thing");
    }

    @Test
    void countsFollowEveryChangeLive() {
        fixture.add("Call mum today #family", "Pay rent tomorrow #home");
        start();
        select("Call mum");

        list.completeSelection();

        assertThat(count(SmartList.INBOX)).isEqualTo(1);
        assertThat(count(SmartList.TODAY)).isZero();
        assertThat(count(SmartList.COMPLETED)).isEqualTo(1);
        assertThat(list.tagEntries()).extracting(SidebarEntry::label).containsExactly("#home");
        assertThat(list.savedTextProperty().get()).isEqualTo("Saved 11:00");
        list.undo();
        assertThat(count(SmartList.TODAY)).isEqualTo(1);
        assertThat(list.tagEntries()).extracting(SidebarEntry::label).containsExactly("#family", "#home");
    }

    // ---- quick add -----------------------------------------------------------------------------------

    @Test
    void quickAddShowsWhatItUnderstoodThenAddsAndClears() {
        start();
        quickAdd.textProperty().set("Pay rent tomorrow 9am #home !high every month");

        assertThat(quickAdd.chips()).extracting(QuickAddChip::kind).containsExactly(QuickAddPart.Kind.DATE,
                QuickAddPart.Kind.TIME, QuickAddPart.Kind.TAG, QuickAddPart.Kind.PRIORITY, QuickAddPart.Kind.RECURRENCE);
        assertThat(quickAdd.chips()).extracting(QuickAddChip::text)
                .containsExactly("Tomorrow", "09:00", "#home", "High priority", "Every month");
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Pay rent");

        quickAdd.submit();

        assertThat(quickAdd.textProperty().get()).isEmpty();
        assertThat(quickAdd.chips()).isEmpty();
        Task added = visible("Pay rent");
        assertThat(added.due()).isEqualTo(Due.at(TODAY.plusDays(1), java.time.LocalTime.of(9, 0)));
        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.HIGH);
        assertThat(list.undoManager().undoDescriptionProperty().get()).isEqualTo("Undo Add \"Pay rent\"");

        list.undo();
        assertThat(titles()).isEmpty();
        list.redo();
        assertThat(titles()).containsExactly("Pay rent");
        assertThat(stored("Pay rent").recurrence()).isNotNull();
    }

    @Test
    void blankQuickAddAddsNothing() {
        start();
        quickAdd.textProperty().set("   ");
        quickAdd.submit();
        assertThat(list.totalCount()).isZero();
        assertThat(list.undoManager().canUndoProperty().get()).isFalse();
    }

    // ---- search and sort -----------------------------------------------------------------------------

    @Test
    void searchFiltersAndAMalformedFilterKeepsTheLastGoodOne() {
        fixture.add("Report #work !high", "Slides #work", "Groceries #home");
        start();

        list.searchTextProperty().set("#work");
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Slides");

        list.searchTextProperty().set("#work & (priority:high");
        assertThat(list.searchErrorProperty().get()).contains("position").contains("(");
        assertThat(list.searchErrorPositionProperty().get()).isBetween(0, "#work & (priority:high".length());
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Slides");

        list.searchTextProperty().set("#work & (priority:high)");
        assertThat(list.searchErrorProperty().get()).isEmpty();
        assertThat(list.searchErrorPositionProperty().get()).isEqualTo(-1);
        assertThat(titles()).containsExactly("Report");

        list.searchTextProperty().set("groc");
        assertThat(titles()).containsExactly("Groceries");
    }

    @Test
    void typingMoreOfAWordNarrowsToTheSameResultAsAFreshSearch() {
        fixture.add("Report budget #work", "Reply to Sam", "Repair bike #home", "Prepare slides", "Groceries");
        start();
        String typed = "rep bud";
        for (int end = 1; end <= typed.length(); end++) {
            list.searchTextProperty().set(typed.substring(0, end));
            TaskListViewModel fresh = new TaskListViewModel(fixture.workspace.tasks(), fixture.user,
                    new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
            fresh.showTasks(list.visibleTasks().isEmpty() ? List.of() : fixture.workspace.tasks()
                    .list(fixture.user, TaskQuery.of("")).tasks());
            fresh.searchTextProperty().set(typed.substring(0, end));
            assertThat(titles()).as(typed.substring(0, end))
                    .containsExactlyElementsOf(fresh.visibleTasks().stream().map(Task::title).toList());
        }
        assertThat(titles()).containsExactly("Report budget");
        // Deleting characters widens again: a full pass.
        list.searchTextProperty().set("rep");
        assertThat(titles()).containsExactlyInAnyOrder("Report budget", "Reply to Sam", "Repair bike", "Prepare slides");
        // An operator is never narrowed from the previous result.
        list.searchTextProperty().set("rep | groc");
        assertThat(titles()).contains("Groceries");
    }

    @Test
    void sortsByEachOrder() {
        fixture.add("Banana 2026-11-25 !low", "Apple 2026-11-30 !high", "Cherry 2026-11-22");
        start();

        assertThat(titles()).containsExactly("Cherry", "Banana", "Apple");
        list.sortProperty().set(TaskSort.PRIORITY);
        assertThat(titles()).containsExactly("Apple", "Banana", "Cherry");
        list.sortProperty().set(TaskSort.TITLE);
        assertThat(titles()).containsExactly("Apple", "Banana", "Cherry");
        list.sortProperty().set(TaskSort.CREATED);
        assertThat(titles()).containsExactly("Banana", "Apple", "Cherry");
    }

    // ---- bulk actions and undo -----------------------------------------------------------------------

    @Test
    void bulkCompleteUndoAndRedo() {
        fixture.add("One", "Two", "Three");
        start();
        select("One", "Two", "Three");

        list.completeSelection();

        assertThat(titles()).isEmpty();
        assertThat(count(SmartList.COMPLETED)).isEqualTo(3);
        assertThat(list.undoManager().undoDescriptionProperty().get()).isEqualTo("Undo Complete 3 tasks");
        list.undo();
        assertThat(titles()).containsExactlyInAnyOrder("One", "Two", "Three");
        assertThat(stored("One").completed()).isFalse();
        assertThat(stored("One").completedAt()).isNull();
        assertThat(list.undoManager().redoDescriptionProperty().get()).isEqualTo("Redo Complete 3 tasks");
        list.redo();
        assertThat(stored("Two").completed()).isTrue();
        assertThat(list.undoManager().canRedoProperty().get()).isFalse();
    }

    @Test
    void completingARecurringTaskMovesItOnAndUndoPutsTheDateBack() {
        fixture.add("Water plants today every 3 days");
        start();
        select("Water plants");

        list.completeSelection();

        Task moved = visible("Water plants");
        assertThat(moved.completed()).isFalse();
        assertThat(moved.due().date()).isEqualTo(TODAY.plusDays(3));
        assertThat(list.messageProperty().get()).contains("Water plants").contains("in 3 days");
        assertThat(list.selection()).containsExactly(moved);

        list.undo();
        assertThat(stored("Water plants").due().date()).isEqualTo(TODAY);
        assertThat(stored("Water plants").completedAt()).isNull();
        assertThat(visible("Water plants").due().date()).isEqualTo(TODAY);
    }

    @Test
    void completingARepeatWithACountUsesOneAndUndoGivesItBack() {
        fixture.add("Pill today every day");
        start();
        Task pill = visible("Pill");
        list.setSelection(List.of(pill));
        // Three times left, counting today.
        list.run(list.commands().edit("count", List.of(pill),
                t -> t.withRecurrence(t.recurrence().times(3), fixture.clock.instant())));
        select("Pill");
        list.completeSelection();
        assertThat(stored("Pill").recurrence().timesLeft()).contains(2);
        list.undo();
        assertThat(stored("Pill").recurrence().timesLeft()).contains(3);
    }

    @Test
    void bulkPriorityAndTagsAreUndoable() {
        fixture.add("One #a", "Two", "Three");
        start();
        select("One", "Two");

        list.setPriority(Priority.HIGH);
        assertThat(stored("One").priority()).isEqualTo(Priority.HIGH);
        assertThat(stored("Two").priority()).isEqualTo(Priority.HIGH);
        assertThat(stored("Three").priority()).isEqualTo(Priority.NONE);

        list.addTag("#Work");
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a", "work"));
        assertThat(stored("Two").tags()).isEqualTo(Tags.of("work"));
        assertThat(list.selectionTags()).containsExactly("a", "work");

        list.removeTag("a");
        assertThat(stored("One").tags()).isEqualTo(Tags.of("work"));
        assertThat(list.undoManager().undoDescriptionProperty().get()).isEqualTo("Undo Remove #a from 2 tasks");

        list.undo();
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a", "work"));
        list.undo();
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a"));
        assertThat(stored("Two").tags()).isEqualTo(Tags.EMPTY);
        list.undo();
        assertThat(stored("One").priority()).isEqualTo(Priority.NONE);
        assertThat(list.undoManager().canUndoProperty().get()).isFalse();
    }

    @Test
    void anInvalidTagChangesNothingAndSaysWhy() {
        fixture.add("One");
        start();
        select("One");
        list.addTag("two words");
        assertThat(list.errorProperty().get()).contains("space");
        assertThat(list.undoManager().canUndoProperty().get()).isFalse();
    }

    @Test
    void deleteAsksFirstAndUndoBringsEveryFieldBack() {
        fixture.add("Pay rent tomorrow 9am #home !high every month", "Keep me");
        start();
        Task before = visible("Pay rent");
        select("Pay rent");

        fixture.dialogs.answer = false;
        list.deleteSelection();
        assertThat(titles()).contains("Pay rent");

        fixture.dialogs.answer = true;
        list.deleteSelection();
        assertThat(fixture.dialogs.questions).containsExactly("Delete \"Pay rent\"?", "Delete \"Pay rent\"?");
        assertThat(titles()).containsExactly("Keep me");

        list.undo();
        Task back = stored("Pay rent");
        assertThat(back).as("the same id and every field").isEqualTo(before);
        assertThat(visible("Pay rent")).isEqualTo(back);
    }

    @Test
    void commandsBeforeADeleteStillFindTheTaskAfterItsUndo() {
        fixture.add("Pay rent");
        start();
        select("Pay rent");
        list.setPriority(Priority.HIGH);
        select("Pay rent");
        list.deleteSelection();
        list.undo(); // back, under its own id
        list.undo(); // the priority change

        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.NONE);
        list.redo();
        list.redo();
        assertThat(titles()).isEmpty();
        list.undo();
        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aFailedCommandIsNotRecordedAndTheListReloads() {
        fixture.add("Gone");
        start();
        select("Gone");
        fixture.workspace.tasks().delete(fixture.user, visible("Gone").id()); // another window deleted it
        list.setPriority(Priority.HIGH);

        assertThat(fixture.dialogs.errors).hasSize(1);
        assertThat(list.errorProperty().get()).contains("no task");
        assertThat(list.undoManager().canUndoProperty().get()).isFalse();
        assertThat(titles()).isEmpty();
    }

    // ---- detail pane ---------------------------------------------------------------------------------

    @Test
    void detailShowsTheOnlySelectedTask() {
        fixture.add("Pay rent tomorrow 9am #home !high every month", "Other");
        start();
        assertThat(detail.showingProperty().get()).isFalse();
        select("Pay rent");

        assertThat(detail.showingProperty().get()).isTrue();
        assertThat(detail.titleProperty().get()).isEqualTo("Pay rent");
        assertThat(detail.priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(detail.tagsProperty().get()).isEqualTo("home");
        assertThat(detail.dueDateProperty().get()).isEqualTo(TODAY.plusDays(1));
        assertThat(detail.dueTimeProperty().get()).isEqualTo("09:00");
        assertThat(detail.presetProperty().get()).isEqualTo(RepeatPreset.MONTHLY);
        assertThat(detail.nextDates()).hasSize(5).first().isEqualTo("Tue 22 Dec 2026");
        assertThat(detail.createdProperty().get()).isEqualTo("Created Sat 21 Nov 2026, 11:00");
        assertThat(detail.dirtyProperty().get()).isFalse();

        select("Pay rent", "Other");
        assertThat(detail.showingProperty().get()).isFalse();
    }

    @Test
    void invalidFieldsAreMarkedAndNotSaved() {
        fixture.add("Pay rent tomorrow");
        start();
        select("Pay rent");

        detail.dueTimeProperty().set("25:99");
        assertThat(detail.dueTimeErrorProperty().get()).contains("HH:mm");
        assertThat(detail.validProperty().get()).isFalse();
        assertThat(detail.save()).isFalse();

        detail.dueTimeProperty().set("9:30");
        assertThat(detail.dueTimeErrorProperty().get()).isEmpty();

        detail.titleProperty().set("   ");
        assertThat(detail.titleErrorProperty().get()).contains("title");
        detail.titleProperty().set("Pay the rent");
        detail.tagsProperty().set("home, bad tag!");
        assertThat(detail.tagsErrorProperty().get()).contains("!");
        detail.tagsProperty().set("home #money");

        detail.dueDateProperty().set(null);
        assertThat(detail.dueTimeErrorProperty().get()).contains("date");
        detail.dueDateProperty().set(TODAY.plusDays(2));

        detail.presetProperty().set(RepeatPreset.CUSTOM);
        detail.intervalProperty().set("0");
        assertThat(detail.recurrenceErrorProperty().get()).contains("1 to 999");
        detail.intervalProperty().set("2");
        detail.endProperty().set(RepeatEnd.UNTIL);
        detail.untilProperty().set(TODAY);
        assertThat(detail.recurrenceErrorProperty().get()).contains("before");
        detail.endProperty().set(RepeatEnd.COUNT);
        detail.countProperty().set("3");
        assertThat(detail.validProperty().get()).isTrue();
        assertThat(stored("Pay rent").title()).isEqualTo("Pay rent");

        assertThat(detail.save()).isTrue();

        Task saved = stored("Pay the rent");
        assertThat(saved.due()).isEqualTo(Due.at(TODAY.plusDays(2), java.time.LocalTime.of(9, 30)));
        assertThat(saved.tags()).isEqualTo(Tags.of("home", "money"));
        assertThat(RepeatWords.describe(saved.recurrence())).isEqualTo("every 2 days 3 times");
        assertThat(detail.dirtyProperty().get()).isFalse();
        list.undo();
        assertThat(stored("Pay rent").due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(detail.titleProperty().get()).isEqualTo("Pay rent");
    }

    @Test
    void unsavedEditsSurviveANewCopyOfTheSameTask() {
        fixture.add("Pay rent tomorrow every month", "Other");
        start();
        select("Pay rent");
        detail.titleProperty().set("Pay the rent");
        detail.descriptionProperty().set("By transfer");

        list.setPriority(Priority.HIGH); // Alt+1 while editing: a new copy of the task arrives

        assertThat(detail.titleProperty().get()).isEqualTo("Pay the rent");
        assertThat(detail.descriptionProperty().get()).isEqualTo("By transfer");
        assertThat(detail.priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(detail.presetProperty().get()).isEqualTo(RepeatPreset.MONTHLY);
        assertThat(detail.dirtyProperty().get()).isTrue();

        list.undo(); // undoing the priority keeps the edits too
        assertThat(detail.titleProperty().get()).isEqualTo("Pay the rent");
        assertThat(detail.priorityProperty().get()).isEqualTo(Priority.NONE);

        assertThat(detail.save()).isTrue();
        assertThat(stored("Pay the rent").description()).isEqualTo("By transfer");
        assertThat(stored("Pay the rent").priority()).isEqualTo(Priority.NONE);
        assertThat(detail.dirtyProperty().get()).isFalse();

        select("Other");
        assertThat(detail.titleProperty().get()).isEqualTo("Other");
        assertThat(detail.dirtyProperty().get()).isFalse();
    }

    @Test
    void savingTheDetailPaneDoesNotReopenATaskCompletedElsewhere() {
        fixture.add("Post letter");
        start();
        select("Post letter");
        detail.titleProperty().set("Post the letter");
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
        detail.presetProperty().set(RepeatPreset.WEEKLY);
        detail.weekdayProperty(DayOfWeek.MONDAY).set(true);
        detail.weekdayProperty(DayOfWeek.THURSDAY).set(true);
        detail.afterCompletionProperty().set(false);

        assertThat(detail.unitProperty().get()).isEqualTo(RepeatUnit.WEEKS);
        assertThat(detail.recurrenceTextProperty().get()).isEqualTo("Every week on Monday and Thursday");
        assertThat(detail.nextDates()).containsExactly("Thu 26 Nov 2026", "Mon 30 Nov 2026", "Thu 3 Dec 2026",
                "Mon 7 Dec 2026", "Thu 10 Dec 2026");
        assertThat(detail.save()).isTrue();
        assertThat(stored("Gym").recurrence().days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void tagCompletionOffersExistingTags() {
        fixture.add("A #work", "B #workshop", "C #home");
        start();
        select("C");
        assertThat(detail.tagSuggestions("home wo")).containsExactly("work", "workshop");
        assertThat(TaskDetailViewModel.completeTag("home wo", "work")).isEqualTo("home work ");
    }

    // ---- edits are kept ------------------------------------------------------------------------------

    @Test
    void selectingAnotherTaskSavesTheEditsAsOneUndoableStep() {
        fixture.add("Pay rent", "Other");
        start();
        select("Pay rent");
        detail.titleProperty().set("Pay the rent");
        detail.priorityProperty().set(Priority.HIGH);

        select("Other");

        assertThat(stored("Pay the rent").priority()).isEqualTo(Priority.HIGH);
        assertThat(list.undoManager().undoDescriptionProperty().get()).isEqualTo("Undo Edit \"Pay the rent\"");
        list.undo();
        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.NONE);
    }

    @Test
    void leavingATaskWithAnUnreadableFieldSavesTheOthersAndSaysWhichWasNot() {
        fixture.add("Pay rent tomorrow", "Other");
        start();
        select("Pay rent");
        detail.descriptionProperty().set("By transfer");
        detail.dueDateTextProperty().set("31/31/2026");
        assertThat(detail.dueDateErrorProperty().get()).contains("31/31/2026").contains("calendar");
        assertThat(detail.validProperty().get()).isFalse();

        select("Other");

        Task saved = stored("Pay rent");
        assertThat(saved.description()).isEqualTo("By transfer");
        assertThat(saved.due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(list.messageProperty().get()).startsWith("\"Pay rent\": the due date was not saved")
                .contains("31/31/2026");
    }

    @Test
    void anUnreadableFieldKeepsItsTextWhenTheOtherEditsAreSaved() {
        fixture.add("Pay rent tomorrow");
        start();
        select("Pay rent");
        detail.titleProperty().set("Pay the rent");
        detail.dueTimeProperty().set("25:99");

        assertThat(detail.save()).isTrue(); // leaving the title field

        assertThat(stored("Pay the rent").due()).isEqualTo(Due.on(TODAY.plusDays(1)));
        assertThat(detail.dueTimeProperty().get()).isEqualTo("25:99");
        assertThat(detail.dueTimeErrorProperty().get()).contains("HH:mm");
        assertThat(detail.save()).as("nothing new to save").isFalse();
    }

    @Test
    void aRepeatEndingBeforeTheDueDateThatWouldBeSavedIsMarkedAndNeitherIsSaved() {
        fixture.add("Water plants 2026-12-20 every week");
        start();
        select("Water plants");
        detail.dueDateProperty().set(LocalDate.of(2026, 12, 1));
        detail.dueTimeProperty().set("9.30"); // does not read: the saved due date stays the 20th
        detail.endProperty().set(RepeatEnd.UNTIL);
        detail.untilProperty().set(LocalDate.of(2026, 12, 10)); // fits the 1st on screen, not the 20th kept

        detail.save();

        Task saved = stored("Water plants");
        assertThat(saved.recurrence().endDate()).as("the repeat that was saved").isEmpty();
        assertThat(saved.due()).isEqualTo(Due.on(LocalDate.of(2026, 12, 20)));
        assertThat(detail.recurrenceErrorProperty().get()).contains("before the task is due");
        assertThat(detail.dirtyProperty().get()).as("the edits are kept to be fixed").isTrue();
    }

    @Test
    void aDueDateMovedPastTheRepeatsEndIsMarkedAndNeitherIsSaved() {
        fixture.add("Water plants 2026-12-01 every week until 2026-12-10");
        start();
        select("Water plants");
        detail.titleProperty().set("Water the plants");
        detail.dueDateProperty().set(LocalDate.of(2026, 12, 20));

        detail.save();

        Task saved = stored("Water the plants");
        assertThat(saved.due()).as("the title is saved, the date that does not fit is not").isEqualTo(
                Due.on(LocalDate.of(2026, 12, 1)));
        assertThat(saved.recurrence().endDate()).contains(LocalDate.of(2026, 12, 10));
        assertThat(detail.recurrenceErrorProperty().get()).contains("before the task is due");
        assertThat(detail.dueDateProperty().get()).as("kept on screen to be fixed").isEqualTo(LocalDate.of(2026, 12, 20));
    }

    // ---- detail pane: saves that meet other changes ----------------------------------------------------

    @Test
    void aSaveSentAfterACompletionWritesOnlyTheEditedFieldNotTheOldDueDate() {
        fixture.add("Pay rent 2026-11-21 every month");
        HeldBackgroundTasks background = HeldBackgroundTasks.runningUntilHeld();
        start(background);
        select("Pay rent");
        detail.titleProperty().set("Pay the rent");

        background.hold();
        list.completeSelection();   // Ctrl+Enter
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
        detail.presetProperty().set(RepeatPreset.DAILY);
        detail.endProperty().set(RepeatEnd.COUNT);
        detail.countProperty().set("5");
        detail.save();
        assertThat(stored("Water plants").recurrence().timesLeft()).hasValue(5);

        detail.intervalProperty().set("2"); // still in the field
        list.completeSelection();
        assertThat(detail.countProperty().get()).as("the count the completion left").isEqualTo("4");
        assertThat(detail.intervalProperty().get()).as("the interval as typed").isEqualTo("2");
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
        detail.priorityProperty().set(Priority.HIGH);
        detail.save();                               // Tab
        detail.priorityProperty().set(Priority.NONE); // back, with the combo still focused
        background.release();                        // the reply with High arrives

        assertThat(detail.priorityProperty().get()).isEqualTo(Priority.NONE);
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

        detail.titleProperty().set("Pay it now");
        detail.save();

        assertThat(fixture.dialogs.errors).hasSize(1);
        assertThat(detail.titleProperty().get()).as("the typed text stays").isEqualTo("Pay it now");
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
        detail.titleProperty().set("Pay it now");
        detail.save();
        detail.revert();
        background.release(); // the save fails

        assertThat(fixture.dialogs.errors).hasSize(1);
        boolean showsWhatIsStored = detail.titleProperty().get().equals(stored("Pay rent").title());
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
