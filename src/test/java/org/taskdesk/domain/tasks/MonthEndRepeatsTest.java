package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * "Every month" from the 29th, 30th or 31st, as people mean it (issue 12): quick add's rent due on the 31st falls on
 * the last day of shorter months, as in Todoist; a calendar's explicit {@code BYMONTHDAY=31} keeps RFC 5545's meaning
 * and skips them.
 */
class MonthEndRepeatsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final QuickAddParser parser = new QuickAddParser();

    private QuickAdd quickAdd(String line, LocalDate today) {
        return parser.parse(line, ZonedDateTime.of(today.atTime(10, 0), BERLIN));
    }

    @Test
    void everyMonthFromThe31stFallsOnTheLastDayOfShorterMonths() {
        QuickAdd rent = quickAdd("Pay rent every month", LocalDate.of(2027, 1, 31));

        assertThat(rent.due()).isEqualTo(Due.on(LocalDate.of(2027, 1, 31)));
        assertThat(rent.recurrence().toStored()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
        assertThat(rent.recurrence().nextOccurrences(LocalDate.of(2027, 1, 31), 5)).containsExactly(
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30),
                LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 30));
    }

    @Test
    void everyMonthOnThe30thTakesFebruarysLastDayInALeapYearToo() {
        QuickAdd rent = quickAdd("Pay rent every month on the 30th", LocalDate.of(2028, 1, 20));

        assertThat(rent.title()).isEqualTo("Pay rent");
        assertThat(rent.due()).isEqualTo(Due.on(LocalDate.of(2028, 1, 30)));
        assertThat(rent.recurrence().nextOccurrences(LocalDate.of(2028, 1, 30), 3)).containsExactly(
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 30), LocalDate.of(2028, 4, 30));
    }

    @Test
    void every31stMeansTheSameAndKeepsItsEnd() {
        QuickAdd rent = quickAdd("Pay rent every 31st for 3 times", LocalDate.of(2027, 1, 5));

        assertThat(rent.due()).isEqualTo(Due.on(LocalDate.of(2027, 1, 31)));
        assertThat(rent.recurrence().toStored()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;COUNT=3");
        assertThat(rent.recurrence().nextOccurrences(LocalDate.of(2027, 1, 31), 5)).containsExactly(
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    }

    @Test
    void completingTheRentOnTheLastDayOfFebruaryGoesBackToThe31st() {
        RecurrenceRule rule = RecurrenceRule.monthlyOnDayOrLast(1, 31);

        assertThat(rule.nextDueAfterCompletion(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 28)))
                .contains(LocalDate.of(2027, 3, 31));
    }

    @Test
    void everyMonthFromAnOrdinaryDayIsUnchanged() {
        assertThat(quickAdd("Stretch every month", LocalDate.of(2027, 1, 15)).recurrence().toStored())
                .isEqualTo("FREQ=MONTHLY");
    }

    @Test
    void aCalendarsExplicitBymonthday31KeepsRfcMeaningAndSkipsShortMonths() {
        RecurrenceRule fromCalendar = RecurrenceRule.parse("FREQ=MONTHLY;BYMONTHDAY=31");

        assertThat(fromCalendar.nextOccurrences(LocalDate.of(2027, 1, 31), 4)).containsExactly(
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 7, 31),
                LocalDate.of(2027, 8, 31));
    }
}
