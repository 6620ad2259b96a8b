package org.taskdesk.ui.tasks.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.SavedSearch;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.store.TaskStore;
import org.taskdesk.ui.tasks.undo.TaskChanges;

/** The sidebar's entries and counts, over tasks handed to the store without a database or JavaFX. */
class SidebarViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));
    private final TaskStore store = new TaskStore(null, null, null, null, new StatusViewModel(clock));
    private final SidebarViewModel sidebar = new SidebarViewModel(store, clock);

    private static Task task(long id, String title, String... tags) {
        return Task.create(title, NOW).withId(id).withTags(Tags.of(tags), NOW);
    }

    @Test
    void smartListsComeFirstInOrderAndTheInboxIsChosen() {
        assertThat(sidebar.smartEntries()).extracting(SidebarEntry::label)
                .containsExactly("Inbox", "Today", "Upcoming", "Overdue", "Completed");
        assertThat(sidebar.selectedListProperty().get()).isSameAs(sidebar.smartEntry(SmartList.INBOX));
        sidebar.select(SmartList.COMPLETED);
        assertThat(sidebar.filter()).isSameAs(sidebar.smartEntry(SmartList.COMPLETED).filter());
    }

    @Test
    void countsAndTagEntriesFollowTheStore() {
        store.showTasks(List.of(task(1, "One", "work"), task(2, "Two", "work", "home")));
        assertThat(sidebar.smartEntry(SmartList.INBOX).count()).isEqualTo(2);
        assertThat(sidebar.tagEntries()).extracting(SidebarEntry::label, SidebarEntry::count)
                .containsExactly(tuple("#home", 1),
                        tuple("#work", 2));

        SidebarEntry home = sidebar.tagEntries().get(0);
        sidebar.selectedListProperty().set(home);
        store.apply(TaskChanges.removed(List.of(2L)));

        assertThat(sidebar.smartEntry(SmartList.INBOX).count()).isEqualTo(1);
        assertThat(sidebar.tagEntries()).extracting(SidebarEntry::label).containsExactly("#work");
        // The chosen tag has no open task left: it stays chosen, empty, rather than jumping elsewhere.
        assertThat(sidebar.selectedListProperty().get()).isSameAs(home);
        assertThat(home.count()).isZero();
    }

    @Test
    void aSavedSearchsWordsAreLookedForInTheTextsTheStoreFoldedOnceNotFoldedAgainAtEachChange() {
        Task cafe = task(1, "Café budget");
        Task review = task(3, "Budget review", "work");
        store.showTasks(List.of(cafe, task(2, "Call the dentist", "health"), review));
        sidebar.showSavedSearches(List.of(new SavedSearch(7, "Budget", "budget | cafe")));
        SidebarEntry saved = sidebar.savedEntries().get(0);
        assertThat(saved.count()).isEqualTo(2);
        String cafeText = store.searchTexts().get(store.tasks().indexOf(cafe));
        assertThat(cafeText).contains("cafe"); // folded: case and accent gone

        store.apply(TaskChanges.saved(List.of(task(2, "Budget call", "health"))));

        assertThat(saved.count()).isEqualTo(3); // the changed task's new words count
        // The tasks that did not change keep the text folded for them: nothing folded it again.
        assertThat(store.searchTexts().get(store.tasks().indexOf(cafe))).isSameAs(cafeText);
        assertThat(store.searchTexts()).hasSize(3);
    }
}
