package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.FilterSyntaxException;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.tasks.undo.TaskChanges;
import org.taskdesk.ui.tasks.undo.TaskCommand;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The main window's list: every task of the signed-in person, loaded once and then filtered and sorted in memory
 * (smart list or tag from the sidebar, and the search box), live sidebar counts, the selection, and the actions on
 * it, each an undoable command. Never touches a control; all service calls go through {@link BackgroundTasks}.
 */
public final class TaskListViewModel {
    /** From this many tasks a full filter pass runs in parallel; below it the threads cost more than they save. */
    private static final int PARALLEL_FROM = 20_000;

    private final TaskService service;
    private final UserSession user;
    private final BackgroundTasks background;
    private final DialogService dialogs;
    private final Clock clock;
    private final TaskCommands commands;
    private final UndoManager undo;

    // All tasks in the current sort order, and by id; the visible list is a filtered pass over the first.
    private final List<Task> sorted = new ArrayList<>();
    private final Map<Long, Task> byId = new HashMap<>();
    private final ObservableList<Task> visible = FXCollections.observableArrayList();
    private final ObservableList<Task> readVisible = FXCollections.unmodifiableObservableList(visible);

    private final Map<SmartList, SidebarEntry> smartEntries = new EnumMap<>(SmartList.class);
    private final ObservableList<SidebarEntry> tagEntries = FXCollections.observableArrayList();
    private final ObservableList<SidebarEntry> readTagEntries = FXCollections.unmodifiableObservableList(tagEntries);
    private final ObjectProperty<SidebarEntry> selectedList = new SimpleObjectProperty<>(this, "selectedList");

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError", "");
    private final IntegerProperty searchErrorPosition = new SimpleIntegerProperty(this, "searchErrorPosition", -1);
    private TaskFilter searchFilter = TaskFilter.all();
    // The search text the visible list was computed for, so typing more of a plain word can filter that list
    // instead of every task.
    private String shownSearch = "";

    private final ObjectProperty<TaskSort> sort = new SimpleObjectProperty<>(this, "sort", TaskSort.DUE);

