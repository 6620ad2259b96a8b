package org.taskdesk.ui.tasks.sidebar;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.OwnedDialogs;

/**
 * Asks for a saved search's name: "Save search…" and "Rename…". What is wrong with the name is said under the
 * field as it is typed, and OK stays off until it reads; the model decides both.
 */
public final class SavedSearchDialogs {
    private final SavedSearchesViewModel model;

    public SavedSearchDialogs(SavedSearchesViewModel model) {
        this.model = model;
    }

    /** Saves what the list shows, under a name asked for; nothing happens while there is nothing to save. */
    public void askNameToSave(Window owner) {
        if (!model.canSaveProperty().get()) {
            return;
        }
        ask(owner, Messages.text("saved.save.title"), Messages.format("saved.save.header", model.filterToSave()),
                model.suggestedName(), null).ifPresent(model::save);
    }

    public void askNewName(Window owner, SidebarEntry entry) {
        if (entry == null || entry.kind() != SidebarEntry.Kind.SAVED) {
            return;
        }
        ask(owner, Messages.text("saved.rename.title"), Messages.format("saved.rename.header", entry.label()),
                entry.label(), entry).ifPresent(name -> model.rename(entry, name));
    }

    private Optional<String> ask(Window owner, String title, String header, String initial, SidebarEntry renaming) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getEditor().setId("saved-search-name");
        dialog.getEditor().setAccessibleText(Messages.text("saved.name.field"));
        StringBinding problem = Bindings.createStringBinding(
                () -> model.problemWithName(dialog.getEditor().getText(), renaming), dialog.getEditor().textProperty());
        Label why = new Label();
        why.setId("saved-search-problem");
        why.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        why.textProperty().bind(problem);
        why.setWrapText(true);
        Node field = dialog.getDialogPane().getContent();
        dialog.getDialogPane().setContent(new VBox(6, field, why));
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(problem.isNotEmpty());
        // Owned and centred without a modal window, which would un-maximise the main window (see OwnedDialogs).
        return OwnedDialogs.showAndWait(dialog, owner);
    }
}
