package org.taskdesk.ui.tasks;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.tasks.detail.TaskDetailView;
import org.taskdesk.ui.tasks.detail.TaskDetailViewModel;
import org.taskdesk.ui.tasks.list.SidebarEntry;
import org.taskdesk.ui.tasks.list.SmartList;
import org.taskdesk.ui.tasks.list.TaskCell;
import org.taskdesk.ui.tasks.list.TaskListViewModel;
import org.taskdesk.ui.tasks.quickadd.QuickAddChip;
import org.taskdesk.ui.tasks.quickadd.QuickAddViewModel;
import org.taskdesk.ui.tasks.undo.TaskCommands;

/**
 * The main window once someone is signed in: menu bar, quick-add bar, sidebar of smart lists and tags, the task
 * list with search and sort, the detail pane, and the status bar. A thin view: the state and every action live in
 * {@link TaskListViewModel}, {@link QuickAddViewModel} and {@link TaskDetailViewModel}.
 */
public final class MainWindowView {
    private static final Map<TaskSort, String> SORT_NAMES = Map.of(TaskSort.DUE, "Due date",
            TaskSort.PRIORITY, "Priority", TaskSort.CREATED, "Creation", TaskSort.TITLE, "Title");

    private final MainContext context;
    private final TaskListViewModel list;
    private final QuickAddViewModel quickAdd;
    private final TaskDetailViewModel detail;
    private final TaskDetailView detailView;
    private final OverlayLayer overlay = new OverlayLayer();
    private final Map<String, Menu> menus = new LinkedHashMap<>();
    private final MenuBar menuBar = new MenuBar();
    private final TextField quickAddField = new TextField();
    private final TextField search = new TextField();
    private final ListView<SidebarEntry> sidebar = new ListView<>();
    private final ListView<Task> taskList = new ListView<>();
    private final StackPane root;
    /** True while the keyboard is in a text field, where Ctrl+Z and friends edit the text. */
    private final BooleanProperty typing = new SimpleBooleanProperty();
    private final ChangeListener<Node> focusListener =
            (o, was, now) -> typing.set(now instanceof TextInputControl);

