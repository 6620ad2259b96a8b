package org.taskdesk.ui.common;

import java.util.Locale;
import org.taskdesk.domain.tasks.Priority;

/** Priorities as people read them. */
public final class PriorityNames {
    private PriorityNames() {
    }

    /** "High", "Medium", "Low" or "None": the word for the priority, as in a priority picker. */
    public static String name(Priority priority) {
        return switch (priority) {
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case NONE -> "None";
        };
    }

    /** "High", "Medium", "Low" or "No priority": the priority on its own, as in a chart's legend. */
    public static String of(Priority priority) {
        return priority == Priority.NONE ? "No priority" : name(priority);
    }

    /** "high priority", or empty for none: the priority within a sentence. */
    public static String inSentence(Priority priority) {
        return priority == Priority.NONE ? "" : name(priority).toLowerCase(Locale.ENGLISH) + " priority";
    }
}
