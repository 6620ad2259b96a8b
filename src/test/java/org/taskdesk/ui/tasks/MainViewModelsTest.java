package org.taskdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddPart;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.list.SelectionActions;
import org.taskdesk.ui.tasks.list.TaskListViewModel;
import org.taskdesk.ui.tasks.quickadd.QuickAddChip;
import org.taskdesk.ui.tasks.quickadd.QuickAddViewModel;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.sidebar.SidebarEntry;
import org.taskdesk.ui.tasks.sidebar.SidebarViewModel;
import org.taskdesk.ui.tasks.sidebar.SmartList;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.store.TaskStore;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The main window's view models without JavaFX running: a real H2 workspace, the synchronous background, and a
 * clock fixed at Saturday 21 November 2026, 11:00 in Berlin.
 */
class MainViewModelsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;
    private TaskStore store;
    private SidebarViewModel sidebar;
    private SearchViewModel search;
    private TaskListViewModel list;
    private SelectionActions actions;
    private UndoManager undo;
    private StatusViewModel status;
    private QuickAddViewModel quickAdd;

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
        store = models.store();
        sidebar = models.sidebar();
        search = models.search();
        list = models.list();
        actions = models.actions();
        undo = models.undo();
        status = models.status();
        quickAdd = models.quickAdd();
        store.load();
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
        return sidebar.smartEntry(smart).count();
    }

    private void select(String... titles) {
        List<String> wanted = List.of(titles);
        list.setSelection(list.visibleTasks().stream().filter(t -> wanted.contains(t.title())).toList());
    }

    // ---- the empty list ------------------------------------------------------------------------------

    @Test
    void anEmptyListTeachesQuickAddAndAnEmptySearchSaysWhatWasSearched() {
        start();

        assertThat(list.visibleTasks()).isEmpty();
        assertThat(list.emptyText().get()).startsWith("Nothing here yet: try 'Pay rent tomorrow 9am #home !high every month'")
                .contains("Ctrl+N").contains("F1");

        fixture.add("Pay rent tomorrow #home");
        store.load();
        search.textProperty().set("groceries");

        assertThat(list.visibleTasks()).isEmpty();
        assertThat(list.emptyText().get()).isEqualTo("No tasks match \u201cgroceries\u201d.");
    }

    // ---- smart lists ---------------------------------------------------------------------------------

    @Test
    void smartListsCountTheirTasksAndTagsGetEntries() {
        fixture.add("Call mum today #family", "Pay rent tomorrow #home", "Report 2026-11-18 #work",
                "Someday maybe", "Trip 2026-12-20 #travel");
        Task done = fixture.workspace.tasks().add(fixture.user, quickAdd("Old thing #work", fixture.clock));
        fixture.workspace.tasks().complete(fixture.user, done.id());
        start();

        assertThat(count(SmartList.INBOX)).isEqualTo(5);
        assertThat(count(SmartList.TODAY)).as("today's task and the overdue one").isEqualTo(2);
        assertThat(count(SmartList.UPCOMING)).isEqualTo(2);
        assertThat(count(SmartList.OVERDUE)).isEqualTo(1);
        assertThat(count(SmartList.COMPLETED)).isEqualTo(1);
        assertThat(sidebar.tagEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("#family", 1),
                        org.assertj.core.groups.Tuple.tuple("#home", 1), org.assertj.core.groups.Tuple.tuple("#travel", 1),
                        org.assertj.core.groups.Tuple.tuple("#work", 1));

        sidebar.select(SmartList.OVERDUE);
        assertThat(titles()).containsExactly("Report");
        sidebar.selectedListProperty().set(sidebar.tagEntries().get(3));
        assertThat(titles()).containsExactly("Report");
        sidebar.select(SmartList.COMPLETED);
        assertThat(titles()).containsExactly("Old thing");
    }

    @Test
    void todayIncludesOverdueTasksAndATaskDueAt11IsOverdueAt1101() {
        // The clock stands at 11:00 in Berlin.
        fixture.add("Report 2026-11-18 #work", "Standup today 11:00", "Call mum today", "Trip 2026-12-20");
        start();

        sidebar.select(SmartList.TODAY);
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Standup", "Call mum");
        assertThat(count(SmartList.TODAY)).isEqualTo(3);
        assertThat(count(SmartList.OVERDUE)).isEqualTo(1);

        fixture.clock.advance(java.time.Duration.ofMinutes(1));
        store.timePassed();

        assertThat(count(SmartList.OVERDUE)).as("due at 11:00, and it is 11:01").isEqualTo(2);
        sidebar.select(SmartList.OVERDUE);
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Standup");
    }

    @Test
    void aTagsCountIncludesItsSubTagsAsItsListDoes() {
        fixture.add("Plan #work", "Budget #work/reports", "Minutes #work/reports #work", "Garden #home");
        start();

        SidebarEntry work = sidebar.tagEntries().stream().filter(e -> e.label().equals("#work")).findFirst()
                .orElseThrow();
        sidebar.selectedListProperty().set(work);

        assertThat(titles()).hasSize(3);
        assertThat(work.count()).isEqualTo(3);
    }

    @Test
    void countsFollowEveryChangeLive() {
        fixture.add("Call mum today #family", "Pay rent tomorrow #home");
        start();
        select("Call mum");

        actions.completeSelection();

        assertThat(count(SmartList.INBOX)).isEqualTo(1);
        assertThat(count(SmartList.TODAY)).isZero();
        assertThat(count(SmartList.COMPLETED)).isEqualTo(1);
        assertThat(sidebar.tagEntries()).extracting(SidebarEntry::label).containsExactly("#home");
        assertThat(status.savedTextProperty().get()).isEqualTo("Saved 11:00");
        actions.undo();
        assertThat(count(SmartList.TODAY)).isEqualTo(1);
        assertThat(sidebar.tagEntries()).extracting(SidebarEntry::label).containsExactly("#family", "#home");
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
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Add \"Pay rent\"");

        actions.undo();
        assertThat(titles()).isEmpty();
        actions.redo();
        assertThat(titles()).containsExactly("Pay rent");
        assertThat(stored("Pay rent").recurrence()).isNotNull();
    }

    @Test
    void blankQuickAddAddsNothing() {
        start();
        quickAdd.textProperty().set("   ");
        quickAdd.submit();
        assertThat(store.totalCount()).isZero();
        assertThat(undo.canUndoProperty().get()).isFalse();
    }

    // ---- search and sort -----------------------------------------------------------------------------

    @Test
    void searchFiltersAndAMalformedFilterKeepsTheLastGoodOne() {
        fixture.add("Report #work !high", "Slides #work", "Groceries #home");
        start();

        search.textProperty().set("#work");
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Slides");

        search.textProperty().set("#work & (priority:high");
        assertThat(search.errorProperty().get()).contains("position").contains("(");
        assertThat(search.errorPositionProperty().get()).isBetween(0, "#work & (priority:high".length());
        assertThat(titles()).containsExactlyInAnyOrder("Report", "Slides");

        search.textProperty().set("#work & (priority:high)");
        assertThat(search.errorProperty().get()).isEmpty();
        assertThat(search.errorPositionProperty().get()).isEqualTo(-1);
        assertThat(titles()).containsExactly("Report");

        search.textProperty().set("groc");
        assertThat(titles()).containsExactly("Groceries");
    }

    @Test
    void typingMoreOfAWordNarrowsToTheSameResultAsAFreshSearch() {
        fixture.add("Report budget #work", "Reply to Sam", "Repair bike #home", "Prepare slides", "Groceries");
        start();
        String typed = "rep bud";
        for (int end = 1; end <= typed.length(); end++) {
            search.textProperty().set(typed.substring(0, end));
            MainWindowModels fresh = new MainWindowModels(fixture.workspace.tasks(), fixture.user,
                    new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
            fresh.store().showTasks(list.visibleTasks().isEmpty() ? List.of() : fixture.workspace.tasks()
                    .list(fixture.user, TaskQuery.of("")).tasks());
            fresh.search().textProperty().set(typed.substring(0, end));
            assertThat(titles()).as(typed.substring(0, end))
                    .containsExactlyElementsOf(fresh.list().visibleTasks().stream().map(Task::title).toList());
        }
        assertThat(titles()).containsExactly("Report budget");
        // Deleting characters widens again: a full pass.
        search.textProperty().set("rep");
        assertThat(titles()).containsExactlyInAnyOrder("Report budget", "Reply to Sam", "Repair bike", "Prepare slides");
        // An operator is never narrowed from the previous result.
        search.textProperty().set("rep | groc");
        assertThat(titles()).contains("Groceries");
    }

    @Test
    void sortsByEachOrder() {
        fixture.add("Banana 2026-11-25 !low", "Apple 2026-11-30 !high", "Cherry 2026-11-22");
        start();

        assertThat(titles()).containsExactly("Cherry", "Banana", "Apple");
        store.sortProperty().set(TaskSort.PRIORITY);
        assertThat(titles()).containsExactly("Apple", "Banana", "Cherry");
        store.sortProperty().set(TaskSort.TITLE);
        assertThat(titles()).containsExactly("Apple", "Banana", "Cherry");
        store.sortProperty().set(TaskSort.CREATED);
        assertThat(titles()).containsExactly("Banana", "Apple", "Cherry");
    }

    // ---- bulk actions and undo -----------------------------------------------------------------------

    @Test
    void bulkCompleteUndoAndRedo() {
        fixture.add("One", "Two", "Three");
        start();
        select("One", "Two", "Three");

        actions.completeSelection();

        assertThat(titles()).isEmpty();
        assertThat(count(SmartList.COMPLETED)).isEqualTo(3);
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Complete 3 tasks");
        actions.undo();
        assertThat(titles()).containsExactlyInAnyOrder("One", "Two", "Three");
        assertThat(stored("One").completed()).isFalse();
        assertThat(stored("One").completedAt()).isNull();
        assertThat(undo.redoDescriptionProperty().get()).isEqualTo("Redo Complete 3 tasks");
        actions.redo();
        assertThat(stored("Two").completed()).isTrue();
        assertThat(undo.canRedoProperty().get()).isFalse();
    }

    @Test
    void completingARecurringTaskMovesItOnAndUndoPutsTheDateBack() {
        fixture.add("Water plants today every 3 days");
        start();
        select("Water plants");

        actions.completeSelection();

        Task moved = visible("Water plants");
        assertThat(moved.completed()).isFalse();
        assertThat(moved.due().date()).isEqualTo(TODAY.plusDays(3));
        assertThat(status.messageProperty().get()).contains("Water plants").contains("in 3 days");
        assertThat(list.selection().tasks()).containsExactly(moved);

        actions.undo();
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
        undo.execute(models.commands().edit("count", List.of(pill),
                t -> t.withRecurrence(t.recurrence().times(3), fixture.clock.instant())), () -> { });
        select("Pill");
        actions.completeSelection();
        assertThat(stored("Pill").recurrence().timesLeft()).contains(2);
        actions.undo();
        assertThat(stored("Pill").recurrence().timesLeft()).contains(3);
    }

    @Test
    void bulkPriorityAndTagsAreUndoable() {
        fixture.add("One #a", "Two", "Three");
        start();
        select("One", "Two");

        actions.setPriority(Priority.HIGH);
        assertThat(stored("One").priority()).isEqualTo(Priority.HIGH);
        assertThat(stored("Two").priority()).isEqualTo(Priority.HIGH);
        assertThat(stored("Three").priority()).isEqualTo(Priority.NONE);

        actions.addTag("#Work");
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a", "work"));
        assertThat(stored("Two").tags()).isEqualTo(Tags.of("work"));
        assertThat(actions.selectionTags()).containsExactly("a", "work");

        actions.removeTag("a");
        assertThat(stored("One").tags()).isEqualTo(Tags.of("work"));
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("Undo Remove #a from 2 tasks");

        actions.undo();
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a", "work"));
        actions.undo();
        assertThat(stored("One").tags()).isEqualTo(Tags.of("a"));
        assertThat(stored("Two").tags()).isEqualTo(Tags.EMPTY);
        actions.undo();
        assertThat(stored("One").priority()).isEqualTo(Priority.NONE);
        assertThat(undo.canUndoProperty().get()).isFalse();
    }

    @Test
    void anInvalidTagChangesNothingAndSaysWhy() {
        fixture.add("One");
        start();
        select("One");
        actions.addTag("two words");
        assertThat(status.errorProperty().get()).contains("space");
        assertThat(undo.canUndoProperty().get()).isFalse();
    }

    @Test
    void deleteAsksFirstAndUndoBringsEveryFieldBack() {
        fixture.add("Pay rent tomorrow 9am #home !high every month", "Keep me");
        start();
        Task before = visible("Pay rent");
        select("Pay rent");

        fixture.dialogs.answer = false;
        actions.deleteSelection();
        assertThat(titles()).contains("Pay rent");

        fixture.dialogs.answer = true;
        actions.deleteSelection();
        assertThat(fixture.dialogs.questions).containsExactly("Delete \"Pay rent\"?", "Delete \"Pay rent\"?");
        assertThat(titles()).containsExactly("Keep me");

        actions.undo();
        Task back = stored("Pay rent");
        assertThat(back).as("the same id and every field").isEqualTo(before);
        assertThat(visible("Pay rent")).isEqualTo(back);
    }

    @Test
    void commandsBeforeADeleteStillFindTheTaskAfterItsUndo() {
        fixture.add("Pay rent");
        start();
        select("Pay rent");
        actions.setPriority(Priority.HIGH);
        select("Pay rent");
        actions.deleteSelection();
        actions.undo(); // back, under its own id
        actions.undo(); // the priority change

        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.NONE);
        actions.redo();
        actions.redo();
        assertThat(titles()).isEmpty();
        actions.undo();
        assertThat(stored("Pay rent").priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aFailedCommandIsNotRecordedAndTheListReloads() {
        fixture.add("Gone");
        start();
        select("Gone");
        fixture.workspace.tasks().delete(fixture.user, visible("Gone").id()); // another window deleted it
        actions.setPriority(Priority.HIGH);

        assertThat(fixture.dialogs.errors).hasSize(1);
        assertThat(status.errorProperty().get()).contains("no task");
        assertThat(undo.canUndoProperty().get()).isFalse();
        assertThat(titles()).isEmpty();
    }

}
