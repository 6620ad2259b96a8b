package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.sidebar.SidebarViewModel;
import org.taskdesk.ui.tasks.store.TaskStore;

/**
 * The task list: the tasks of the sidebar's list that pass the search, in the sort order, and the selection among
 * them, kept by task across every change. Never touches a control; the tasks come from the {@link TaskStore}.
 */
public final class TaskListViewModel {
    /** From this many tasks a full filter pass runs in parallel; below it the threads cost more than they save. */
    private static final int PARALLEL_FROM = 20_000;

    private final TaskStore store;
    private final SidebarViewModel sidebar;
    private final SearchViewModel search;
    private final Clock clock;
    private final TaskSelection selection = new TaskSelection();
    private final StringBinding emptyText;

    // A filtered pass over the store's tasks.
    private final ObservableList<Task> visible = FXCollections.observableArrayList();
    private final ObservableList<Task> readVisible = FXCollections.unmodifiableObservableList(visible);
    // The search text the visible list was computed for, so typing more of a plain word can filter that list
    // instead of every task; and the visible tasks' folded texts, index for index (null when the pass that made the
    // list looked for no words).
    private String shownSearch = "";
    private List<String> visibleTexts;
    private int[] selectedIndices = new int[0];
    private boolean publishing;

    public TaskListViewModel(TaskStore store, SidebarViewModel sidebar, SearchViewModel search, Clock clock) {
        this.store = store;
        this.sidebar = sidebar;
        this.search = search;
        this.clock = clock;
        store.onTasksChanged(() -> refilter(false));
        store.onOrderChanged(() -> refilter(true));
        sidebar.selectedListProperty().addListener((obs, old, now) -> refilter(true));
        search.filterProperty().addListener((obs, old, now) -> searchChanged(search.textProperty().get()));
        emptyText = Bindings.createStringBinding(this::emptyTextNow, store.loadingProperty(), search.filterProperty());
    }

    /**
     * What the list says when it shows no task: that it is loading, that nothing matches what was searched (with
     * the search, so the person sees why), or else how to add a task with quick add, since an empty list is where
     * a new user starts.
     */
    public StringBinding emptyText() {
        return emptyText;
    }

    private String emptyTextNow() {
        if (store.loadingProperty().get()) {
            return Messages.text("list.loading");
        }
        String searched = search.filterProperty().get().text().strip();
        return searched.isEmpty() ? Messages.text("list.empty") : Messages.format("list.no.match", searched);
    }

    /** The tasks to show, filtered and sorted; replaced as a whole so the list view reuses its cells. */
    public ObservableList<Task> visibleTasks() {
        return readVisible;
    }

    /** The selected tasks and the current one. */
    public TaskSelection selection() {
        return selection;
    }

    /** The task the detail pane shows: the only selected one, else null. */
    public ReadOnlyObjectProperty<Task> currentProperty() {
        return selection.currentProperty();
    }

    /** Where the selected tasks are in the visible list after it was replaced, for the view to select again. */
    public int[] selectedIndices() {
        return selectedIndices.clone();
    }

    /** Whether the visible list is being replaced right now (selection changes then come from that, not a person). */
    public boolean isPublishing() {
        return publishing;
    }

    /** What the person selected in the list; the view calls it whenever the selection changes. */
    public void setSelection(List<Task> tasks) {
        if (publishing) {
            return;
        }
        selection.set(tasks);
    }

    // ---- filtering -----------------------------------------------------------------------------------

    private void searchChanged(String text) {
        if (visibleTexts != null && SearchViewModel.narrows(shownSearch, text)) {
            narrow(text);
        } else {
            refilter(true);
        }
    }

