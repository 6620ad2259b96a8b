package org.taskdesk.ui.tasks.list;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.OwnedDialogs;
import org.taskdesk.ui.tasks.sidebar.SidebarEntry;
import org.taskdesk.ui.tasks.tags.TagCompletion;
import org.taskdesk.ui.tasks.tags.TagCompletionPopup;
import org.taskdesk.ui.tasks.undo.TaskCommands;

/** Asks which tag to add to, or remove from, the selected tasks (Ctrl+T, Ctrl+Shift+T). */
public final class TagDialogs {
    private final SelectionActions actions;
    private final TaskSelection selection;
    private ObservableList<SidebarEntry> tagsInUse = FXCollections.emptyObservableList();

    public TagDialogs(SelectionActions actions, TaskSelection selection) {
        this.actions = actions;
        this.selection = selection;
    }

    /** Offers these tags (the sidebar's, with their counts) while the person types one in the Add-tag dialog. */
    public void completeTagsFrom(ObservableList<SidebarEntry> tags) {
        this.tagsInUse = tags;
    }

    public void askTagToAdd(Window owner) {
        if (selection.isEmpty()) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(Messages.text("list.tag.dialog.title"));
        dialog.setHeaderText(Messages.format("list.add.tag.header", TaskCommands.count(selection.size())));
        dialog.getEditor().setAccessibleText(Messages.text("list.add.tag.field"));
        dialog.getEditor().setPromptText(Messages.text("list.add.tag.prompt"));
        TagCompletionPopup.attach(dialog.getEditor(), TagCompletion.ofWholeField(tagsInUse));
        OwnedDialogs.showAndWait(dialog, owner).filter(s -> !s.isBlank()).ifPresent(actions::addTag);
    }

    public void askTagToRemove(Window owner) {
        List<String> tags = actions.selectionTags();
        if (tags.isEmpty()) {
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(tags.get(0), tags);
        dialog.setTitle(Messages.text("list.tag.dialog.title"));
        dialog.setHeaderText(Messages.format("list.remove.tag.header", TaskCommands.count(selection.size())));
        OwnedDialogs.showAndWait(dialog, owner).ifPresent(actions::removeTag);
    }
}
