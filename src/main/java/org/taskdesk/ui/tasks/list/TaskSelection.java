package org.taskdesk.ui.tasks.list;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.Task;

/** The tasks selected in the list, in the order it shows them, and the one the detail pane shows. */
public final class TaskSelection {
    private final ObservableList<Task> selection = FXCollections.observableArrayList();
    private final ObservableList<Task> readSelection = FXCollections.unmodifiableObservableList(selection);
    private final Set<Long> selectedIds = new LinkedHashSet<>();
    private final ReadOnlyObjectWrapper<Task> current = new ReadOnlyObjectWrapper<>(this, "current");

    /** The selected tasks, in the order the list shows them. */
    public ObservableList<Task> tasks() {
        return readSelection;
    }

    /** The task the detail pane shows: the only selected one, else null. */
    public ReadOnlyObjectProperty<Task> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public boolean isEmpty() {
        return selectedIds.isEmpty();
    }

    public int size() {
        return selectedIds.size();
    }

    /** Whether the task with this id is selected (in any version of it). */
    public boolean contains(long id) {
        return selectedIds.contains(id);
    }

    /** Selects {@code tasks} (nulls and repeats left out); the lists only change when the selection does. */
    void set(List<Task> tasks) {
        selectedIds.clear();
        List<Task> clean = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (task != null && selectedIds.add(task.id())) {
                clean.add(task);
            }
        }
        if (!TaskListViewModel.sameElements(clean, selection)) {
            selection.setAll(clean);
        }
        Task only = clean.size() == 1 ? clean.get(0) : null;
        if (only != current.get()) {
            current.set(only);
        }
    }
}