    /** Filters the visible list (the previous, wider result) instead of every task. */
    private void narrow(String text) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Passed result = filter(visible, visibleTexts, search.filterProperty().get(), TaskFilter.all(), now);
        shownSearch = text;
        visibleTexts = result.texts();
        if (result.tasks().size() != visible.size()) {
            publish(result.tasks(), true);
        }
    }

    /**
     * One pass over all tasks; the visible list is only replaced when the result differs. {@code newView} when
     * the person asked for another selection (search, list, sort), so the list may start again at the top;
     * false after a change to tasks, when the list should stay where it is.
     */
    private void refilter(boolean newView) {
        TaskFilter searchFilter = search.filterProperty().get();
        shownSearch = searchFilter.text();
        ZonedDateTime now = ZonedDateTime.now(clock);
        TaskFilter listFilter = sidebar.filter();
        // The folded texts only when words are looked for: by the search, or by a saved search's list. (So the
        // first word typed into an empty box is a full pass, which folds them; the next keystrokes narrow.)
        boolean texts = searchFilter.searchesText() || listFilter.searchesText();
        Passed result = filter(store.tasks(), texts ? store.searchTexts() : null, listFilter, searchFilter, now);
        visibleTexts = result.texts();
        if (sameElements(result.tasks(), visible)) {
            return;
        }
        publish(result.tasks(), newView);
    }

    /** Tasks that passed, in order, with their folded texts index for index (null when none were given). */
    private record Passed(List<Task> tasks, List<String> texts) {
    }

    /**
     * The tasks of {@code from} that pass both filters, in order; {@code texts} their search texts index for index,
     * or null. By index, not by task: a look-up per task cost more than the filter itself (ADR 0035).
     */
    private static Passed filter(List<Task> from, List<String> texts, TaskFilter first, TaskFilter second,
                                 ZonedDateTime now) {
        int[] passed;
        if (from.size() >= PARALLEL_FROM) {
            // Filters are immutable and allocation-free, so the pass splits across cores; the order is kept.
            passed = IntStream.range(0, from.size()).parallel()
                    .filter(i -> passes(from.get(i), texts == null ? null : texts.get(i), first, second, now)).toArray();
        } else {
            passed = new int[from.size()];
            int count = 0;
            for (int i = 0; i < from.size(); i++) {
                if (passes(from.get(i), texts == null ? null : texts.get(i), first, second, now)) {
                    passed[count++] = i;
                }
            }
            passed = Arrays.copyOf(passed, count);
        }
        List<Task> tasks = new ArrayList<>(passed.length);
        List<String> passedTexts = texts == null ? null : new ArrayList<>(passed.length);
        for (int i : passed) {
            tasks.add(from.get(i));
            if (passedTexts != null) {
                passedTexts.add(texts.get(i));
            }
        }
        return new Passed(tasks, passedTexts);
    }

    private static boolean passes(Task task, String text, TaskFilter first, TaskFilter second, ZonedDateTime now) {
        return first.matches(task, text, now) && second.matches(task, text, now);
    }

    static boolean sameElements(List<Task> a, List<Task> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void publish(List<Task> result, boolean newView) {
        List<Task> kept = new ArrayList<>();
        int[] indices = new int[selection.size()];
        int found = 0;
        if (!selection.isEmpty()) {
            for (int i = 0; i < result.size(); i++) {
                if (selection.contains(result.get(i).id())) {
                    kept.add(result.get(i));
                    indices[found++] = i;
                }
            }
        }
        selectedIndices = Arrays.copyOf(indices, found);
        publishing = true;
        try {
            // The list view's selection is put back by the view from selectedIndices() while this runs.
            // For a new view, clear, then add: a "replace" change makes the list view mark every row dirty and
            // visit each one at layout, which costs milliseconds at 100,000 rows; "all removed" and "added" do
            // not, but they take the list back to the top, which is only right when the person asked for another
            // view. After a change to tasks, replace, so the list stays where it was.
            if (!newView || visible.isEmpty() || result.isEmpty()) {
                visible.setAll(result);
            } else {
                visible.clear();
                visible.addAll(result);
            }
        } finally {
            publishing = false;
        }
        selection.set(kept);
    }
}
