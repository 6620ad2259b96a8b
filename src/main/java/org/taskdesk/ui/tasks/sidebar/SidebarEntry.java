package org.taskdesk.ui.tasks.sidebar;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.SavedSearch;

/**
 * One entry of the sidebar: a smart list ("Today"), a saved search or a tag, the filter behind it, and how many
 * tasks it holds right now (kept up to date as tasks change).
 */
public final class SidebarEntry {
    /** Smart lists come first, then saved searches, then tags. */
    public enum Kind { SMART, SAVED, TAG }

    private final Kind kind;
    private final String label;
    private final TaskFilter filter;
    private final SavedSearch saved;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");

    SidebarEntry(Kind kind, String label, String filterText) {
        this(kind, label, TaskFilter.parse(filterText), null);
    }

    private SidebarEntry(Kind kind, String label, TaskFilter filter, SavedSearch saved) {
        this.kind = kind;
        this.label = label;
        this.filter = filter;
        this.saved = saved;
    }

    /** The entry of a saved search; its filter was read when it was saved, and reads the same now. */
    static SidebarEntry of(SavedSearch search) {
        return new SidebarEntry(Kind.SAVED, search.name(), TaskFilter.parse(search.filter()), search);
    }

    /** The saved search behind a {@link Kind#SAVED} entry, else null. */
    public SavedSearch savedSearch() {
        return saved;
    }

    public Kind kind() {
        return kind;
    }

    /** "Today", a saved search's name, or the tag with its #. */
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
