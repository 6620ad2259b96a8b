package org.taskdesk.ui.tasks.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.TaskFilter;

/** The search box's reading of its text, without JavaFX running. */
class SearchViewModelTest {

    @Test
    void aMalformedFilterSaysWhereAndKeepsTheLastGoodOne() {
        SearchViewModel search = new SearchViewModel();
        search.textProperty().set("#work");
        TaskFilter good = search.filterProperty().get();
        assertThat(good.text()).isEqualTo("#work");

        search.textProperty().set("#work & (priority:high");
        assertThat(search.errorProperty().get()).contains("position");
        assertThat(search.errorPositionProperty().get()).isBetween(0, "#work & (priority:high".length());
        assertThat(search.filterProperty().get()).isSameAs(good);

        search.textProperty().set("#work & (priority:high)");
        assertThat(search.errorProperty().get()).isEmpty();
        assertThat(search.errorPositionProperty().get()).isEqualTo(-1);
        assertThat(search.filterProperty().get().text()).isEqualTo("#work & (priority:high)");
    }

    @Test
    void everyGoodReadingReachesTheList() {
        SearchViewModel search = new SearchViewModel();
        List<String> seen = new ArrayList<>();
        search.filterProperty().addListener((obs, old, now) -> seen.add(now.text()));
        search.textProperty().set("r");
        search.textProperty().set("re");
        search.textProperty().set("re (");
        search.textProperty().set("rep");
        assertThat(seen).containsExactly("r", "re", "rep");
    }

    @Test
    void onlyPlainWordsTypedOnAtTheEndNarrow() {
        assertThat(SearchViewModel.narrows("rep", "rep b")).isTrue();
        assertThat(SearchViewModel.narrows("", "rep")).isTrue();
        assertThat(SearchViewModel.narrows("rep", "re")).isFalse();
        assertThat(SearchViewModel.narrows("rep", "rep | groc")).isFalse();
        assertThat(SearchViewModel.narrows("#work", "#work x")).isFalse();
        assertThat(SearchViewModel.narrows(null, "rep")).isFalse();
    }
}
