package org.taskdesk.ui.tasks.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.undo.TaskChanges;

/** The tasks held in memory, without a database or JavaFX: tasks are handed in as the service would. */
class TaskStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final StatusViewModel status =
            new StatusViewModel(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
    private final TaskStore store = new TaskStore(null, null, null, null, status);
    private int changes;

    private static Task task(long id, String title, String... tags) {
        return Task.create(title, NOW.plusSeconds(id)).withId(id).withTags(Tags.of(tags), NOW);
    }

    private List<String> titles() {
        return store.tasks().stream().map(Task::title).toList();
    }

    @Test
    void aCommandsChangesArePutInPlaceInOrderAndListenersHearOnce() {
        store.sortProperty().set(TaskSort.TITLE);
        store.showTasks(List.of(task(1, "Cherry"), task(2, "Apple", "fruit")));
        store.onTasksChanged(() -> changes++);

        store.apply(new TaskChanges(List.of(task(3, "Banana", "fruit"), task(1, "Damson")), List.of(2L)));

        assertThat(titles()).containsExactly("Banana", "Damson");
        assertThat(changes).isEqualTo(1);
        assertThat(store.holds(2)).isFalse();
        assertThat(store.holds(3)).isTrue();
        assertThat(store.totalCount()).isEqualTo(2);
        assertThat(status.savedTextProperty().get()).isEqualTo("Saved 11:00");
    }

    @Test
    void anotherSortOrderSortsEveryTaskAndSaysSo() {
        store.showTasks(List.of(task(1, "Cherry"), task(2, "Apple"), task(3, "Banana")));
        store.onOrderChanged(() -> changes++);

        store.sortProperty().set(TaskSort.TITLE);

        assertThat(titles()).containsExactly("Apple", "Banana", "Cherry");
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void theFirstLoadTakesTheTasksReadAtStartUpWithoutAskingTheServiceAgain() {
        // No service: asking it would fail. The tasks were read while the database opened (ADR 0034).
        HeldBackgroundTasks background = new HeldBackgroundTasks();
        TaskStore first = new TaskStore(null, null, background, null, status);
        first.sortProperty().set(TaskSort.TITLE);

        first.load(() -> Optional.of(List.of(task(1, "Cherry"), task(2, "Apple"))));
        assertThat(first.loadingProperty().get()).isTrue();
        background.replyAll();

        assertThat(first.loadingProperty().get()).isFalse();
        assertThat(first.tasks()).extracting(Task::title).containsExactly("Apple", "Cherry");
    }

    @Test
    void everyTagInUseOnceAndInOrder() {
        store.showTasks(List.of(task(1, "One", "work", "home"), task(2, "Two", "home")));
        assertThat(store.allTags()).containsExactly("home", "work");
    }

    @Test
    void searchTextsStayIndexForIndexWithTheTasksThroughChangesAndSorts() {
        store.showTasks(List.of(task(1, "Cherry"), task(2, "Apple", "fruit"), task(3, "Éclair")));
        assertThat(store.searchTexts()).hasSize(3);

        store.apply(new TaskChanges(List.of(task(4, "Banana"), task(1, "Damson")), List.of(2L)));
        store.sortProperty().set(TaskSort.TITLE);
        store.apply(new TaskChanges(List.of(task(5, "Apricot", "Fruit")), List.of()));

        assertThat(titles()).containsExactly("Apricot", "Banana", "Damson", "Éclair");
        for (int i = 0; i < store.tasks().size(); i++) {
            assertThat(store.searchTexts().get(i)).isEqualTo(TaskFilter.searchTextOf(store.tasks().get(i)));
        }
        assertThat(store.searchTexts().get(3)).startsWith("eclair");
    }
}
