package org.taskdesk.ui.tasks.sidebar;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.taskdesk.domain.tasks.TaskFilter;

/**
 * One entry of the sidebar: a smart list ("Today") or a tag, the filter behind it, and how many tasks it holds
 * right now (kept up to date as tasks change).
 */
public final class SidebarEntry {
    /** Smart lists come first, then tags. */
    public enum Kind { SMART, TAG }

    private final Kind kind;
    private final String label;
    private final TaskFilter filter;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");

    SidebarEntry(Kind kind, String label, String filterText) {
        this.kind = kind;
        this.label = label;
        this.filter = TaskFilter.parse(filterText);
    }

    public Kind kind() {
        return kind;
    }

    /** "Today", or the tag with its #. */
    public String label() {
        return label;
    }

    public TaskFilter filter() {
        return filter;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }

    void setCount(int value) {
        count.set(value);
    }

    @Override
    public String toString() {
        return label + " (" + count.get() + ")";
    }
}
