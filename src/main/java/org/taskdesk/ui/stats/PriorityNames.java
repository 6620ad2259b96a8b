package org.taskdesk.ui.stats;

import org.taskdesk.domain.tasks.Priority;

/** Priorities as people read them in the charts. */
final class PriorityNames {
    private PriorityNames() {
    }

    static String of(Priority priority) {
        return switch (priority) {
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case NONE -> "No priority";
        };
    }
}
