package org.taskdesk.ui.tasks.menus;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;
import org.taskdesk.ui.tasks.list.SelectionActions;
import org.taskdesk.ui.tasks.list.SortNames;
import org.taskdesk.ui.tasks.sidebar.SidebarViewModel;
import org.taskdesk.ui.tasks.sidebar.SmartList;
import org.taskdesk.ui.tasks.store.TaskStore;
import org.taskdesk.ui.tasks.undo.UndoManager;

/** The main window's menu bar: every action with its shortcut, so the keyboard reaches everything. */
public final class MainMenus {
    /** The menus by their names in code ("File", "View"), which other screens use to add items; never shown. */
    private final Map<String, Menu> menus = new LinkedHashMap<>();
    private final MenuBar menuBar = new MenuBar();
    private final MenuItem quit;

    /**
     * @param typing true while the keyboard is in a text field, where Undo and Redo act on the text and so stay on
     */
    public MainMenus(MenuActions window, SelectionActions actions, UndoManager undo, TaskStore store,
                     SidebarViewModel sidebar, ObservableBooleanValue typing) {
        Menu file = menu("File", Messages.text("menu.file")); // not shown: the name in code
        quit = item(Messages.text("menu.quit"), "Ctrl+Q", window::quit);
        file.getItems().addAll(item(Messages.text("menu.sign.out"), "Ctrl+Shift+Q", window::signOut),
                new SeparatorMenuItem(), quit);

        Menu edit = menu("Edit", Messages.text("menu.edit")); // not shown: the name in code
        MenuItem undoItem = item(Messages.text("menu.undo"), "Shortcut+Z", window::undo);
        undoItem.textProperty().bind(undo.undoDescriptionProperty());
        undoItem.setId("menu-undo");
        MenuItem redoItem = item(Messages.text("menu.redo"), "Shortcut+Shift+Z", window::redo);
        redoItem.textProperty().bind(undo.redoDescriptionProperty());
        redoItem.setId("menu-redo");
        // In a text field these keys edit the text; the menu items then act on the field, so they stay enabled.
        undoItem.disableProperty().bind(undo.canUndoProperty().not().and(Bindings.not(typing)));
        redoItem.disableProperty().bind(undo.canRedoProperty().not().and(Bindings.not(typing)));
        edit.getItems().addAll(undoItem, redoItem, new SeparatorMenuItem(),
                item(Messages.text("menu.delete"), "Delete", window::delete), // not shown: the Delete key
                item(Messages.text("menu.select.all"), "Shortcut+A", window::selectAll));

        Menu task = menu("Task", Messages.text("menu.task")); // not shown: the name in code
        Menu priority = new Menu(Messages.text("menu.set.priority"));
        priority.getItems().addAll(
                item(PriorityNames.name(Priority.HIGH), "Alt+1", () -> actions.setPriority(Priority.HIGH)),
                item(PriorityNames.name(Priority.MEDIUM), "Alt+2", () -> actions.setPriority(Priority.MEDIUM)),
                item(PriorityNames.name(Priority.LOW), "Alt+3", () -> actions.setPriority(Priority.LOW)),
                item(PriorityNames.name(Priority.NONE), "Alt+0", () -> actions.setPriority(Priority.NONE)));
        task.getItems().addAll(
                item(Messages.text("menu.new"), "Shortcut+N", window::newTask),
                item(Messages.text("menu.complete"), "Shortcut+Enter", actions::completeSelection),
                item(Messages.text("menu.rename"), "F2", window::rename),
                new SeparatorMenuItem(), priority,
                item(Messages.text("menu.add.tag"), "Shortcut+T", window::addTag),
                item(Messages.text("menu.remove.tag"), "Shortcut+Shift+T", window::removeTag));

        Menu view = menu("View", Messages.text("menu.view")); // not shown: the name in code
        view.getItems().addAll(sortMenu(store), new SeparatorMenuItem());
        int digit = 1;
        for (SmartList smart : SmartList.values()) {
            view.getItems().add(item(smart.label(), "Shortcut+" + digit++, () -> {
                sidebar.select(smart);
                window.showList();
            }));
        }
        view.getItems().addAll(new SeparatorMenuItem(), item(Messages.text("menu.find"), "Shortcut+F", window::find));

        Menu help = menu("Help", Messages.text("menu.help")); // not shown: the name in code
        help.getItems().add(item(Messages.text("menu.shortcuts"), "F1", window::showShortcuts));
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    /**
     * Adds {@code item} to the menu named {@code menuName} in code ("View"); a new menu with that name is made
     * before Help if there is none. Quit stays the File menu's last item, below its separator.
     */
    public void addItem(String menuName, MenuItem item) {
        Menu menu = menus.get(menuName);
        if (menu == null) {
            menu = new Menu(menuName);
            menus.put(menuName, menu);
            menuBar.getMenus().add(Math.max(0, menuBar.getMenus().size() - 1), menu);
        }
        int quitAt = menu.getItems().indexOf(quit);
        if (quitAt > 0) {
            menu.getItems().add(quitAt - 1, item);
        } else {
            menu.getItems().add(item);
        }
    }

    private static Menu sortMenu(TaskStore store) {
        Menu sortMenu = new Menu(Messages.text("menu.sort"));
        ToggleGroup sorts = new ToggleGroup();
        int digit = 1;
        for (TaskSort s : TaskSort.values()) {
            RadioMenuItem item = new RadioMenuItem(SortNames.inMenu(s));
            item.setToggleGroup(sorts);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+" + digit++));
            item.setSelected(store.sortProperty().get() == s);
            item.setOnAction(e -> store.sortProperty().set(s));
            store.sortProperty().addListener((obs, old, now) -> item.setSelected(now == s));
            sortMenu.getItems().add(item);
        }
        return sortMenu;
    }

    private Menu menu(String name, String shownName) {
        Menu menu = new Menu(shownName);
        menus.put(name, menu);
        menuBar.getMenus().add(menu);
        return menu;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }
}
