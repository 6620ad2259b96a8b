package org.taskdesk.ui.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.tasks.detail.TaskDetailViewModel;
import org.taskdesk.ui.tasks.list.ManySelectedViewModel;
import org.taskdesk.ui.tasks.list.RenameInPlace;
import org.taskdesk.ui.tasks.list.SelectionActions;
import org.taskdesk.ui.tasks.list.TaskListViewModel;
import org.taskdesk.ui.tasks.quickadd.QuickAddViewModel;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.sidebar.SavedSearchesViewModel;
import org.taskdesk.ui.tasks.sidebar.SidebarViewModel;
import org.taskdesk.ui.tasks.status.StatusViewModel;
import org.taskdesk.ui.tasks.store.TaskStore;
import org.taskdesk.ui.tasks.tags.TagCompletion;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The main window's view models, made for one signed-in person and wired to each other here and nowhere else: each
 * receives what it uses by constructor. Needs no JavaFX toolkit, so tests build the window's logic from it alone.
 */
public final class MainWindowModels {
    private final Clock clock;
    private final StatusViewModel status;
    private final TaskStore store;
    private final TaskCommands commands;
    private final UndoManager undo;
    private final SidebarViewModel sidebar;
    private final SearchViewModel search;
    private final SavedSearchesViewModel savedSearches;
    private final TaskListViewModel list;
    private final SelectionActions actions;
    private final ManySelectedViewModel manySelected;
    private final RenameInPlace rename;
    private final QuickAddViewModel quickAdd;
    private final TagCompletion quickAddTags;
    private final TaskDetailViewModel detail;
    private final List<Runnable> savedListeners = new ArrayList<>();

    public MainWindowModels(TaskService service, SavedSearchService searches, UserSession user,
                            BackgroundTasks background, DialogService dialogs, Clock clock) {
        this.clock = clock;
        status = new StatusViewModel(clock);
        store = new TaskStore(service, user, background, dialogs, status);
        commands = new TaskCommands(service, user, clock);
        undo = new UndoManager(background, changes -> {
            store.apply(changes);
            savedListeners.forEach(Runnable::run);
        }, store::changeFailed);
        status.showBusyWhile(store.loadingProperty().or(undo.runningProperty()));
        // The sidebar counts before the list filters: both follow the store, in this order.
        sidebar = new SidebarViewModel(store, clock);
        search = new SearchViewModel();
        savedSearches = new SavedSearchesViewModel(searches, user, background, sidebar, search, status, dialogs);
        list = new TaskListViewModel(store, sidebar, search, clock);
        actions = new SelectionActions(list.selection(), commands, undo, dialogs, status, clock);
        manySelected = new ManySelectedViewModel(list.selection(), actions);
        rename = new RenameInPlace(commands, undo, clock, status);
        quickAdd = new QuickAddViewModel(commands, undo, clock);
        quickAddTags = TagCompletion.inLine(sidebar.tagEntries());
        detail = new TaskDetailViewModel(commands, undo, clock, list.currentProperty(), store::holds, store::allTags,
                status::tell);
    }

    /** Runs {@code listener} after each change of tasks made here has been saved (sync sends it soon after). */
    public void onSaved(Runnable listener) {
        savedListeners.add(listener);
    }

    public Clock clock() {
        return clock;
    }

    public StatusViewModel status() {
        return status;
    }

    public TaskStore store() {
        return store;
    }

    /** Makes the undoable commands for the signed-in person. */
    public TaskCommands commands() {
        return commands;
    }

    public UndoManager undo() {
        return undo;
    }

    public SidebarViewModel sidebar() {
        return sidebar;
    }

    public SearchViewModel search() {
        return search;
    }

    /** Saving the search as a list, and renaming and deleting saved searches. */
    public SavedSearchesViewModel savedSearches() {
        return savedSearches;
    }

    public TaskListViewModel list() {
        return list;
    }

    public SelectionActions actions() {
        return actions;
    }

    /** "6 selected" and the bulk actions, in place of the detail pane. */
    public ManySelectedViewModel manySelected() {
        return manySelected;
    }

    /** Renaming a task in its row (double-click, F2). */
    public RenameInPlace rename() {
        return rename;
    }

    /**
     * Completes the task with this id as one undoable step, as the list's check box does (a reminder's Complete);
     * nothing when it is gone or already done.
     */
    public void complete(long taskId) {
        store.find(taskId).filter(task -> !task.completed())
                .ifPresent(task -> undo.execute(commands.complete(List.of(task)), () -> { }));
    }

    public QuickAddViewModel quickAdd() {
        return quickAdd;
    }

    /** Completion of the {@code #tag} being typed in the quick-add bar. */
    public TagCompletion quickAddTags() {
        return quickAddTags;
    }

    public TaskDetailViewModel detail() {
        return detail;
    }
}
