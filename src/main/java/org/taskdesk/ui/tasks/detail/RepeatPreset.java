package org.taskdesk.ui.tasks.detail;

/** The common repeats offered first; {@link #CUSTOM} leaves "every N units" to the person. */
public enum RepeatPreset {
    NEVER("Does not repeat"),
    DAILY("Every day"),
    WEEKDAYS("Every weekday"),
    WEEKLY("Every week"),
    MONTHLY("Every month"),
    YEARLY("Every year"),
    CUSTOM("Custom");

    private final String label;

    RepeatPreset(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