    private final ObservableList<Task> selection = FXCollections.observableArrayList();
    private final ObservableList<Task> readSelection = FXCollections.unmodifiableObservableList(selection);
    private final Set<Long> selectedIds = new LinkedHashSet<>();
    private final ReadOnlyObjectWrapper<Task> current = new ReadOnlyObjectWrapper<>(this, "current");
    private int[] selectedIndices = new int[0];
    private boolean publishing;

    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanBinding busy;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "savedText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TaskListViewModel(TaskService service, UserSession user, BackgroundTasks background, DialogService dialogs,
                             Clock clock) {
        this.service = service;
        this.user = user;
        this.background = background;
        this.dialogs = dialogs;
        this.clock = clock;
        this.commands = new TaskCommands(service, user, clock);
        this.undo = new UndoManager(background, this::apply, this::failed);
        for (SmartList list : SmartList.values()) {
            smartEntries.put(list, new SidebarEntry(SidebarEntry.Kind.SMART, list.label(), list.filter()));
        }
        selectedList.set(smartEntries.get(SmartList.INBOX));
        busy = loading.or(undo.runningProperty());
        selectedList.addListener((obs, old, now) -> refilter(true));
        searchText.addListener((obs, old, now) -> parseSearch(now));
        sort.addListener((obs, old, now) -> resort());
    }

    // ---- properties ----------------------------------------------------------------------------------

    /** The tasks to show, filtered and sorted; replaced as a whole so the list view reuses its cells. */
    public ObservableList<Task> visibleTasks() {
        return readVisible;
    }

    public SidebarEntry smartEntry(SmartList list) {
        return smartEntries.get(list);
    }

    public List<SidebarEntry> smartEntries() {
        return List.copyOf(smartEntries.values());
    }

    /** One entry per tag in use on open tasks, alphabetical. */
    public ObservableList<SidebarEntry> tagEntries() {
        return readTagEntries;
    }

    public ObjectProperty<SidebarEntry> selectedListProperty() {
        return selectedList;
    }

    /** Free words or the filter language; a malformed filter keeps the last good one in force. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Empty, or what is wrong with the search text and where. */
    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    /** The 0-based position of the problem in the search text, or -1. */
    public ReadOnlyIntegerProperty searchErrorPositionProperty() {
        return searchErrorPosition;
    }

    public ObjectProperty<TaskSort> sortProperty() {
        return sort;
    }

    /** The selected tasks, in the order the list shows them. */
    public ObservableList<Task> selection() {
        return readSelection;
    }

    /** The task the detail pane shows: the only selected one, else null. */
    public ReadOnlyObjectProperty<Task> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True while anything is being loaded or saved. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Empty, or the last failure in words. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Saved 10:42" after the first change, else empty. */
    public ReadOnlyStringProperty savedTextProperty() {
        return savedText.getReadOnlyProperty();
    }

    /** A short note about the last action worth telling, e.g. where a repeating task moved to. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public UndoManager undoManager() {
        return undo;
    }

    public TaskCommands commands() {
        return commands;
    }

    public Clock clock() {
        return clock;
    }

    /** Every tag in use, for completion in the detail pane and the tag dialogs. */
    public List<String> allTags() {
        Set<String> names = new TreeSet<>();
        for (Task task : sorted) {
            names.addAll(task.tags().names());
        }
        return List.copyOf(names);
    }

    public int totalCount() {
        return sorted.size();
    }

    // ---- loading -------------------------------------------------------------------------------------

    /** Loads all the person's tasks in the background; the list shows them when they arrive. */
    public void load() {
        loading.set(true);
        background.run(() -> service.list(user, TaskQuery.of("")).tasks(), tasks -> {
            loading.set(false);
            showTasks(tasks);
        }, failure -> {
            loading.set(false);
            error.set(ErrorText.of(failure));
            dialogs.showError("Your tasks could not be loaded.", failure);
        });
    }

    /** Replaces every task held in memory (what {@link #load()} does with the result). */
    public void showTasks(List<Task> tasks) {
        byId.clear();
        sorted.clear();
        for (Task task : tasks) {
            byId.put(task.id(), task);
        }
        sorted.addAll(byId.values());
        sorted.sort(sort.get().order());
        recount();
        refilter(false);
    }

    // ---- filtering -----------------------------------------------------------------------------------

    public void select(SmartList list) {
        selectedList.set(smartEntries.get(list));
    }

    private void parseSearch(String text) {
        try {
            searchFilter = TaskFilter.parse(text);
            searchError.set("");
            searchErrorPosition.set(-1);
            if (narrows(shownSearch, text)) {
                narrow(text);
            } else {
                refilter(true);
            }
        } catch (FilterSyntaxException e) {
            searchError.set(e.getMessage());
            searchErrorPosition.set(e.position());
        }
    }

    private void resort() {
        sorted.sort(sort.get().order());
        refilter(true);
    }

    /**
     * Whether {@code now} can only show fewer tasks than {@code before}: both are plain words (letters, digits,
     * spaces: each word must occur, so no operator, key or quote), and {@code now} only adds characters at the end.
     * Adding to the last word or adding a word then narrows the previous result.
     */
    public static boolean narrows(String before, String now) {
        return before != null && now != null && now.startsWith(before) && plainWords(before) && plainWords(now);
    }

    private static boolean plainWords(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Filters the visible list (the previous, wider result) instead of every task. */
    private void narrow(String text) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        TaskFilter search = searchFilter;
        List<Task> result = filter(visible, search, TaskFilter.all(), now);
        shownSearch = text;
        if (result.size() != visible.size()) {
            publish(result, true);
        }
    }

    /**
     * One pass over all tasks; the visible list is only replaced when the result differs. {@code newView} when
     * the person asked for another selection (search, list, sort), so the list may start again at the top;
     * false after a change to tasks, when the list should stay where it is.
     */
    private void refilter(boolean newView) {
        shownSearch = searchFilter.text();
        ZonedDateTime now = ZonedDateTime.now(clock);
        SidebarEntry entry = selectedList.get();
        TaskFilter list = entry == null ? TaskFilter.all() : entry.filter();
        TaskFilter search = searchFilter;
        List<Task> result = filter(sorted, list, search, now);
        if (sameElements(result, visible)) {
            return;
        }
        publish(result, newView);
    }

    /** The tasks of {@code from} that pass both filters, in order. */
    private static List<Task> filter(List<Task> from, TaskFilter first, TaskFilter second, ZonedDateTime now) {
        if (from.size() >= PARALLEL_FROM) {
            // Filters are immutable and allocation-free, so the pass splits across cores; the order is kept.
            return from.parallelStream().filter(t -> first.matches(t, now) && second.matches(t, now)).toList();
        }
        List<Task> result = new ArrayList<>(Math.min(from.size(), 1024));
        for (Task task : from) {
            if (first.matches(task, now) && second.matches(task, now)) {
                result.add(task);
            }
        }
        return result;
    }

    private static boolean sameElements(List<Task> a, List<Task> b) {
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
        int[] indices = new int[selectedIds.size()];
        int found = 0;
        if (!selectedIds.isEmpty()) {
            for (int i = 0; i < result.size(); i++) {
                if (selectedIds.contains(result.get(i).id())) {
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
        setSelectionNow(kept);
    }

    /** Where the selected tasks are in the visible list after it was replaced, for the view to select again. */
    public int[] selectedIndices() {
        return selectedIndices.clone();
    }

    /** Whether the visible list is being replaced right now (selection changes then come from that, not a person). */
    public boolean isPublishing() {
        return publishing;
    }

    // ---- counts --------------------------------------------------------------------------------------

    private void recount() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        SmartList[] lists = SmartList.values();
        int[] counts = new int[lists.length];
        TaskFilter[] filters = new TaskFilter[lists.length];
        for (int i = 0; i < lists.length; i++) {
            filters[i] = smartEntries.get(lists[i]).filter();
        }
        Map<String, int[]> tagCounts = new TreeMap<>();
        for (Task task : sorted) {
            for (int i = 0; i < lists.length; i++) {
                if (filters[i].matches(task, now)) {
                    counts[i]++;
                }
            }
            if (!task.completed()) {
                for (String tag : task.tags()) {
                    tagCounts.computeIfAbsent(tag, t -> new int[1])[0]++;
                }
            }
        }
        for (int i = 0; i < lists.length; i++) {
            smartEntries.get(lists[i]).setCount(counts[i]);
        }
        updateTagEntries(tagCounts);
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
                entry = new SidebarEntry(SidebarEntry.Kind.TAG, label, "is:open " + label);
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

    // ---- selection -----------------------------------------------------------------------------------

    /** What the person selected in the list; the view calls it whenever the selection changes. */
    public void setSelection(List<Task> tasks) {
        if (publishing) {
            return;
        }
        setSelectionNow(tasks);
    }

    private void setSelectionNow(List<Task> tasks) {
        selectedIds.clear();
        List<Task> clean = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (task != null && selectedIds.add(task.id())) {
                clean.add(task);
            }
        }
        if (!sameElements(clean, selection)) {
            selection.setAll(clean);
        }
        Task only = clean.size() == 1 ? clean.get(0) : null;
        if (only != current.get()) {
            current.set(only);
        }
    }

    // ---- actions -------------------------------------------------------------------------------------

    /** Runs {@code command} as an undoable step; {@code then} runs after it succeeded. */
    public void run(TaskCommand command, Runnable then) {
        undo.execute(command, then);
    }

    /** As {@link #run(TaskCommand, Runnable)}; {@code failed} runs before the failure is shown and the list reloaded. */
    public void run(TaskCommand command, Runnable then, Runnable failed) {
        undo.execute(command, then, failed);
    }

    public void run(TaskCommand command) {
        run(command, () -> { });
    }

    /** Whether the list holds the task with this id (it was not deleted meanwhile). */
    public boolean holds(long id) {
        return byId.containsKey(id);
    }

    /** Shows a short note to the person (a toast in the window). */
    public void tell(String note) {
        message.set("");
        message.set(note);
    }

    /** Completes the selected tasks (reopens them when every one is already done). */
    public void completeSelection() {
        toggleDone(List.copyOf(selection));
    }

    /** The list's check box: completes open tasks; when all are done, reopens them. */
    public void toggleDone(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        boolean allDone = tasks.stream().allMatch(Task::completed);
        if (allDone) {
            run(commands.reopen(tasks));
            return;
        }
        List<Task> open = tasks.stream().filter(t -> !t.completed()).toList();
        run(commands.complete(open));
    }

    /** Deletes the selection after the person confirms. */
    public void deleteSelection() {
        List<Task> tasks = List.copyOf(selection);
        if (tasks.isEmpty()) {
            return;
        }
        String what = tasks.size() == 1 ? "\"" + tasks.get(0).title() + "\"" : TaskCommands.count(tasks.size());
        if (dialogs.confirm("Delete " + what + "?", "You can undo this with Ctrl+Z.")) {
            run(commands.delete(tasks));
        }
    }

    public void setPriority(Priority priority) {
        List<Task> tasks = List.copyOf(selection);
        if (!tasks.isEmpty()) {
            run(commands.edit("Set priority of " + TaskCommands.count(tasks.size()), tasks,
                    t -> t.withPriority(priority, clock.instant())));
        }
    }

    /** Adds the tag to every selected task; an invalid name becomes the error and changes nothing. */
    public void addTag(String name) {
        List<Task> tasks = List.copyOf(selection);
        String tag;
        try {
            tag = Tags.normalise(name);
        } catch (RuntimeException e) {
            error.set(ErrorText.of(e));
            return;
        }
        if (!tasks.isEmpty()) {
            run(commands.edit("Add #" + tag + " to " + TaskCommands.count(tasks.size()), tasks,
                    t -> t.withTags(t.tags().with(tag), clock.instant())));
        }
    }

    public void removeTag(String name) {
        List<Task> tasks = List.copyOf(selection);
        String tag;
        try {
            tag = Tags.normalise(name);
        } catch (RuntimeException e) {
            error.set(ErrorText.of(e));
            return;
        }
        if (!tasks.isEmpty()) {
            run(commands.edit("Remove #" + tag + " from " + TaskCommands.count(tasks.size()), tasks,
                    t -> t.withTags(t.tags().without(tag), clock.instant())));
        }
    }

    /** The tags of the selected tasks, for "Remove tag…". */
    public List<String> selectionTags() {
        Set<String> names = new TreeSet<>();
        for (Task task : selection) {
            names.addAll(task.tags().names());
        }
        return List.copyOf(names);
    }

    public void undo() {
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    // ---- results -------------------------------------------------------------------------------------

    /** Puts what a command changed into the list in place, then refilters and recounts once. */
    private void apply(TaskChanges changes) {
        Comparator<Task> order = sort.get().order();
        for (long id : changes.removed()) {
            Task old = byId.remove(id);
            if (old != null) {
                removeSorted(old, order);
            }
        }
        StringBuilder moved = new StringBuilder();
        for (Task task : changes.saved()) {
            Task old = byId.put(task.id(), task);
            if (old != null) {
                removeSorted(old, order);
                if (task.isRecurring() && !task.completed() && old.due() != null && task.due() != null
                        && task.due().date().isAfter(old.due().date())) {
                    moved.append(moved.length() == 0 ? "" : "; ").append('"').append(task.title())
                            .append("\" is next due ").append(task.due().describe(ZonedDateTime.now(clock)));
                }
            }
            int at = Collections.binarySearch(sorted, task, order);
            sorted.add(at < 0 ? -at - 1 : at, task);
        }
        error.set("");
        message.set("");
        message.set(moved.toString());
        savedText.set("Saved " + Formats.TIME.format(clock.instant().atZone(clock.getZone())));
        recount();
        refilter(false); // the selection follows its tasks to their new versions (publish keeps it by id)
    }

    private void removeSorted(Task old, Comparator<Task> order) {
        int at = Collections.binarySearch(sorted, old, order);
        if (at >= 0) {
            sorted.remove(at);
        } else {
            sorted.removeIf(t -> t.id() == old.id()); // cannot happen while the order is total; stay safe
        }
    }

    private void failed(Throwable failure) {
        error.set(ErrorText.of(failure));
        dialogs.showError("The change could not be saved.", failure);
        load(); // part of a bulk change may have happened: show what the database holds
    }
}
