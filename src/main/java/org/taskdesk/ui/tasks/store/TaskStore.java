package org.taskdesk.ui.tasks.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.tasks.TaskListStamp;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.undo.TaskChanges;

/**
 * Every task of the signed-in person, loaded once and then kept in memory in the chosen sort order: a command's
 * changes are put in place instead of loading everything again. The sidebar counts and the list filter over it.
 */
public final class TaskStore {
    private static final Logger LOG = LoggerFactory.getLogger(TaskStore.class);

    private final TaskService service;
    private final UserSession user;
    private final BackgroundTasks background;
    private final DialogService dialogs;
    private final StatusViewModel status;

    // All tasks in the current sort order, and by id.
    private final List<Task> sorted = new ArrayList<>();
    private final List<Task> readSorted = Collections.unmodifiableList(sorted);
    private final Map<Long, Task> byId = new HashMap<>();
    /**
     * Each task's search text ({@link TaskFilter#searchTextOf}: title, description and tags, case and accents
     * folded), index for index with {@link #sorted}: what the list's search and the sidebar's counts look for words
     * in, so neither folds a task's text again, and neither looks it up by task (an identity map's look-up per task
     * was most of a keystroke at 100,000 tasks: ADR 0035). Made once per version of a task, kept in place when other
     * tasks change; filled on the first search with words, so a start without one pays nothing.
     */
    private final List<String> searchTexts = new ArrayList<>();
    private final List<String> readSearchTexts = Collections.unmodifiableList(searchTexts);
    private boolean textsFolded;
    private final ObjectProperty<TaskSort> sort = new SimpleObjectProperty<>(this, "sort", TaskSort.DUE);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final List<Runnable> orderListeners = new ArrayList<>();
    /** Whether a look for changes made elsewhere is under way: one at a time. */
    private boolean looking;
    private boolean loadedOnce;

    public TaskStore(TaskService service, UserSession user, BackgroundTasks background, DialogService dialogs,
                     StatusViewModel status) {
        this.service = service;
        this.user = user;
        this.background = background;
        this.dialogs = dialogs;
        this.status = status;
        sort.addListener((obs, old, now) -> {
            sortBy(now.order());
            orderListeners.forEach(Runnable::run);
        });
    }

    /** Every task, in the sort order; read-only, and only valid until the next change. */
    public List<Task> tasks() {
        return readSorted;
    }

