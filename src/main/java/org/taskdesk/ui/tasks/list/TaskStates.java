package org.taskdesk.ui.tasks.list;

import javafx.css.PseudoClass;

/** The CSS states of the main window's controls. */
public final class TaskStates {
    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    public static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private TaskStates() {
    }
}
