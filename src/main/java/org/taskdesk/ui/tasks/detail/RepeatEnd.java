package org.taskdesk.ui.tasks.detail;

import org.taskdesk.ui.common.Messages;

/** How a repeat ends; its name for people is what the editor's list shows. */
public enum RepeatEnd {
    NEVER,
    UNTIL,
    COUNT;

    @Override
    public String toString() {
        return switch (this) {
            case NEVER -> Messages.text("detail.repeat.end.never");
            case UNTIL -> Messages.text("detail.repeat.end.until");
            case COUNT -> Messages.text("detail.repeat.end.count");
        };
    }
}
