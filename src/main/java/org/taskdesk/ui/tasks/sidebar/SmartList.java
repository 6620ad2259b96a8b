package org.taskdesk.ui.tasks.sidebar;

import org.taskdesk.ui.common.Messages;

/** The fixed lists at the top of the sidebar, each said in the filter language; Ctrl+1 to Ctrl+5 pick them. */
public enum SmartList {
    INBOX("is:open"),
    // Overdue tasks belong to today, as in Todoist and Things: they are still to be done today.
    TODAY("is:open (due:today | due:overdue)"), // not shown: the filter language
    UPCOMING("is:open due:7d"), // not shown: the filter language
    OVERDUE("due:overdue"),
    COMPLETED("is:done");

    private final String filter;

    SmartList(String filter) {
        this.filter = filter;
    }

    /** "Inbox", "Today"…: the list's name as the sidebar and the View menu show it. */
    public String label() {
        return switch (this) {
            case INBOX -> Messages.text("sidebar.inbox");
            case TODAY -> Messages.text("sidebar.today");
            case UPCOMING -> Messages.text("sidebar.upcoming");
            case OVERDUE -> Messages.text("sidebar.overdue");
            case COMPLETED -> Messages.text("sidebar.completed");
        };
    }

    public String filter() {
        return filter;
    }
}
