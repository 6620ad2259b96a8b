package org.taskdesk.ui.tasks.list;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import org.taskdesk.ui.common.Messages;

/**
 * The pane shown in place of the detail pane while several tasks are selected: "6 selected" over what can be done
 * to all of them at once ({@link SelectionActions}). Follows the selection; holds no state of its own.
 */
public final class ManySelectedViewModel {
    private final SelectionActions actions;
    private final BooleanBinding showing;
    private final StringBinding heading;

    public ManySelectedViewModel(TaskSelection selection, SelectionActions actions) {
        this.actions = actions;
        showing = Bindings.createBooleanBinding(() -> selection.size() > 1, selection.tasks());
        heading = Bindings.createStringBinding(
                () -> Messages.format("selected.heading", String.valueOf(selection.size())), selection.tasks());
    }

    /** True while more than one task is selected. */
    public BooleanBinding showingProperty() {
        return showing;
    }

    /** "6 selected". */
    public StringBinding headingProperty() {
        return heading;
    }

    /** What the pane's buttons do. */
    public SelectionActions actions() {
        return actions;
    }
}
