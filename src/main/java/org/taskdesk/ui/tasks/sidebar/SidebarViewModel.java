package org.taskdesk.ui.tasks.sidebar;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.SavedSearch;
import org.taskdesk.ui.tasks.store.TaskStore;

/**
 * The sidebar: the smart lists, the person's saved searches and one entry per tag in use on open tasks (and each
 * tag above one, #work for #work/reports), each with a live count, and which of them the list shows. The counts
 * follow every change to the tasks, and the clock ({@link TaskStore#timePassed}).
 */
public final class SidebarViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SidebarViewModel.class);

    private final TaskStore store;
    private final Clock clock;
    private final Map<SmartList, SidebarEntry> smartEntries = new EnumMap<>(SmartList.class);
    private final ObservableList<SidebarEntry> tagEntries = FXCollections.observableArrayList();
    private final ObservableList<SidebarEntry> readTagEntries = FXCollections.unmodifiableObservableList(tagEntries);
    private final ObservableList<SidebarEntry> savedEntries = FXCollections.observableArrayList();
    private final ObservableList<SidebarEntry> readSaved = FXCollections.unmodifiableObservableList(savedEntries);
    private final ObjectProperty<SidebarEntry> selectedList = new SimpleObjectProperty<>(this, "selectedList");

    public SidebarViewModel(TaskStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (SmartList list : SmartList.values()) {
            smartEntries.put(list, new SidebarEntry(SidebarEntry.Kind.SMART, list.label(), list.filter()));
        }
        selectedList.set(smartEntries.get(SmartList.INBOX));
        store.onTasksChanged(this::recount);
    }

    public SidebarEntry smartEntry(SmartList list) {
        return smartEntries.get(list);
    }

    public List<SidebarEntry> smartEntries() {
        return List.copyOf(smartEntries.values());
    }

    /** One entry per tag in use on open tasks and per tag above one, alphabetical. */
    public ObservableList<SidebarEntry> tagEntries() {
        return readTagEntries;
    }

    /** The person's saved searches, in the order given (by name), each with its count. */
    public ObservableList<SidebarEntry> savedEntries() {
        return readSaved;
    }

    /** The saved search with this id, if it is in the sidebar. */
    public Optional<SidebarEntry> savedEntry(long id) {
        return savedEntries.stream().filter(e -> e.savedSearch().id() == id).findFirst();
    }

    /**
     * Shows {@code searches} as the saved-search entries, counted at once. A chosen saved search stays chosen under
     * its new name; one that is gone gives way to the Inbox.
     */
    public void showSavedSearches(List<SavedSearch> searches) {
        List<SidebarEntry> entries = new ArrayList<>();
        for (SavedSearch search : searches) {
            try {
                entries.add(SidebarEntry.of(search));
            } catch (TaskDeskException unreadable) {
                // Saved when it read; a later filter language could refuse it. Left out, not fatal: it is kept.
                LOG.warn("Saved search #{} no longer reads: {}", search.id(), unreadable.getMessage());
            }
        }
        SidebarEntry chosen = selectedList.get();
        savedEntries.setAll(entries);
        recount();
        if (chosen != null && chosen.kind() == SidebarEntry.Kind.SAVED) {
            selectedList.set(savedEntry(chosen.savedSearch().id()).orElse(smartEntries.get(SmartList.INBOX)));
        }
    }

    /** The list or tag whose tasks the list shows. */
    public ObjectProperty<SidebarEntry> selectedListProperty() {
        return selectedList;
    }

    public void select(SmartList list) {
        selectedList.set(smartEntries.get(list));
    }

    /** The filter of the chosen entry; every task when none is chosen. */
    public TaskFilter filter() {
        SidebarEntry entry = selectedList.get();
        return entry == null ? TaskFilter.all() : entry.filter();
    }

    /** One pass over the tasks for every smart list and saved search, and the tags. */
    private void recount() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<SidebarEntry> counted = new ArrayList<>();
        for (SmartList list : SmartList.values()) {
            counted.add(smartEntries.get(list));
        }
        counted.addAll(savedEntries);
        int[] counts = new int[counted.size()];
        TaskFilter[] filters = new TaskFilter[counted.size()];
        boolean searchesText = false;
        for (int i = 0; i < filters.length; i++) {
            filters[i] = counted.get(i).filter();
            searchesText |= filters[i].searchesText();
        }
        // A saved search with words looks in the texts the store keeps folded, not in each task's text again.
        List<String> texts = searchesText ? store.searchTexts() : null; // index for index with the tasks
        Map<String, int[]> tagCounts = new TreeMap<>();
        List<Task> tasks = store.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            String text = texts == null ? null : texts.get(t);
            for (int i = 0; i < filters.length; i++) {
                if (filters[i].matches(task, text, now)) {
                    counts[i]++;
                }
            }
            if (!task.completed()) {
                countTags(task, tagCounts);
            }
        }
        for (int i = 0; i < counts.length; i++) {
            counted.get(i).setCount(counts[i]);
        }
        updateTagEntries(tagCounts);
    }

    /**
     * Counts the task once for each of its tags and each tag above them, as the tag's list shows it: #work's list
     * has the tasks of #work/reports too, so its count does. A task with both counts once for #work.
     */
    private static void countTags(Task task, Map<String, int[]> counts) {
        Set<String> counted = new HashSet<>();
        for (String tag : task.tags()) {
            for (int slash = tag.length(); slash > 0; slash = tag.lastIndexOf('/', slash - 1)) {
                String above = tag.substring(0, slash);
                if (counted.add(above)) {
                    counts.computeIfAbsent(above, t -> new int[1])[0]++;
                }
            }
        }
    }

    private void updateTagEntries(Map<String, int[]> counts) {
        Map<String, SidebarEntry> existing = new HashMap<>();
        for (SidebarEntry entry : tagEntries) {
            existing.put(entry.label(), entry);
        }
        List<SidebarEntry> entries = new ArrayList<>();
        for (Map.Entry<String, int[]> tag : counts.entrySet()) {
            String label = "#" + tag.getKey();
            SidebarEntry entry = existing.get(label);
            if (entry == null) {
                entry = new SidebarEntry(SidebarEntry.Kind.TAG, label, "is:open " + label); // not shown: a filter
            }
            entry.setCount(tag.getValue()[0]);
            entries.add(entry);
        }
        if (!entries.equals(tagEntries)) {
            tagEntries.setAll(entries);
        }
        SidebarEntry chosen = selectedList.get();
        if (chosen != null && chosen.kind() == SidebarEntry.Kind.TAG && !entries.contains(chosen)) {
            // The tag has no open task left: keep showing it (empty) rather than jumping elsewhere.
            chosen.setCount(0);
        }
    }
}
