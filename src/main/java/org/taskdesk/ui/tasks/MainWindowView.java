package org.taskdesk.ui.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.sync.AppSync;
import org.taskdesk.ui.sync.ExecutorTimer;
import org.taskdesk.ui.sync.SyncInTheWindow;
import org.taskdesk.ui.tasks.detail.TaskDetailView;
import org.taskdesk.ui.tasks.list.ManySelectedView;
import org.taskdesk.ui.tasks.list.ManySelectedViewModel;
import org.taskdesk.ui.tasks.list.TagDialogs;
import org.taskdesk.ui.tasks.list.TaskListView;
import org.taskdesk.ui.tasks.menus.MainMenus;
import org.taskdesk.ui.tasks.menus.MenuActions;
import org.taskdesk.ui.tasks.menus.ShortcutsOverlay;
import org.taskdesk.ui.tasks.quickadd.QuickAddView;
import org.taskdesk.ui.tasks.sidebar.SavedSearchDialogs;
import org.taskdesk.ui.tasks.sidebar.SidebarView;
import org.taskdesk.ui.tasks.status.StatusBarView;
import org.taskdesk.ui.tasks.status.Toasts;
import org.taskdesk.ui.tasks.store.TaskStore;

/**
 * The main window once someone is signed in, put together from its parts: menu bar, quick-add bar, sidebar, task
 * list, detail pane, status bar, and the toasts and shortcuts card over them. Its view models come from
 * {@link MainWindowModels}; this class only places the views and moves the keyboard between them.
 */
public final class MainWindowView {
    private static final double FOLD_DETAIL_BELOW = 760;

    private final MainContext context;
    private final MainWindowModels models;
    private final QuickAddView quickAdd;
    private final TaskListView list;
    private final TaskDetailView detailView;
    private final TagDialogs tagDialogs;
    private final MainMenus menus;
    private final Toasts toasts = new Toasts();
    /** Every two seconds, a look whether another program changed the tasks (a stamp is read, not the tasks). */
    private final Timeline changedElsewhere;
    private final ShortcutsOverlay shortcuts = new ShortcutsOverlay();
    private final MenuActions windowActions = new WindowActions();
    private final StackPane root;
    private final SplitPane split;
    private final StatusBarView statusBar;
    /** The dividers with the detail pane shown, kept while it is folded away. */
    private List<Double> dividers = List.of(0.19, 0.68);
    /** True while the keyboard is in a text field, where Ctrl+Z and friends edit the text. */
    private final BooleanProperty typing = new SimpleBooleanProperty();
    private final ChangeListener<Node> focusListener =
            (o, was, now) -> typing.set(now instanceof TextInputControl);
    private final Timeline clockTick = new Timeline();
    /** Sync with a shared server, on a local file; empty on a shared server. */
    private final Optional<SyncInTheWindow> sync;

