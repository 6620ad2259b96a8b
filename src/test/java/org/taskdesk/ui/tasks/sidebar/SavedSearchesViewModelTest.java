package org.taskdesk.ui.tasks.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.SavedSearch;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;

/** Saving a search as a sidebar list, its live count, renaming and deleting it: on a real H2 file, without JavaFX. */
class SavedSearchesViewModelTest {
    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;
    private SavedSearchesViewModel saved;
    private SidebarViewModel sidebar;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
        fixture.add("Write the report #work", "Call the printer people #work", "Buy milk #home");
        Task done = fixture.workspace.tasks().add(fixture.user, quickAdd("Old report #work", fixture.clock));
        fixture.workspace.tasks().complete(fixture.user, done.id());
        models = start();
    }

    private MainWindowModels start() {
        MainWindowModels started = new MainWindowModels(fixture.workspace.tasks(), fixture.workspace.savedSearches(),
                fixture.user, new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
        started.store().load();
        started.savedSearches().load();
        saved = started.savedSearches();
        sidebar = started.sidebar();
        return started;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> shown() {
        return models.list().visibleTasks().stream().map(Task::title).toList();
    }

    @Test
    void aSearchIsSavedAsWhatTheListShowsAndCountsLiveAndANewWindowShowsIt() {
        assertThat(saved.canSaveProperty().get()).as("nothing typed").isFalse();
        models.search().textProperty().set("report");
        assertThat(saved.canSaveProperty().get()).isTrue();
        assertThat(saved.suggestedName()).isEqualTo("report");
        // The Inbox shows open tasks only, so the saved list does too: the Inbox's filter goes with the search.
        assertThat(saved.filterToSave()).isEqualTo("(is:open) & (report)");

        saved.save("Reports");

        assertThat(sidebar.savedEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(tuple("Reports", 1));
        assertThat(sidebar.selectedListProperty().get().label()).isEqualTo("Reports");
        assertThat(models.search().textProperty().get()).as("the list alone shows it now").isEmpty();
        assertThat(shown()).containsExactly("Write the report");
        assertThat(models.status().messageProperty().get()).isEqualTo("Saved \"Reports\" as a list in the sidebar.");

        models.undo().execute(models.commands().add(quickAdd("Send the report to Bob", fixture.clock)), () -> { });
        assertThat(sidebar.savedEntries().get(0).count()).as("live").isEqualTo(2);

        // A new window (the database is read again; SavedSearchServiceTest closes and reopens the file itself).
        models = start();
        assertThat(sidebar.savedEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(tuple("Reports", 2));
        assertThat(fixture.workspace.savedSearches().list(fixture.user)).extracting(SavedSearch::filter)
                .containsExactly("(is:open) & (report)");
    }

    @Test
    void aSearchInAListKeepsThatListsFilterAndAMalformedOneCannotBeSaved() {
        sidebar.select(SmartList.COMPLETED);
        models.search().textProperty().set("report");
        assertThat(saved.filterToSave()).isEqualTo("(is:done) & (report)");

        models.search().textProperty().set("(report");
        assertThat(saved.canSaveProperty().get()).isFalse();
        saved.save("Broken");
        assertThat(sidebar.savedEntries()).isEmpty();
    }

    @Test
    void aNameMustBeGivenAndNotTakenWhateverItsCase() {
        models.search().textProperty().set("#work");
        saved.save("Work");
        models.search().textProperty().set("#home");

        assertThat(saved.problemWithName("  ", null)).isEqualTo("Type a name for the list, e.g. Work this week.");
        assertThat(saved.problemWithName("WORK ", null))
                .isEqualTo("You already have a list named \"Work\": choose another name.");
        assertThat(saved.problemWithName("x".repeat(101), null))
                .isEqualTo("The name is too long: keep it to 100 characters or fewer.");
        SidebarEntry work = sidebar.savedEntries().get(0);
        assertThat(saved.problemWithName("WORK", work)).as("its own name in capitals").isEmpty();

        saved.save("work");
        assertThat(sidebar.savedEntries()).extracting(SidebarEntry::label).containsExactly("Work");
    }

    @Test
    void renamingKeepsTheListChosenAndDeletingAsksFirstAndLeavesTheTasks() {
        models.search().textProperty().set("#work");
        saved.save("Work");
        saved.rename(sidebar.savedEntries().get(0), "Office");
        assertThat(sidebar.savedEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(tuple("Office", 2));
        assertThat(sidebar.selectedListProperty().get()).isSameAs(sidebar.savedEntries().get(0));

        fixture.dialogs.answer = false;
        saved.delete(sidebar.savedEntries().get(0));
        assertThat(fixture.dialogs.questions).containsExactly("Delete the saved search \"Office\"?");
        assertThat(sidebar.savedEntries()).hasSize(1);

        fixture.dialogs.answer = true;
        saved.delete(sidebar.savedEntries().get(0));
        assertThat(sidebar.savedEntries()).isEmpty();
        assertThat(sidebar.selectedListProperty().get()).isSameAs(sidebar.smartEntry(SmartList.INBOX));
        assertThat(shown()).hasSize(3);
        assertThat(fixture.workspace.savedSearches().list(fixture.user)).isEmpty();
    }
}
