package org.taskdesk.ui.tasks.detail;

/** How a repeat ends. */
public enum RepeatEnd {
    NEVER("Forever"),
    UNTIL("Until a date"),
    COUNT("A number of times");

    private final String label;

    RepeatEnd(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