    public MainWindowView(MainContext context) {
        this.context = context;
        this.models = new MainWindowModels(context.workspace().tasks(), context.workspace().savedSearches(),
                context.user(), context.background(), context.dialogs(), context.clock());
        // First: the tasks are read in the background while the views below are built (ADR 0027), or were read
        // already while the database opened (ADR 0034).
        models.store().load(() -> context.desktop().firstTasks(context.user()));
        models.savedSearches().load();
        detailView = new TaskDetailView(models.detail());
        list = new TaskListView(models.list(), models.store(), models.search(), models.actions(), models.rename(),
                models.clock(), detailView::focus);
        quickAdd = new QuickAddView(models.quickAdd(), list::requestFocus);
        tagDialogs = new TagDialogs(models.actions(), models.list().selection());
        ManySelectedViewModel many = models.manySelected();
        detailView.showInstead(new ManySelectedView(many, tagDialogs).root(), many.showingProperty());
        menus = new MainMenus(windowActions, models.actions(), models.undo(), models.store(), models.sidebar(),
                typing);
        SavedSearchDialogs savedDialogs = new SavedSearchDialogs(models.savedSearches());
        SidebarView sidebar = new SidebarView(models.sidebar(), models.savedSearches(), savedDialogs);
        Runnable saveSearch = () -> savedDialogs.askNameToSave(list.root().getScene().getWindow());
        list.offerSavingSearch(models.savedSearches().canSaveProperty(), saveSearch);
        MenuItem saveSearchItem = new MenuItem(Messages.text("saved.menu.save"));
        saveSearchItem.setId("menu-save-search");
        saveSearchItem.disableProperty().bind(models.savedSearches().canSaveProperty().not());
        saveSearchItem.setOnAction(e -> saveSearch.run());
        menus.addItem("View", saveSearchItem); // not shown: the name in code
        menus.addItem("Task", rescheduleMenu()); // not shown: the name in code

        BorderPane window = new BorderPane();
        window.setTop(new VBox(menus.menuBar(), quickAdd.root()));
        // Tags offered while typing one, with the sidebar's counts.
        quickAdd.completeTags(models.quickAddTags());
        tagDialogs.completeTagsFrom(models.sidebar().tagEntries());
        split = new SplitPane(sidebar.root(), list.root(), detailView.root());
        split.setDividerPositions(0.19, 0.68);
        SplitPane.setResizableWithParent(sidebar.root(), false);
        // Below this width the three panes cannot all be usable: the detail pane folds away until there is room.
        split.widthProperty().addListener((o, was, now) -> foldDetailPane(now.doubleValue() < FOLD_DETAIL_BELOW));
        window.setCenter(split);
        statusBar = new StatusBarView(models.status(), context.workspace().databaseName(),
                context.user(), models.list().visibleTasks());
        statusBar.showAfterCount("status-selected", Bindings.when(many.showingProperty())
                .then(many.headingProperty()).otherwise(""));
        window.setBottom(statusBar.root());
        TaskStore tasks = models.store();
        sync = context.desktop().sync(context.workspace()).map(service -> new SyncInTheWindow(new AppSync(service,
                context.user(), new ExecutorTimer(), context.background(), context.dialogs(), context.clock()),
                context.clock(), statusBar::addOnTheRight, sidebar::addBelow, models::onSaved, tasks::load,
                () -> split.getScene().getWindow(), context.background()));
        detailView.root().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                list.focus();
                e.consume();
            }
        });

        root = new StackPane(window, toasts.root(), shortcuts.root());
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(MainWindowView.class.getResource("main-window.css").toExternalForm());
        root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing.get()) {
                shortcuts.show();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN).match(e)) {
                windowActions.redo();
                e.consume();
            }
        });
        // The command line may change tasks while the window is open (ADR 0016): look for that now and then, while
        // the window is on screen.
        TaskStore store = models.store(); // not the view: a running animation must not keep a signed-out window alive
        changedElsewhere = new Timeline(new KeyFrame(Duration.seconds(2),
                event -> store.reloadIfChangedElsewhere()));
        changedElsewhere.setCycleCount(Animation.INDEFINITE);
        // The Scene outlives this window (sign-out swaps the root), so the listener moves with the root and is
        // removed from a scene the root leaves; otherwise the scene would keep every signed-out window alive.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusListener);
                clockTick.stop(); // a running animation would keep the window alive, as the listener would
                changedElsewhere.stop();
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusListener);
                clockTick.play();
                changedElsewhere.play();
            }
            typing.set(scene != null && scene.getFocusOwner() instanceof TextInputControl);
        });
        models.status().messageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                toasts.show(now);
            }
        });
        models.status().noticeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                toasts.show(now);
            }
        });
        // Nothing else tells the window that 09:01 has come: every minute, what is today and overdue is decided again.
        clockTick.getKeyFrames().add(new KeyFrame(Duration.minutes(1), e -> {
            models.store().timePassed();
            list.timePassed();
        }));
        clockTick.setCycleCount(Animation.INDEFINITE);
    }

    /** Sync in this window, for Settings → Sync; empty on a shared server. */
    public Optional<AppSync> sync() {
        return sync.map(SyncInTheWindow::sync);
    }

    /** The whole window content, menu bar included. */
    public Parent root() {
        return root;
    }

    /** Where the pane dividers are (fractions), with the detail pane shown; to remember for the next start. */
    public List<Double> dividers() {
        if (split.getItems().contains(detailView.root())) {
            dividers = Arrays.stream(split.getDividerPositions()).boxed().toList();
        }
        return dividers;
    }

    /** Puts the dividers where they were last time; ignored unless there is one for each pane boundary. */
    public void placeDividers(List<Double> positions) {
        if (positions.size() != 2) {
            return;
        }
        dividers = List.copyOf(positions);
        if (split.getItems().contains(detailView.root())) {
            split.setDividerPositions(positions.get(0), positions.get(1));
        }
    }

    private void foldDetailPane(boolean fold) {
        boolean shown = split.getItems().contains(detailView.root());
        if (fold && shown) {
            dividers();
            split.getItems().remove(detailView.root());
            split.setDividerPositions(dividers.get(0) / dividers.get(1));
        } else if (!fold && !shown) {
            split.getItems().add(detailView.root());
            split.setDividerPositions(dividers.get(0), dividers.get(1));
        }
    }

    /** Task → Reschedule: the "6 selected" pane's choices, for one task or many, from the keyboard too. */
    private Menu rescheduleMenu() {
        Menu reschedule = new Menu(Messages.text("selected.menu"));
        MenuItem today = new MenuItem(Messages.text("selected.today"));
        today.setOnAction(e -> models.actions().rescheduleToday());
        MenuItem tomorrow = new MenuItem(Messages.text("selected.tomorrow"));
        tomorrow.setOnAction(e -> models.actions().rescheduleTomorrow());
        MenuItem nextWeek = new MenuItem(Messages.text("selected.next.week"));
        nextWeek.setOnAction(e -> models.actions().rescheduleNextWeek());
        reschedule.getItems().addAll(today, tomorrow, nextWeek);
        return reschedule;
    }

    /** Adds {@code item} to the menu named {@code menuName} ("View"); a new menu is made before Help if needed. */
    public void addMenuItem(String menuName, MenuItem item) {
        menus.addItem(menuName, item);
    }

    /** Shows {@code node} in the status bar, on the right (e.g. an import's progress and summary). */
    public void addToStatusBar(Node node) {
        statusBar.addOnTheRight(node);
    }

    /** The filter text of the list chosen in the sidebar ("#home"), for File → Export → Current list. */
    public String currentListFilter() {
        return models.sidebar().filter().text();
    }

    /** Puts {@code layer} over the window, under the shortcuts card (e.g. the reminders waiting for an answer). */
    public void addOverlay(Node layer) {
        root.getChildren().add(root.getChildren().indexOf(shortcuts.root()), layer);
    }

    /** Completes the task with this id as one undoable step (a reminder's Complete). */
    public void completeTask(long taskId) {
        models.complete(taskId);
    }

    /** Shows a short note over the window that goes away by itself; never takes the focus. */
    public void notify(String message) {
        toasts.show(message);
    }

    /**
     * Calls {@code shown} once, with the number of tasks in the list, when the first load is on screen (after the
     * layout that shows it): the start-up benchmark's "task list shown".
     */
    public void whenTasksShown(IntConsumer shown) {
        models.store().loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (!loading && root.getScene() != null) {
                    models.store().loadingProperty().removeListener(this);
                    Scene scene = root.getScene();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        shown.accept(models.list().visibleTasks().size());
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
        clockTick.stop();
        changedElsewhere.stop();
        detailView.leave(); // the view first: it commits dates typed but not yet committed
        sync.ifPresent(SyncInTheWindow::close);
    }

    /** Reloads every task from the database, e.g. after another window changed them. */
    public void refresh() {
        models.store().load();
        models.savedSearches().load();
    }

    private Optional<TextInputControl> textFocus() {
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    /** The menus' actions: in a text field, Undo, Redo, Delete and Select all act on the text. */
    private final class WindowActions implements MenuActions {
        @Override
        public void undo() {
            textFocus().ifPresentOrElse(TextInputControl::undo, models.actions()::undo);
        }

        @Override
        public void redo() {
            textFocus().ifPresentOrElse(TextInputControl::redo, models.actions()::redo);
        }

        @Override
        public void delete() {
            textFocus().ifPresentOrElse(TextInputControl::deleteNextChar, models.actions()::deleteSelection);
        }

        @Override
        public void selectAll() {
            textFocus().ifPresentOrElse(TextInputControl::selectAll, list::selectAll);
        }

        @Override
        public void newTask() {
            quickAdd.focus();
        }

        @Override
        public void find() {
            list.focusSearch();
        }

        @Override
        public void showList() {
            list.focus();
        }

        @Override
        public void rename() {
            if (textFocus().isEmpty()) { // F2 while typing elsewhere is not meant for the list
                list.renameSelected();
            }
        }

        @Override
        public void addTag() {
            tagDialogs.askTagToAdd(root.getScene().getWindow());
        }

        @Override
        public void removeTag() {
            tagDialogs.askTagToRemove(root.getScene().getWindow());
        }

        @Override
        public void showShortcuts() {
            shortcuts.show();
        }

        @Override
        public void signOut() {
            close();
            context.signOut().run();
        }

        @Override
        public void quit() {
            root.getScene().getWindow().hide();
        }
    }
}
