package org.taskdesk.ui.tasks.list;

import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.Messages;

/** The sort orders as people read them, in the sort box and in the View menu. */
public final class SortNames {
    private SortNames() {
    }

    /** "Sort: Due date": the sort box's text. */
    public static String inBox(TaskSort sort) {
        return Messages.format("list.sort.box", switch (sort) {
            case DUE -> Messages.text("list.sort.due");
            case PRIORITY -> Messages.text("list.sort.priority");
            case CREATED -> Messages.text("list.sort.created");
            case TITLE -> Messages.text("list.sort.title");
        });
    }

    /** "By due date": the View menu's item. */
    public static String inMenu(TaskSort sort) {
        return switch (sort) {
            case DUE -> Messages.text("list.sort.by.due");
            case PRIORITY -> Messages.text("list.sort.by.priority");
            case CREATED -> Messages.text("list.sort.by.created");
            case TITLE -> Messages.text("list.sort.by.title");
        };
    }
}
