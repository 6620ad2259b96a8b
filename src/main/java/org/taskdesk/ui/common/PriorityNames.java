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
            case HIGH -> Messages.text("priority.high");
            case MEDIUM -> Messages.text("priority.medium");
            case LOW -> Messages.text("priority.low");
            case NONE -> Messages.text("priority.none");
        };
    }

    /** "High", "Medium", "Low" or "No priority": the priority on its own, as in a chart's legend. */
    public static String of(Priority priority) {
        return priority == Priority.NONE ? Messages.text("priority.none.alone") : name(priority);
    }

    /** "high priority", or empty for none: the priority within a sentence. */
    public static String inSentence(Priority priority) {
        return priority == Priority.NONE ? ""
                : Messages.format("priority.in.sentence", name(priority).toLowerCase(Locale.ENGLISH));
    }
}
