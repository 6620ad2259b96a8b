package org.taskdesk.ui.tasks.detail;

import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.ui.common.Messages;

/** The unit of "every N …" in the repeat editor; its name for people is what the editor's list shows. */
public enum RepeatUnit {
    DAYS(RecurrenceRule.Frequency.DAILY),
    WEEKS(RecurrenceRule.Frequency.WEEKLY),
    MONTHS(RecurrenceRule.Frequency.MONTHLY),
    YEARS(RecurrenceRule.Frequency.YEARLY);

    private final RecurrenceRule.Frequency frequency;

    RepeatUnit(RecurrenceRule.Frequency frequency) {
        this.frequency = frequency;
    }

    static RepeatUnit of(RecurrenceRule.Frequency frequency) {
        for (RepeatUnit unit : values()) {
            if (unit.frequency == frequency) {
                return unit;
            }
        }
        throw new IllegalArgumentException("No unit for " + frequency); // not shown: every frequency has one
    }

    @Override
    public String toString() {
        return switch (this) {
            case DAYS -> Messages.text("detail.repeat.unit.days");
            case WEEKS -> Messages.text("detail.repeat.unit.weeks");
            case MONTHS -> Messages.text("detail.repeat.unit.months");
            case YEARS -> Messages.text("detail.repeat.unit.years");
        };
    }
}
