package org.taskdesk.cli;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.RecurrenceRulePropertyTest;

/** The command line words a repeat in fixed English, the words it always printed (moved here from the rule). */
class RepeatTextTest {

    @Test
    void describesEachKindInPlainWords() {
        assertThat(RepeatText.describe(RecurrenceRule.daily(1))).isEqualTo("every day");
        assertThat(RepeatText.describe(RecurrenceRule.daily(3))).isEqualTo("every 3 days");
        assertThat(RepeatText.describe(RecurrenceRule.weekdays())).isEqualTo("every weekday");
        assertThat(RepeatText.describe(RecurrenceRule.weekly(1, Set.of()))).isEqualTo("every week");
        assertThat(RepeatText.describe(RecurrenceRule.weekly(2, Set.of(MONDAY, THURSDAY))))
                .isEqualTo("every 2 weeks on Monday and Thursday");
        assertThat(RepeatText.describe(RecurrenceRule.weekly(1, Set.of(MONDAY, WEDNESDAY, FRIDAY))))
                .isEqualTo("every week on Monday, Wednesday and Friday");
        assertThat(RepeatText.describe(RecurrenceRule.monthlyOnDay(1, 22))).isEqualTo("every month on the 22nd");
        assertThat(RepeatText.describe(RecurrenceRule.monthlyOnDay(1, 11))).isEqualTo("every month on the 11th");
        assertThat(RepeatText.describe(RecurrenceRule.monthlyOnWeekday(1, 2, TUESDAY)))
                .isEqualTo("every month on the 2nd Tuesday");
        assertThat(RepeatText.describe(RecurrenceRule.monthlyOnWeekday(1, -1, FRIDAY)))
                .isEqualTo("every month on the last Friday");
        assertThat(RepeatText.describe(RecurrenceRule.yearly(1))).isEqualTo("every year");
    }

    @Test
    void describesLimitsAndAfterCompletion() {
        assertThat(RepeatText.describe(RecurrenceRule.yearly(1).until(LocalDate.of(2027, 12, 31))))
                .isEqualTo("every year until 31 Dec 2027");
        assertThat(RepeatText.describe(RecurrenceRule.daily(1).times(5))).isEqualTo("every day 5 times");
        assertThat(RepeatText.describe(RecurrenceRule.daily(3).afterCompletion())).isEqualTo("every 3 days after completion");
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void everyBuildableRuleReadsAsARepeat(@ForAll("rules") Optional<RecurrenceRule> maybeRule) {
        maybeRule.ifPresent(rule -> assertThat(RepeatText.describe(rule)).startsWith("every "));
    }

    @Provide
    Arbitrary<Optional<RecurrenceRule>> rules() {
        return new RecurrenceRulePropertyTest().rules();
    }
}
