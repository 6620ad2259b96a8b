package org.taskdesk.ui.tasks.quickadd;

import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddPart;

/**
 * One thing quick add understood, as the chip under the bar shows it: "Tomorrow", "09:00", "High", "#home".
 * {@code priority} is the level a priority chip sets (its colour), null for the other kinds.
 */
public record QuickAddChip(QuickAddPart.Kind kind, String text, int start, int end, Priority priority) {
}
