package org.taskdesk.ui.tasks.list;

import java.util.List;
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
    private final ObservableList<SidebarEntry> tagsInUse;

    /** @param tagsInUse the sidebar's tags with their counts, offered while the person types a tag */
    public TagDialogs(SelectionActions actions, TaskSelection selection, ObservableList<SidebarEntry> tagsInUse) {
        this.actions = actions;
        this.selection = selection;
        this.tagsInUse = tagsInUse;
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
