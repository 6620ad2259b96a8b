package org.taskdesk.ui.tasks.detail;

import org.taskdesk.domain.tasks.RecurrenceRule;

/** The unit of "every N …" in the repeat editor. */
public enum RepeatUnit {
    DAYS("days", RecurrenceRule.Frequency.DAILY),
    WEEKS("weeks", RecurrenceRule.Frequency.WEEKLY),
    MONTHS("months", RecurrenceRule.Frequency.MONTHLY),
    YEARS("years", RecurrenceRule.Frequency.YEARLY);

    private final String label;
    private final RecurrenceRule.Frequency frequency;

    RepeatUnit(String label, RecurrenceRule.Frequency frequency) {
        this.label = label;
        this.frequency = frequency;
    }

    static RepeatUnit of(RecurrenceRule.Frequency frequency) {
        for (RepeatUnit unit : values()) {
            if (unit.frequency == frequency) {
                return unit;
            }
        }
        throw new IllegalArgumentException("No unit for " + frequency);
    }

    @Override
    public String toString() {
        return label;
    }
}
