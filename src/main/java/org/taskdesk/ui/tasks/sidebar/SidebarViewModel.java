package org.taskdesk.ui.tasks.sidebar;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.ui.tasks.store.TaskStore;

/**
 * The sidebar: the smart lists and one entry per tag in use on open tasks (and each tag above one, #work for
 * #work/reports), each with a live count, and which of them the list shows. The counts follow every change to the
 * tasks, and the clock ({@link TaskStore#timePassed}).
 */
public final class SidebarViewModel {
    private final TaskStore store;
    private final Clock clock;
    private final Map<SmartList, SidebarEntry> smartEntries = new EnumMap<>(SmartList.class);
    private final ObservableList<SidebarEntry> tagEntries = FXCollections.observableArrayList();
    private final ObservableList<SidebarEntry> readTagEntries = FXCollections.unmodifiableObservableList(tagEntries);
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

    private void recount() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        SmartList[] lists = SmartList.values();
        int[] counts = new int[lists.length];
        TaskFilter[] filters = new TaskFilter[lists.length];
        for (int i = 0; i < lists.length; i++) {
            filters[i] = smartEntries.get(lists[i]).filter();
        }
        Map<String, int[]> tagCounts = new TreeMap<>();
        for (Task task : store.tasks()) {
            for (int i = 0; i < lists.length; i++) {
                if (filters[i].matches(task, now)) {
                    counts[i]++;
                }
            }
            if (!task.completed()) {
                countTags(task, tagCounts);
            }
        }
        for (int i = 0; i < lists.length; i++) {
            smartEntries.get(lists[i]).setCount(counts[i]);
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
