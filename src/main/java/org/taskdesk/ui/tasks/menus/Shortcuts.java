package org.taskdesk.ui.tasks.menus;

import java.util.List;
import org.taskdesk.ui.common.Messages;

/** Every keyboard shortcut of the main window, in one place: the help overlay lists them from here. */
final class Shortcuts {
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> ALL = List.of(
            new Shortcut(Messages.text("shortcuts.new.keys"), Messages.text("shortcuts.new.action")),
            new Shortcut(Messages.text("shortcuts.add.keys"), Messages.text("shortcuts.add.action")),
            new Shortcut(Messages.text("shortcuts.find.keys"), Messages.text("shortcuts.find.action")),
            new Shortcut(Messages.text("shortcuts.search.back.keys"), Messages.text("shortcuts.search.back.action")),
            new Shortcut(Messages.text("shortcuts.search.save.keys"), Messages.text("shortcuts.search.save.action")),
            new Shortcut(Messages.text("shortcuts.edit.keys"), Messages.text("shortcuts.edit.action")),
            new Shortcut(Messages.text("shortcuts.rename.keys"), Messages.text("shortcuts.rename.action")),
            new Shortcut(Messages.text("shortcuts.save.keys"), Messages.text("shortcuts.save.action")),
            new Shortcut(Messages.text("shortcuts.detail.back.keys"), Messages.text("shortcuts.detail.back.action")),
            new Shortcut(Messages.text("shortcuts.complete.keys"), Messages.text("shortcuts.complete.action")),
            new Shortcut(Messages.text("shortcuts.delete.keys"), Messages.text("shortcuts.delete.action")),
            new Shortcut(Messages.text("shortcuts.select.all.keys"), Messages.text("shortcuts.select.all.action")),
            new Shortcut(Messages.text("shortcuts.priority.keys"), Messages.text("shortcuts.priority.action")),
            new Shortcut(Messages.text("shortcuts.add.tag.keys"), Messages.text("shortcuts.add.tag.action")),
            new Shortcut(Messages.text("shortcuts.remove.tag.keys"), Messages.text("shortcuts.remove.tag.action")),
            new Shortcut(Messages.text("shortcuts.undo.keys"), Messages.text("shortcuts.undo.action")),
            new Shortcut(Messages.text("shortcuts.redo.keys"), Messages.text("shortcuts.redo.action")),
            new Shortcut(Messages.text("shortcuts.lists.keys"), Messages.text("shortcuts.lists.action")),
            new Shortcut(Messages.text("shortcuts.sort.keys"), Messages.text("shortcuts.sort.action")),
            new Shortcut(Messages.text("shortcuts.help.keys"), Messages.text("shortcuts.help.action")),
            new Shortcut(Messages.text("shortcuts.sign.out.keys"), Messages.text("shortcuts.sign.out.action")),
            new Shortcut(Messages.text("shortcuts.quit.keys"), Messages.text("shortcuts.quit.action")));

    private Shortcuts() {
    }
}