    public MainWindowView(MainContext context) {
        this.context = context;
        this.list = new TaskListViewModel(context.workspace().tasks(), context.user(), context.background(),
                context.dialogs(), context.clock());
        this.quickAdd = new QuickAddViewModel(list);
        this.detail = new TaskDetailViewModel(list.commands(), list.undoManager(), list.clock(), list.currentProperty(),
                list::holds, list::allTags, list::tell);
        this.detailView = new TaskDetailView(detail);

        BorderPane window = new BorderPane();
        window.setTop(new VBox(menuBar, quickAddBar()));
        SplitPane split = new SplitPane(sidebar(), listPane(), detailView.root());
        split.setDividerPositions(0.19, 0.68);
        SplitPane.setResizableWithParent(sidebar.getParent(), false);
        window.setCenter(split);
        window.setBottom(statusBar());
        buildMenus();

        root = new StackPane(window, overlay.toastsNode(), overlay.shortcutsNode());
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindowView.class.getResource("main-window.css").toExternalForm());
        root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing()) {
                overlay.showShortcuts();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN).match(e)) {
                redo();
                e.consume();
            }
        });
        // The Scene outlives this window (sign-out swaps the root), so the listener moves with the root and is
        // removed from a scene the root leaves; otherwise the scene would keep every signed-out window alive.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusListener);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusListener);
            }
            typing.set(scene != null && scene.getFocusOwner() instanceof TextInputControl);
        });
        list.messageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                overlay.toast(now);
            }
        });
        list.load();
    }

    /** The whole window content, menu bar included. */
    public Parent root() {
        return root;
    }

    /** Adds {@code item} to the menu named {@code menuName} ("View"); a new menu is made before Help if needed. */
    public void addMenuItem(String menuName, MenuItem item) {
        Menu menu = menus.get(menuName);
        if (menu == null) {
            menu = new Menu(menuName);
            menus.put(menuName, menu);
            menuBar.getMenus().add(Math.max(0, menuBar.getMenus().size() - 1), menu);
        }
        menu.getItems().add(item);
    }

    /** Shows a short note over the window that goes away by itself; never takes the focus. */
    public void notify(String message) {
        overlay.toast(message);
    }

    /**
     * Calls {@code shown} once, with the number of tasks in the list, when the first load is on screen (after the
     * layout that shows it): the start-up benchmark's "task list shown".
     */
    public void whenTasksShown(IntConsumer shown) {
        list.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (!loading && root.getScene() != null) {
                    list.loadingProperty().removeListener(this);
                    Scene scene = root.getScene();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        shown.accept(list.visibleTasks().size());
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                    Platform.requestNextPulse();
                }
            }
        });
    }

    /**
     * The window closes or the person signs out: saves the detail pane's edits first (they queue on the one
     * background thread before the database is closed or the session ended).
     */
    public void close() {
        detailView.leave(); // the view first: it commits dates typed but not yet committed
    }

    /** Reloads every task from the database, e.g. after another window changed them. */
    public void refresh() {
        list.load();
    }

    // ---- parts ---------------------------------------------------------------------------------------

    private Node quickAddBar() {
        quickAddField.setId("quick-add");
        quickAddField.setPromptText("Add a task: \"Pay rent tomorrow 9am #home !high every month\"  (Ctrl+N)");
        quickAddField.setAccessibleText("Quick add: type a task with its date, time, priority, tags and repeat");
        quickAddField.textProperty().bindBidirectional(quickAdd.textProperty());
        quickAddField.setOnAction(e -> quickAdd.submit());
        quickAddField.getStyleClass().add(Styles.LARGE);
        quickAddField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                quickAdd.textProperty().set("");
                taskList.requestFocus();
            }
        });
        HBox.setHgrow(quickAddField, Priority.ALWAYS);

        FlowPane chips = new FlowPane(6, 4);
        chips.setId("quick-add-chips");
        chips.setAccessibleText("What quick add understood");
        quickAdd.chips().addListener((ListChangeListener<QuickAddChip>) c -> {
            chips.getChildren().clear();
            if (!quickAdd.chips().isEmpty()) {
                Label title = new Label("“" + quickAdd.titleProperty().get() + "”");
                title.getStyleClass().addAll("chip-title", Styles.TEXT_MUTED);
                chips.getChildren().add(title);
            }
            for (QuickAddChip chip : quickAdd.chips()) {
                Label label = new Label(chip.text());
                label.getStyleClass().addAll("chip", "chip-" + chip.kind().name().toLowerCase(Locale.ROOT));
                label.setAccessibleText(chip.kind().name().toLowerCase(Locale.ROOT) + ": " + chip.text());
                chips.getChildren().add(label);
            }
        });
        chips.managedProperty().bind(Bindings.isNotEmpty(chips.getChildren()));
        chips.visibleProperty().bind(chips.managedProperty());
        VBox bar = new VBox(6, quickAddField, chips);
        bar.getStyleClass().add("quick-add-bar");
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private Node sidebar() {
        sidebar.setId("sidebar");
        sidebar.setAccessibleText("Lists and tags");
        sidebar.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        ObservableList<SidebarEntry> entries = FXCollections.observableArrayList(list.smartEntries());
        entries.addAll(list.tagEntries());
        list.tagEntries().addListener((ListChangeListener<SidebarEntry>) c -> {
            SidebarEntry chosen = list.selectedListProperty().get();
            entries.setAll(list.smartEntries());
            entries.addAll(list.tagEntries());
            sidebar.getSelectionModel().select(chosen);
        });
        sidebar.setItems(entries);
        sidebar.setCellFactory(v -> new SidebarCell());
        sidebar.getSelectionModel().select(list.selectedListProperty().get());
        sidebar.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                list.selectedListProperty().set(now);
            }
        });
        list.selectedListProperty().addListener((obs, old, now) -> sidebar.getSelectionModel().select(now));
        Label heading = new Label("LISTS");
        heading.getStyleClass().addAll("sidebar-heading", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(4, heading, sidebar);
        VBox.setVgrow(sidebar, Priority.ALWAYS);
        box.getStyleClass().add("sidebar");
        box.setMinWidth(170);
        return box;
    }

    private Node listPane() {
        search.setId("search");
        search.setPromptText("Search or filter: #work due:today !is:done  (Ctrl+F)");
        search.setAccessibleText("Search tasks; accepts words and the filter language");
        search.textProperty().bindBidirectional(list.searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusList();
                e.consume();
            }
        });
        list.searchErrorProperty().addListener((obs, old, now) ->
                search.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Label searchError = new Label();
        searchError.setId("search-error");
        searchError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        searchError.textProperty().bind(list.searchErrorProperty());
        searchError.managedProperty().bind(list.searchErrorProperty().isNotEmpty());
        searchError.visibleProperty().bind(searchError.managedProperty());
        searchError.setWrapText(true);

        ComboBox<TaskSort> sort = new ComboBox<>(FXCollections.observableArrayList(TaskSort.values()));
        sort.setId("sort");
        sort.setAccessibleText("Sort by");
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskSort s) {
                return s == null ? "" : "Sort: " + SORT_NAMES.get(s);
            }

            @Override
            public TaskSort fromString(String s) {
                return null;
            }
        });
        sort.valueProperty().bindBidirectional(list.sortProperty());
        HBox tools = new HBox(8, search, sort);
        tools.setAlignment(Pos.CENTER_LEFT);

        taskList.setId("task-list");
        taskList.setAccessibleText("Tasks");
        taskList.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        taskList.setFixedCellSize(40);
        taskList.setItems(list.visibleTasks());
        taskList.setCellFactory(v -> new TaskCell(context.clock(), task -> list.toggleDone(List.of(task))));
        taskList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        taskList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Task>) c -> {
            if (!list.isPublishing()) {
                list.setSelection(List.copyOf(taskList.getSelectionModel().getSelectedItems()));
            }
        });
        // Registered after setItems, so it runs once the list view has taken the new items in.
        list.visibleTasks().addListener((ListChangeListener<Task>) c -> restoreSelection());
        taskList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()) {
                list.completeSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && list.currentProperty().get() != null) {
                detailView.focus();
                e.consume();
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(list.loadingProperty()).then("Loading your tasks…")
                .otherwise("Nothing here. Add a task above, or pick another list."));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        taskList.setPlaceholder(placeholder);
        VBox.setVgrow(taskList, Priority.ALWAYS);

        detailView.root().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                focusList();
                e.consume();
            }
        });

        VBox pane = new VBox(6, tools, searchError, taskList);
        pane.setPadding(new Insets(8, 0, 0, 0));
        VBox.setMargin(tools, new Insets(0, 8, 0, 8));
        VBox.setMargin(searchError, new Insets(0, 8, 0, 8));
        pane.setMinWidth(380);
        return pane;
    }

    private void restoreSelection() {
        MultipleSelectionModel<Task> selection = taskList.getSelectionModel();
        int[] indices = list.selectedIndices();
        selection.clearSelection();
        if (indices.length > 0) {
            selection.selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
            taskList.getFocusModel().focus(indices[indices.length - 1]);
        }
    }

    private Node statusBar() {
        Label database = new Label("Database: " + context.workspace().databaseName());
        database.setId("status-database");
        Label user = new Label("Signed in as " + context.user().account().name() + " <"
                + context.user().account().email() + ">");
        user.setId("status-user");
        Label saved = new Label();
        saved.setId("status-saved");
        saved.textProperty().bind(list.savedTextProperty());
        Label count = new Label();
        count.setId("status-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> list.visibleTasks().size() + " shown",
                list.visibleTasks()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setAccessibleText("Working");
        busy.visibleProperty().bind(list.busyProperty());
        Label error = new Label();
        error.setId("status-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(list.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, database, separator(), user, separator(), count, spacer, error, busy, saved);
        for (Node n : bar.getChildren()) {
            if (n instanceof Label label) {
                label.setAccessibleText(label.getText());
                label.textProperty().addListener((o, was, now) -> label.setAccessibleText(now));
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        database.setMinWidth(0);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }

    private static Node separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.setPrefHeight(14);
        return separator;
    }

    // ---- menus ---------------------------------------------------------------------------------------

    private void buildMenus() {
        Menu file = menu("File");
        file.getItems().addAll(
                item("Sign out", "Ctrl+Shift+Q", () -> {
                    close();
                    context.signOut().run();
                }),
                new SeparatorMenuItem(),
                item("Quit", "Ctrl+Q", () -> root.getScene().getWindow().hide()));

        Menu edit = menu("Edit");
        MenuItem undo = item("Undo", "Shortcut+Z", this::undo);
        undo.textProperty().bind(list.undoManager().undoDescriptionProperty());
        undo.setId("menu-undo");
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", this::redo);
        redo.textProperty().bind(list.undoManager().redoDescriptionProperty());
        redo.setId("menu-redo");
        // In a text field these keys edit the text; the menu items then act on the field, so they stay enabled.
        undo.disableProperty().bind(list.undoManager().canUndoProperty().not().and(typing.not()));
        redo.disableProperty().bind(list.undoManager().canRedoProperty().not().and(typing.not()));
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Delete", "Delete", this::delete),
                item("Select all", "Shortcut+A", this::selectAll));

        Menu task = menu("Task");
        Menu priority = new Menu("Set priority");
        priority.getItems().addAll(
                item("High", "Alt+1", () -> list.setPriority(org.taskdesk.domain.tasks.Priority.HIGH)),
                item("Medium", "Alt+2", () -> list.setPriority(org.taskdesk.domain.tasks.Priority.MEDIUM)),
                item("Low", "Alt+3", () -> list.setPriority(org.taskdesk.domain.tasks.Priority.LOW)),
                item("None", "Alt+0", () -> list.setPriority(org.taskdesk.domain.tasks.Priority.NONE)));
        task.getItems().addAll(
                item("New", "Shortcut+N", this::focusQuickAdd),
                item("Complete", "Shortcut+Enter", list::completeSelection),
                new SeparatorMenuItem(), priority,
                item("Add tag…", "Shortcut+T", this::askTagToAdd),
                item("Remove tag…", "Shortcut+Shift+T", this::askTagToRemove));

        Menu view = menu("View");
        Menu sortMenu = new Menu("Sort");
        ToggleGroup sorts = new ToggleGroup();
        int digit = 1;
        for (TaskSort s : TaskSort.values()) {
            RadioMenuItem item = new RadioMenuItem("By " + SORT_NAMES.get(s).toLowerCase(Locale.ROOT));
            item.setToggleGroup(sorts);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+" + digit++));
            item.setSelected(list.sortProperty().get() == s);
            item.setOnAction(e -> list.sortProperty().set(s));
            list.sortProperty().addListener((obs, old, now) -> item.setSelected(now == s));
            sortMenu.getItems().add(item);
        }
        view.getItems().addAll(sortMenu, new SeparatorMenuItem());
        digit = 1;
        for (SmartList smart : SmartList.values()) {
            view.getItems().add(item(smart.label(), "Shortcut+" + digit++, () -> {
                list.select(smart);
                focusList();
            }));
        }
        view.getItems().addAll(new SeparatorMenuItem(), item("Find", "Shortcut+F", this::focusSearch));

        Menu help = menu("Help");
        help.getItems().add(item("Keyboard shortcuts", "F1", overlay::showShortcuts));
    }

    private Menu menu(String name) {
        Menu menu = new Menu(name);
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

    private boolean typing() {
        return typing.get();
    }

    private Optional<TextInputControl> textFocus() {
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    // ---- actions -------------------------------------------------------------------------------------

    private void undo() {
        textFocus().ifPresentOrElse(TextInputControl::undo, list::undo);
    }

    private void redo() {
        textFocus().ifPresentOrElse(TextInputControl::redo, list::redo);
    }

    private void delete() {
        textFocus().ifPresentOrElse(TextInputControl::deleteNextChar, list::deleteSelection);
    }

    private void selectAll() {
        textFocus().ifPresentOrElse(TextInputControl::selectAll, () -> {
            taskList.getSelectionModel().selectAll();
            taskList.requestFocus();
        });
    }

    private void focusQuickAdd() {
        quickAddField.requestFocus();
        quickAddField.selectAll();
    }

    private void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void focusList() {
        taskList.requestFocus();
        if (taskList.getSelectionModel().isEmpty() && !taskList.getItems().isEmpty()) {
            taskList.getSelectionModel().select(0);
        }
    }

    private void askTagToAdd() {
        if (list.selection().isEmpty()) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("TaskDesk");
        dialog.setHeaderText("Add a tag to " + TaskCommands.count(list.selection().size()));
        dialog.getEditor().setAccessibleText("Tag name");
        dialog.getEditor().setPromptText("e.g. work");
        dialog.showAndWait().filter(s -> !s.isBlank()).ifPresent(list::addTag);
    }

    private void askTagToRemove() {
        List<String> tags = list.selectionTags();
        if (tags.isEmpty()) {
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(tags.get(0), tags);
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("TaskDesk");
        dialog.setHeaderText("Remove a tag from " + TaskCommands.count(list.selection().size()));
        dialog.showAndWait().ifPresent(list::removeTag);
    }

    /** The sidebar row: the list's name and its live count. */
    private static final class SidebarCell extends ListCell<SidebarEntry> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox row;

        SidebarCell() {
            count.getStyleClass().add("count-badge");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(6, name, spacer, count);
            row.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(SidebarEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            count.textProperty().unbind();
            accessibleTextProperty().unbind();
            if (empty || entry == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(entry.label());
            count.textProperty().bind(entry.countProperty().asString());
            getStyleClass().removeAll("smart-entry", "tag-entry");
            getStyleClass().add(entry.kind() == SidebarEntry.Kind.SMART ? "smart-entry" : "tag-entry");
            setGraphic(row);
            // Bound, like the count: a screen reader must hear the count now, not the one when the cell was filled.
            accessibleTextProperty().bind(Bindings.concat(entry.label(), ", ",
                    entry.countProperty(), " tasks"));
        }
    }
}
