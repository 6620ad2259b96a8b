package org.taskdesk.ui.tasks;

import java.util.List;

/** Every keyboard shortcut of the main window, in one place: the help overlay lists them from here. */
final class Shortcuts {
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> ALL = List.of(
            new Shortcut("Ctrl+N", "New task (focus the quick-add bar)"),
            new Shortcut("Enter (in quick add)", "Add the task"),
            new Shortcut("Ctrl+F", "Find: focus the search box"),
            new Shortcut("Esc (in search)", "Back to the list"),
            new Shortcut("Enter (in list)", "Edit the selected task in the detail pane"),
            new Shortcut("Ctrl+S (in detail pane)", "Save the task"),
            new Shortcut("Esc (in detail pane)", "Back to the list"),
            new Shortcut("Space (in list), Ctrl+Enter", "Complete the selected tasks"),
            new Shortcut("Delete", "Delete the selected tasks"),
            new Shortcut("Ctrl+A", "Select all tasks in the list"),
            new Shortcut("Alt+1 / 2 / 3 / 0", "Set priority high / medium / low / none"),
            new Shortcut("Ctrl+T", "Add a tag to the selected tasks"),
            new Shortcut("Ctrl+Shift+T", "Remove a tag from the selected tasks"),
            new Shortcut("Ctrl+Z", "Undo"),
            new Shortcut("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
            new Shortcut("Ctrl+1 … Ctrl+5", "Inbox, Today, Upcoming, Overdue, Completed"),
            new Shortcut("Ctrl+Shift+1 … 4", "Sort by due date, priority, creation, title"),
            new Shortcut("F1 or ?", "This list of shortcuts"),
            new Shortcut("Ctrl+Shift+Q", "Sign out"),
            new Shortcut("Ctrl+Q", "Quit"));

    private Shortcuts() {
    }
}
