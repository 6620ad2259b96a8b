package org.taskdesk.ui.tasks.sidebar;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.SavedSearch;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.status.StatusViewModel;

/**
 * Saving what the search box shows as a list of its own in the sidebar, and renaming and deleting those lists. The
 * saved filter is what the person sees: the chosen list's filter and the search together ("is:open & (#work)" from
 * the Inbox), so the saved list holds the same tasks the moment it is saved. Every call to the service runs in the
 * background; the sidebar is filled from the service's answer.
 */
public final class SavedSearchesViewModel {
    private final SavedSearchService service;
    private final UserSession user;
    private final BackgroundTasks background;
    private final SidebarViewModel sidebar;
    private final SearchViewModel search;
    private final StatusViewModel status;
    private final DialogService dialogs;
    private final BooleanBinding canSave;

    public SavedSearchesViewModel(SavedSearchService service, UserSession user, BackgroundTasks background,
                                  SidebarViewModel sidebar, SearchViewModel search, StatusViewModel status,
                                  DialogService dialogs) {
        this.service = service;
        this.user = user;
        this.background = background;
        this.sidebar = sidebar;
        this.search = search;
        this.status = status;
        this.dialogs = dialogs;
        canSave = Bindings.createBooleanBinding(
                () -> !search.textProperty().get().isBlank() && search.errorProperty().get().isEmpty(),
                search.textProperty(), search.errorProperty());
    }

    /** Reads the person's saved searches into the sidebar. */
    public void load() {
        background.run(() -> service.list(user), sidebar::showSavedSearches, status::failed);
    }

    /** True while the search box holds a search that reads: only then is there something to save. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** The name offered for a new saved search: what was typed. */
    public String suggestedName() {
        String typed = search.textProperty().get().strip();
        return typed.codePointCount(0, typed.length()) <= SavedSearchService.MAX_NAME_LENGTH ? typed
                : typed.substring(0, typed.offsetByCodePoints(0, SavedSearchService.MAX_NAME_LENGTH));
    }

    /** The filter a save would keep: the chosen list's and the search's, both of which the list applies now. */
    public String filterToSave() {
        String typed = search.textProperty().get().strip();
        TaskFilter list = sidebar.filter();
        return list.matchesEverything() ? typed : "(" + list.text() + ") & (" + typed + ")";
    }

    /**
     * Why {@code name} cannot be the name of a saved search (empty, too long, or the name of another one, whatever
     * the case), or empty when it can. {@code renaming} is the entry being renamed, which may keep its own name;
     * null for a new one. The dialogs show it as the person types and keep OK off meanwhile.
     */
    public String problemWithName(String name, SidebarEntry renaming) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Messages.text("saved.name.empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > SavedSearchService.MAX_NAME_LENGTH) {
            return Messages.format("saved.name.long", String.valueOf(SavedSearchService.MAX_NAME_LENGTH));
        }
        for (SidebarEntry entry : sidebar.savedEntries()) {
            if (entry != renaming && entry.label().equalsIgnoreCase(trimmed)) {
                return Messages.format("saved.name.taken", entry.label());
            }
        }
        return "";
    }

    /**
     * Saves what the list shows under {@code name}, then shows the new list with an empty search box: the same
     * tasks, now under the saved search's name in the sidebar.
     */
    public void save(String name) {
        if (!canSave.get() || !problemWithName(name, null).isEmpty()) {
            return;
        }
        String filter = filterToSave();
        background.run(() -> service.save(user, name, filter), saved -> reload(saved.id(), fresh -> {
            sidebar.selectedListProperty().set(fresh);
            search.textProperty().set("");
            status.tell(Messages.format("saved.saved", saved.name()));
        }), status::failed);
    }

    public void rename(SidebarEntry entry, String name) {
        if (entry.kind() != SidebarEntry.Kind.SAVED || !problemWithName(name, entry).isEmpty()) {
            return;
        }
        long id = entry.savedSearch().id();
        background.run(() -> service.rename(user, id, name), renamed -> reload(id, fresh -> { }), status::failed);
    }

    /** Deletes the saved search once the person confirms; its tasks are untouched. */
    public void delete(SidebarEntry entry) {
        if (entry.kind() != SidebarEntry.Kind.SAVED
                || !dialogs.confirm(Messages.format("saved.delete.question", entry.label()),
                        Messages.text("saved.delete.detail"))) {
            return;
        }
        long id = entry.savedSearch().id();
        background.run(() -> {
            service.delete(user, id);
            return service.list(user);
        }, sidebar::showSavedSearches, status::failed);
    }

    /** Lists the saved searches again and hands the entry of {@code id} to {@code then}. */
    private void reload(long id, Consumer<SidebarEntry> then) {
        background.run(() -> service.list(user), (List<SavedSearch> all) -> {
            sidebar.showSavedSearches(all);
            sidebar.savedEntry(id).ifPresent(then);
        }, status::failed);
    }
}
