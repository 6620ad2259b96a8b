package org.taskdesk.ui.tasks.detail;

import java.time.DayOfWeek;
import java.util.EnumSet;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.ui.common.Messages;

/** The common repeats offered first; {@link #CUSTOM} leaves "every N units" to the person. */
public enum RepeatPreset {
    NEVER,
    DAILY,
    WEEKDAYS,
    WEEKLY,
    MONTHLY,
    YEARLY,
    CUSTOM;

    /** The preset that shows {@code rule}, or {@link #CUSTOM} when none does. */
    static RepeatPreset of(RecurrenceRule rule) {
        if (rule.interval() != 1 || rule.monthDay().isPresent() || rule.weekdayOrdinal() != 0) {
            return CUSTOM;
        }
        return switch (rule.frequency()) {
            case DAILY -> DAILY;
            case WEEKLY -> rule.days().equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
                    ? WEEKDAYS : rule.days().size() <= 1 ? WEEKLY : CUSTOM;
            case MONTHLY -> MONTHLY;
            case YEARLY -> YEARLY;
        };
    }

    /** The unit of "every 1 …" this preset fills in; only for the presets that are a single unit. */
    RepeatUnit unit() {
        return switch (this) {
            case DAILY -> RepeatUnit.DAYS;
            case WEEKDAYS, WEEKLY -> RepeatUnit.WEEKS;
            case MONTHLY -> RepeatUnit.MONTHS;
            default -> RepeatUnit.YEARS;
        };
    }

    @Override
    public String toString() {
        return switch (this) {
            case NEVER -> Messages.text("detail.repeat.preset.never");
            case DAILY -> Messages.text("detail.repeat.preset.daily");
            case WEEKDAYS -> Messages.text("detail.repeat.preset.weekdays");
            case WEEKLY -> Messages.text("detail.repeat.preset.weekly");
            case MONTHLY -> Messages.text("detail.repeat.preset.monthly");
            case YEARLY -> Messages.text("detail.repeat.preset.yearly");
            case CUSTOM -> Messages.text("detail.repeat.preset.custom");
        };
    }
}
