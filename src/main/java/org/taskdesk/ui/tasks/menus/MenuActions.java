package org.taskdesk.ui.tasks.menus;

/**
 * What the main window does for menu items that depend on where the keyboard is (in a text field, Undo undoes the
 * typing) or that move the focus: the window implements it, the menus only call it.
 */
public interface MenuActions {
    void undo();

    void redo();

    void delete();

    void selectAll();

    /** Into the quick-add bar. */
    void newTask();

    /** Into the search box. */
    void find();

    /** Into the task list. */
    void showList();

    /** Renames the selected task in its row of the list. */
    void rename();

    void addTag();

    void removeTag();

    void showShortcuts();

    void signOut();

    void quit();
}
