package org.taskdesk.domain.tasks;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRuleTest {

    // Wednesday 18 November 2026.
    private static final LocalDate WED_18_NOV = LocalDate.of(2026, 11, 18);

    @Nested
    class Storage {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "FREQ=DAILY",
                "FREQ=DAILY;INTERVAL=3",
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
                "FREQ=MONTHLY;BYMONTHDAY=15",
                "FREQ=MONTHLY;BYDAY=2TU",
                "FREQ=MONTHLY;BYDAY=-1FR",
                "FREQ=YEARLY;UNTIL=20271231",
                "FREQ=DAILY;COUNT=5;X-FROM=DONE",
        })
        void canonicalTextRoundTrips(String text) {
            assertThat(RecurrenceRule.parse(text).toStored()).isEqualTo(text);
        }

        @Test
        void factoriesProduceTheDocumentedText() {
            assertThat(RecurrenceRule.daily(1).toStored()).isEqualTo("FREQ=DAILY");
            assertThat(RecurrenceRule.weekdays().toStored()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
            assertThat(RecurrenceRule.weekly(2, Set.of(THURSDAY, MONDAY)).toStored())
                    .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
            assertThat(RecurrenceRule.monthlyOnDay(1, 31).toStored()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=31");
            assertThat(RecurrenceRule.monthlyOnWeekday(1, 2, TUESDAY).toStored()).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
            assertThat(RecurrenceRule.monthlyOnWeekday(1, -1, FRIDAY).toStored()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
            assertThat(RecurrenceRule.yearly(2).toStored()).isEqualTo("FREQ=YEARLY;INTERVAL=2");
            assertThat(RecurrenceRule.daily(2).until(LocalDate.of(2027, 1, 5)).afterCompletion().toStored())
                    .isEqualTo("FREQ=DAILY;INTERVAL=2;UNTIL=20270105;X-FROM=DONE");
            assertThat(RecurrenceRule.weekly(1, Set.of()).times(3).toStored()).isEqualTo("FREQ=WEEKLY;COUNT=3");
        }

        @Test
        void looseInputIsReadIntoTheCanonicalForm() {
            assertThat(RecurrenceRule.parse("RRULE:freq=weekly;byday=th,mo;interval=1").toStored())
                    .isEqualTo("FREQ=WEEKLY;BYDAY=MO,TH");
            assertThat(RecurrenceRule.parse("FREQ=YEARLY;UNTIL=20271231T235959Z").endDate())
                    .contains(LocalDate.of(2027, 12, 31));
        }

        @Test
        void nullOrBlankColumnMeansNoRecurrence() {
            assertThat(RecurrenceRule.fromStored(null)).isNull();
            assertThat(RecurrenceRule.fromStored(" ")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "", "FREQ=HOURLY", "INTERVAL=2", "FREQ=DAILY;INTERVAL=0",
                "FREQ=DAILY;INTERVAL=x", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=DAILY;BYWEEKNO=20", "FREQ=DAILY;BYHOUR=9",
                "FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO", "FREQ=YEARLY;BYMONTH=13", "FREQ=WEEKLY;WKST=XX",
                "FREQ=WEEKLY;BYDAY=XX", "FREQ=DAILY;UNTIL=20270101T250000Z", "FREQ=DAILY;X-OTHER=1",
                "FREQ=DAILY;COUNT=3;UNTIL=20270101", "FREQ=DAILY;UNTIL=20270230",
                "FREQ=DAILY;FREQ=WEEKLY", "FREQ=DAILY;X-FROM=START", "nonsense", "FREQ=DAILY;;",
        })
        void unsupportedTextIsRefusedWithOneLine(String text) {
            assertThatThrownBy(() -> RecurrenceRule.parse(text))
                    .isInstanceOf(InvalidTaskException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").isNotBlank());
        }

        /**
         * Until version 9 these were refused ("only a subset"); calendars write them (issue 12), and lib-recur computes
         * them, so they are kept exactly as written.
         */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "FREQ=DAILY;BYMONTH=3",
                "FREQ=MONTHLY;BYDAY=5MO",
                "FREQ=MONTHLY;BYDAY=TU",
                "FREQ=DAILY;BYDAY=MO",
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                "FREQ=MONTHLY;BYMONTHDAY=-3",
                "FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU;COUNT=10",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU",
                "FREQ=YEARLY;BYYEARDAY=1,100,200",
                "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;UNTIL=19971224T000000Z",
                "FREQ=DAILY;UNTIL=20271231T235959",
        })
        void calendarRulesAreKeptExactly(String text) {
            assertThat(RecurrenceRule.parse(text).toStored()).isEqualTo(text);
            assertThat(RecurrenceRule.parse(text.toLowerCase(java.util.Locale.ROOT))).isEqualTo(RecurrenceRule.parse(text));
        }

        @Test
        void calendarPartsAreWrittenInOneOrder() {
            assertThat(RecurrenceRule.parse("RRULE:FREQ=MONTHLY;UNTIL=19971224T000000Z;WKST=SU;BYSETPOS=-1;"
                    + "BYDAY=MO,TU;INTERVAL=1").toStored())
                    .isEqualTo("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;WKST=SU;UNTIL=19971224T000000Z");
        }

        @Test
        void overLongTextIsRefusedWithTheLimit() {
            String text = "FREQ=YEARLY;BYYEARDAY=" + "1,".repeat(250) + "2";
            assertThat(text.length()).isGreaterThan(500);
            assertThatThrownBy(() -> RecurrenceRule.parse(text))
                    .isInstanceOf(InvalidTaskException.class)
                    .hasMessageContaining("the limit is 500");
        }

        @Test
        void theRfcsLongestEverydayRuleFits() {
            // 68 characters: over the seed's 50, so version 9 widened the column.
            String text = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU;UNTIL=19971224T000000Z";
            assertThat(RecurrenceRule.parse(text).toStored()).hasSizeGreaterThan(50).isEqualTo(text);
        }

        @Test
        void factoriesRefuseOutOfRangeNumbers() {
            assertThatThrownBy(() -> RecurrenceRule.daily(0)).isInstanceOf(InvalidTaskException.class);
            assertThatThrownBy(() -> RecurrenceRule.monthlyOnDay(1, 32)).isInstanceOf(InvalidTaskException.class);
            assertThatThrownBy(() -> RecurrenceRule.monthlyOnWeekday(1, 5, MONDAY))
                    .isInstanceOf(InvalidTaskException.class);
            assertThatThrownBy(() -> RecurrenceRule.daily(1).times(0)).isInstanceOf(InvalidTaskException.class);
        }
    }

    @Nested
    class Occurrences {

        @Test
        void dailyGivesTheFollowingDays() {
            assertThat(RecurrenceRule.daily(1).nextOccurrences(WED_18_NOV, 3)).containsExactly(
                    LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21));
        }

        @Test
        void weekdaysSkipTheWeekend() {
            // Thu 19, Fri 20, then Mon 23.
            assertThat(RecurrenceRule.weekdays().nextOccurrences(WED_18_NOV, 3)).containsExactly(
                    LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23));
        }

        @Test
        void everyOtherWeekCountsWeeksFromTheStart() {
            // Start week: Mon 16 - Sun 22 Nov: Thursday 19 is left; the next weeks used are 30 Nov and 14 Dec.
            assertThat(RecurrenceRule.weekly(2, Set.of(MONDAY, THURSDAY)).nextOccurrences(WED_18_NOV, 4))
                    .containsExactly(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 30),
                            LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 14));
        }

        @Test
        void secondTuesdayAndLastFridayOfTheMonth() {
            assertThat(RecurrenceRule.monthlyOnWeekday(1, 2, TUESDAY).nextOccurrences(WED_18_NOV, 3))
                    .containsExactly(LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9));
            assertThat(RecurrenceRule.monthlyOnWeekday(1, -1, FRIDAY).nextOccurrences(WED_18_NOV, 3))
                    .containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 29));
        }

        @Test
        void the31stSkipsShortMonthsAsRfc5545Does() {
            assertThat(RecurrenceRule.monthlyOnDay(1, 31).nextOccurrences(WED_18_NOV, 3))
                    .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31));
        }

        @Test
        void yearlyKeepsTheDate() {
            assertThat(RecurrenceRule.yearly(1).nextOccurrences(WED_18_NOV, 2))
                    .containsExactly(LocalDate.of(2027, 11, 18), LocalDate.of(2028, 11, 18));
        }

        @Test
        void untilIsInclusiveAndStopsTheSeries() {
            RecurrenceRule rule = RecurrenceRule.daily(1).until(LocalDate.of(2026, 11, 20));
            assertThat(rule.nextOccurrences(WED_18_NOV, 10))
                    .containsExactly(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20));
        }

        @Test
        void countIncludesTheStartDate() {
            RecurrenceRule rule = RecurrenceRule.daily(1).times(3);
            assertThat(rule.nextOccurrences(WED_18_NOV, 10))
                    .containsExactly(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20));
        }

        @Test
        void zeroWantedGivesNothing() {
            assertThat(RecurrenceRule.daily(1).nextOccurrences(WED_18_NOV, 0)).isEmpty();
        }
    }

    @Nested
    class AfterCompletion {

        @Test
        void overdueDailyTaskGetsOneDateTheDayAfterCompletion() {
            LocalDate due = LocalDate.of(2026, 11, 8);
            assertThat(RecurrenceRule.daily(1).nextDueAfterCompletion(due, WED_18_NOV))
                    .contains(LocalDate.of(2026, 11, 19));
        }

        @Test
        void overdueWeeklyTaskStaysOnItsWeekday() {
            // Due Monday 2 Nov, done Wednesday 18 Nov: the next Monday after that is 23 Nov.
            RecurrenceRule rule = RecurrenceRule.weekly(1, Set.of(MONDAY));
            assertThat(rule.nextDueAfterCompletion(LocalDate.of(2026, 11, 2), WED_18_NOV))
                    .contains(LocalDate.of(2026, 11, 23));
        }

        @Test
        void doneEarlyMovesToTheOccurrenceAfterTheDueDate() {
            // Due Friday 27 Nov (last Friday), done on 18 Nov: next is the last Friday of December.
            RecurrenceRule rule = RecurrenceRule.monthlyOnWeekday(1, -1, FRIDAY);
            assertThat(rule.nextDueAfterCompletion(LocalDate.of(2026, 11, 27), WED_18_NOV))
                    .contains(LocalDate.of(2026, 12, 25));
        }

        @Test
        void afterCompletionRuleCountsFromTheCompletionDay() {
            RecurrenceRule rule = RecurrenceRule.daily(3).afterCompletion();
            assertThat(rule.nextDueAfterCompletion(LocalDate.of(2026, 11, 1), WED_18_NOV))
                    .contains(LocalDate.of(2026, 11, 21));
            assertThat(RecurrenceRule.monthly(1).afterCompletion()
                    .nextDueAfterCompletion(LocalDate.of(2026, 11, 1), WED_18_NOV))
                    .contains(LocalDate.of(2026, 12, 18));
        }

        @Test
        void weekdaysAfterCompletionDoneOnFridayIsDueMonday() {
            RecurrenceRule rule = RecurrenceRule.weekdays().afterCompletion();
            assertThat(rule.nextDueAfterCompletion(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)))
                    .contains(LocalDate.of(2026, 11, 23));
        }

        @Test
        void endedSeriesHasNoNextDate() {
            assertThat(RecurrenceRule.daily(1).times(1).nextDueAfterCompletion(WED_18_NOV, WED_18_NOV)).isEmpty();
            RecurrenceRule untilToday = RecurrenceRule.daily(1).until(WED_18_NOV);
            assertThat(untilToday.nextDueAfterCompletion(WED_18_NOV, WED_18_NOV)).isEmpty();
        }

        @Test
        void scheduleThatCanNeverMatchAgainHasEnded() {
            // Every 12 months from April means every April, which has no 31st.
            RecurrenceRule rule = RecurrenceRule.monthlyOnDay(12, 31);
            LocalDate april = LocalDate.of(2026, 4, 1);
            assertThat(rule.nextDueAfterCompletion(april, april)).isEmpty();
            assertThat(rule.nextOccurrences(april, 3)).isEmpty();
        }

        @Test
        void usingAnOccurrenceLowersTheCount() {
            RecurrenceRule rule = RecurrenceRule.daily(1).times(2);
            assertThat(rule.withOneOccurrenceUsed().timesLeft()).contains(1);
            assertThat(rule.withOneOccurrenceUsed().hasEnded()).isTrue();
            assertThat(RecurrenceRule.daily(1).withOneOccurrenceUsed()).isEqualTo(RecurrenceRule.daily(1));
        }

        @Test
        void firstOnOrAfterFindsTheFirstNamedDay() {
            assertThat(RecurrenceRule.weekly(1, Set.of(MONDAY)).firstOnOrAfter(WED_18_NOV))
                    .isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(RecurrenceRule.weekly(1, Set.of(WEDNESDAY)).firstOnOrAfter(WED_18_NOV)).isEqualTo(WED_18_NOV);
            assertThat(RecurrenceRule.daily(1).firstOnOrAfter(WED_18_NOV)).isEqualTo(WED_18_NOV);
        }
    }
}
