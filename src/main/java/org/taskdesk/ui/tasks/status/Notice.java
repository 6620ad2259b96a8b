package org.taskdesk.ui.tasks.status;

import javafx.beans.value.ObservableBooleanValue;

/**
 * A short note the person can act on from its toast, e.g. "Deleted 3 tasks" with Undo.
 *
 * @param text       what happened, in words
 * @param actionName the button's words ("Undo")
 * @param action     what the button does
 * @param available  false once the action can no longer be taken (the step was undone some other way): the toast
 *                   then drops its button and goes
 */
public record Notice(String text, String actionName, Runnable action, ObservableBooleanValue available) {
}