    public ObjectProperty<TaskSort> sortProperty() {
        return sort;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Runs {@code listener} after every change to the tasks, in the order the listeners were added. */
    public void onTasksChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Runs {@code listener} after the tasks were sorted in another order. */
    public void onOrderChanged(Runnable listener) {
        orderListeners.add(listener);
    }

    /**
     * The search text of every task held, index for index with {@link #tasks()}, folded now for those that have none
     * yet: read-only, valid until the next change, and safe to read from several threads until then (a parallel
     * filter pass).
     */
    public List<String> searchTexts() {
        if (!textsFolded) {
            searchTexts.clear();
            for (Task task : sorted) {
                searchTexts.add(TaskFilter.searchTextOf(task));
            }
            textsFolded = true;
        }
        return readSearchTexts;
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

    /** Whether the store holds the task with this id (it was not deleted meanwhile). */
    public boolean holds(long id) {
        return byId.containsKey(id);
    }

    /** The task with this id as held now, if the store holds it. */
    public Optional<Task> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Loads all the person's tasks in the background; they replace the ones held when they arrive. */
    public void load() {
        load(Optional::empty);
    }

    /**
     * The same, but takes the tasks from {@code readAlready} (called in the background) when it has them: the first
     * screen's tasks, read while the database opened at start-up (ADR 0034).
     */
    public void load(Supplier<Optional<List<Task>>> readAlready) {
        loading.set(true);
        boolean first = !loadedOnce;
        loadedOnce = true;
        background.run(() -> {
            Optional<List<Task>> already = readAlready.get();
            if (already.isPresent()) {
                return already.get();
            }
            long began = System.nanoTime();
            List<Task> tasks = service.list(user, TaskQuery.of("")).tasks();
            if (first) { // where a start's time goes, in every log (ADR 0027)
                LOG.info("Read {} tasks in {} ms", tasks.size(), (System.nanoTime() - began) / 1_000_000);
            }
            return tasks;
        }, tasks -> {
            loading.set(false);
            showTasks(tasks);
        }, failure -> {
            loading.set(false);
            status.failed(failure);
            dialogs.showError(Messages.text("list.load.failed"), failure);
        });
    }

    /**
     * Looks in the background whether the database holds other tasks than the ones here, because another program
     * (the command line, say) changed them, and if so loads them again. Cheap enough to call every few seconds: it
     * reads a stamp of the tasks ({@link TaskListStamp}), not the tasks.
     */
    public void reloadIfChangedElsewhere() {
        if (looking || loading.get()) {
            return;
        }
        looking = true;
        background.run(() -> service.stamp(user), stamp -> {
            looking = false;
            if (!loading.get() && !stamp.equals(TaskListStamp.of(sorted))) {
                load();
            }
        }, failure -> {
            looking = false;
            // Nothing the person asked for failed; the next look tries again, and a real problem shows there.
            LOG.debug("Could not look for changes made elsewhere", failure);
        });
    }

    /** Replaces every task held in memory (what {@link #load()} does with the result). */
    public void showTasks(List<Task> tasks) {
        byId.clear();
        sorted.clear();
        searchTexts.clear(); // new versions of every task: folded at the next search with words
        textsFolded = false;
        for (Task task : tasks) {
            byId.put(task.id(), task);
        }
        sorted.addAll(byId.values());
        sorted.sort(sort.get().order());
        changeListeners.forEach(Runnable::run);
    }

    /**
     * Puts what a command changed in place, reports it saved (and where repeating tasks moved on to), then tells the
     * listeners once: the undo manager's way of handing back each step's changes.
     */
    public void apply(TaskChanges changes) {
        Comparator<Task> order = sort.get().order();
        for (long id : changes.removed()) {
            Task old = byId.remove(id);
            if (old != null) {
                removeSorted(old, order);
            }
        }
        List<Task> movedOn = new ArrayList<>();
        for (Task task : changes.saved()) {
            Task old = byId.put(task.id(), task);
            if (old != null) {
                removeSorted(old, order);
                if (task.isRecurring() && !task.completed() && old.due() != null && task.due() != null
                        && task.due().date().isAfter(old.due().date())) {
                    movedOn.add(task);
                }
            }
            int at = Collections.binarySearch(sorted, task, order);
            int place = at < 0 ? -at - 1 : at;
            sorted.add(place, task);
            if (textsFolded) {
                searchTexts.add(place, TaskFilter.searchTextOf(task));
            }
        }
        status.saved(movedOn);
        changeListeners.forEach(Runnable::run); // the selection follows its tasks to their new versions
    }

    /**
     * The clock moved on (the window calls this every minute): what is due today and what is overdue depend on the
     * time, so the listeners decide again although no task changed. A task due at 09:00 is overdue from 09:01.
     */
    public void timePassed() {
        changeListeners.forEach(Runnable::run);
    }

    /** A command failed: says so, and loads again, because part of a bulk change may have happened. */
    public void changeFailed(Throwable failure) {
        status.failed(failure);
        dialogs.showError(Messages.text("list.change.failed"), failure);
        load(); // show what the database holds
    }

    private void removeSorted(Task old, Comparator<Task> order) {
        int at = Collections.binarySearch(sorted, old, order);
        if (at < 0) { // cannot happen while the order is total; stay safe
            at = 0;
            while (at < sorted.size() && sorted.get(at).id() != old.id()) {
                at++;
            }
            if (at == sorted.size()) {
                return;
            }
        }
        sorted.remove(at);
        if (textsFolded) {
            searchTexts.remove(at);
        }
    }

    /** Sorts the tasks in {@code order}, their folded texts with them. */
    private void sortBy(Comparator<Task> order) {
        if (!textsFolded) {
            sorted.sort(order);
            return;
        }
        Integer[] places = new Integer[sorted.size()];
        for (int i = 0; i < places.length; i++) {
            places[i] = i;
        }
        Arrays.sort(places, (a, b) -> order.compare(sorted.get(a), sorted.get(b)));
        List<Task> tasks = new ArrayList<>(places.length);
        List<String> texts = new ArrayList<>(places.length);
        for (int place : places) {
            tasks.add(sorted.get(place));
            texts.add(searchTexts.get(place));
        }
        sorted.clear();
        sorted.addAll(tasks);
        searchTexts.clear();
        searchTexts.addAll(texts);
    }
}
