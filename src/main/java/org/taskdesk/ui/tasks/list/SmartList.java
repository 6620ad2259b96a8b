package org.taskdesk.ui.tasks.list;

/** The fixed lists at the top of the sidebar, each said in the filter language; Ctrl+1 to Ctrl+5 pick them. */
public enum SmartList {
    INBOX("Inbox", "is:open"),
    TODAY("Today", "is:open due:today"),
    UPCOMING("Upcoming", "is:open due:7d"),
    OVERDUE("Overdue", "due:overdue"),
    COMPLETED("Completed", "is:done");

    private final String label;
    private final String filter;

    SmartList(String label, String filter) {
        this.label = label;
        this.filter = filter;
    }

    public String label() {
        return label;
    }

    public String filter() {
        return filter;
    }
}
