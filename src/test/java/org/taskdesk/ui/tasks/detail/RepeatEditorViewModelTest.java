package org.taskdesk.ui.tasks.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.RecurrenceRule;

/** The repeat editor on its own, without a task list, a database or JavaFX running. */
class RepeatEditorViewModelTest {
    private static final LocalDate MONDAY_23_NOV = LocalDate.of(2026, 11, 23);

    private final AtomicInteger edits = new AtomicInteger();
    private final RepeatEditorViewModel editor = new RepeatEditorViewModel(edits::incrementAndGet);

    @Test
    void showingARuleIsNotAnEdit() {
        editor.show(RecurrenceRule.weekly(2, Set.of(DayOfWeek.MONDAY)).times(3));

        assertThat(edits).hasValue(0);
        assertThat(editor.touched()).isFalse();
        assertThat(editor.presetProperty().get()).isEqualTo(RepeatPreset.CUSTOM);
        assertThat(editor.intervalProperty().get()).isEqualTo("2");
        assertThat(editor.unitProperty().get()).isEqualTo(RepeatUnit.WEEKS);
        assertThat(editor.weekdayProperty(DayOfWeek.MONDAY).get()).isTrue();
        assertThat(editor.endProperty().get()).isEqualTo(RepeatEnd.COUNT);
        assertThat(editor.countProperty().get()).isEqualTo("3");
    }

    @Test
    void aPresetFillsInEveryOneUnit() {
        editor.show(null);
        editor.presetProperty().set(RepeatPreset.WEEKDAYS);

        assertThat(edits).hasValue(1);
        assertThat(editor.unitProperty().get()).isEqualTo(RepeatUnit.WEEKS);
        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(RecurrenceRule.weekdays());
    }

    @Test
    void editingTheIntervalOfNoRepeatMakesACustomOne() {
        editor.show(null);
        editor.intervalProperty().set("3");

        assertThat(editor.presetProperty().get()).isEqualTo(RepeatPreset.CUSTOM);
        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(RecurrenceRule.daily(3));
    }

    @Test
    void aRuleTheFieldsCannotShowIsKeptUntilTouched() {
        RecurrenceRule secondTuesday = RecurrenceRule.monthlyOnWeekday(1, 2, DayOfWeek.TUESDAY);
        editor.show(secondTuesday);

        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(secondTuesday);
        editor.intervalProperty().set("2");
        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(RecurrenceRule.monthly(2));
    }

    @Test
    void fieldsThatDoNotReadSayWhy() {
        editor.show(RecurrenceRule.daily(1));
        editor.intervalProperty().set("0");
        assertThatThrownBy(() -> editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).hasMessageContaining("1 to 999");

        editor.intervalProperty().set("1");
        editor.endProperty().set(RepeatEnd.UNTIL);
        assertThatThrownBy(() -> editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).hasMessage("Pick the last date of the repeat.");
        editor.untilProperty().set(MONDAY_23_NOV.minusDays(1));
        assertThatThrownBy(() -> editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).hasMessageContaining("before the task is due");
    }

    @Test
    void thePreviewSaysTheRuleAndItsNextDates() {
        editor.preview(RecurrenceRule.weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)), MONDAY_23_NOV);

        assertThat(editor.textProperty().get()).isEqualTo("Every week on Monday and Thursday");
        assertThat(editor.nextDates()).containsExactly("Thu 26 Nov 2026", "Mon 30 Nov 2026", "Thu 3 Dec 2026",
                "Mon 7 Dec 2026", "Thu 10 Dec 2026");
        editor.preview(null, null);
        assertThat(editor.textProperty().get()).isEmpty();
        assertThat(editor.nextDates()).isEmpty();
    }

    @Test
    void aCalendarRuleIsShownAsItsTextWithItsNextDatesAndKeptWhenNothingIsChanged() {
        // The second-to-last weekday of the month, from a calendar (RFC 5545's example).
        RecurrenceRule fromCalendar = RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2");
        editor.show(fromCalendar);
        editor.preview(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV), MONDAY_23_NOV);

        assertThat(edits).hasValue(0);
        assertThat(editor.ruleTextProperty().get()).isEqualTo("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2");
        assertThat(editor.presetProperty().get()).as("not the plain 'Every month' it is not").isEqualTo(RepeatPreset.CUSTOM);
        assertThat(editor.textProperty().get()).isEqualTo("Every month (BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2)");
        // November 2026 ends on Monday 30, so its second-to-last weekday is Friday 27; December 2026 ends on Thursday 31.
        assertThat(editor.nextDates()).containsExactly("Fri 27 Nov 2026", "Wed 30 Dec 2026", "Thu 28 Jan 2027",
                "Thu 25 Feb 2027", "Tue 30 Mar 2027");
        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(fromCalendar);
    }

    @Test
    void changingOnlyHowACalendarRuleEndsKeepsItsParts() {
        editor.show(RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=6,7"));
        editor.endProperty().set(RepeatEnd.COUNT);
        editor.countProperty().set("4");

        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV).toStored()).isEqualTo("FREQ=YEARLY;BYMONTH=6,7;COUNT=4");
        assertThat(editor.ruleTextProperty().get()).isEqualTo("FREQ=YEARLY;BYMONTH=6,7");
    }

    @Test
    void countingACalendarRuleFromCompletionKeepsItsUntilWithItsTime() {
        editor.show(RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=1SU,-1SU;UNTIL=20271224T000000Z"));
        editor.afterCompletionProperty().set(true);

        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV).toStored())
                .isEqualTo("FREQ=MONTHLY;BYDAY=1SU,-1SU;UNTIL=20271224T000000Z;X-FROM=DONE");
    }

    @Test
    void changingACalendarRulesScheduleReplacesItWithWhatTheFieldsSay() {
        editor.show(RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=6,7"));
        editor.intervalProperty().set("2");

        assertThat(editor.rule(MONDAY_23_NOV, MONDAY_23_NOV)).isEqualTo(RecurrenceRule.yearly(2));
        assertThat(editor.ruleTextProperty().get()).isEmpty();
    }
}
