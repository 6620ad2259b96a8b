package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of RFC 5545 section 3.8.5.3 that fit a task, each with the RFC's own dates, typed from the RFC's
 * text (never computed). All examples there start at 09:00 in America/New_York; a task due then is the first
 * occurrence (the DTSTART), and the next dates are what completing it on time gives, one after the other.
 *
 * <p>Dates are written as {@code yyyy-mm:days}, days being single days and ranges ({@code 2-30}); a list that the
 * RFC ends with "..." is compared as far as the RFC goes; a list with COUNT or UNTIL must also end where it ends.
 */
class RecurrenceRuleRfcExamplesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Daily for 10 occurrences | 1997-09-02 | FREQ=DAILY;COUNT=10 | 1997-09:2-11 | ends",
        "Daily until December 24, 1997 | 1997-09-02 | FREQ=DAILY;UNTIL=19971224T000000Z"
            + " | 1997-09:2-30 1997-10:1-25 1997-10:26-31 1997-11:1-30 1997-12:1-23 | ends",
        "Every other day - forever | 1997-09-02 | FREQ=DAILY;INTERVAL=2"
            + " | 1997-09:2,4,6,8,10,12,14,16,18,20,22,24,26,28,30 1997-10:2,4,6,8,10,12,14,16,18,20,22,24"
            + " 1997-10:26,28,30 1997-11:1,3,5,7,9,11,13,15,17,19,21,23,25,27,29 1997-12:1,3 | goes on",
        "Every 10 days, 5 occurrences | 1997-09-02 | FREQ=DAILY;INTERVAL=10;COUNT=5 | 1997-09:2,12,22 1997-10:2,12 | ends",
        "Every day in January, for 3 years (yearly) | 1998-01-01"
            + " | FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"
            + " | 1998-01:1-31 1999-01:1-31 2000-01:1-31 | ends",
        "Every day in January, for 3 years (daily) | 1998-01-01 | FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1"
            + " | 1998-01:1-31 1999-01:1-31 2000-01:1-31 | ends",
        "Weekly for 10 occurrences | 1997-09-02 | FREQ=WEEKLY;COUNT=10"
            + " | 1997-09:2,9,16,23,30 1997-10:7,14,21 1997-10:28 1997-11:4 | ends",
        "Weekly until December 24, 1997 | 1997-09-02 | FREQ=WEEKLY;UNTIL=19971224T000000Z"
            + " | 1997-09:2,9,16,23,30 1997-10:7,14,21 1997-10:28 1997-11:4,11,18,25 1997-12:2,9,16,23 | ends",
        "Every other week - forever | 1997-09-02 | FREQ=WEEKLY;INTERVAL=2;WKST=SU"
            + " | 1997-09:2,16,30 1997-10:14 1997-10:28 1997-11:11,25 1997-12:9,23 1998-01:6,20 1998-02:3,17 | goes on",
        "Weekly on Tuesday and Thursday for five weeks (until) | 1997-09-02"
            + " | FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"
            + " | 1997-09:2,4,9,11,16,18,23,25,30 1997-10:2 | ends",
        "Weekly on Tuesday and Thursday for five weeks (count) | 1997-09-02 | FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH"
            + " | 1997-09:2,4,9,11,16,18,23,25,30 1997-10:2 | ends",
        "Every other week on Monday, Wednesday, and Friday until December 24, 1997 | 1997-09-01"
            + " | FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"
            + " | 1997-09:1,3,5,15,17,19,29 1997-10:1,3,13,15,17 1997-10:27,29,31 1997-11:10,12,14,24,26,28"
            + " 1997-12:8,10,12,22 | ends",
        "Every other week on Tuesday and Thursday, for 8 occurrences | 1997-09-02"
            + " | FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH | 1997-09:2,4,16,18,30 1997-10:2,14,16 | ends",
        "Monthly on the first Friday for 10 occurrences | 1997-09-05 | FREQ=MONTHLY;COUNT=10;BYDAY=1FR"
            + " | 1997-09:5 1997-10:3 1997-11:7 1997-12:5 1998-01:2 1998-02:6 1998-03:6 1998-04:3 1998-05:1 1998-06:5"
            + " | ends",
        "Monthly on the first Friday until December 24, 1997 | 1997-09-05"
            + " | FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR | 1997-09:5 1997-10:3 1997-11:7 1997-12:5 | ends",
        "Every other month on the first and last Sunday of the month for 10 occurrences | 1997-09-07"
            + " | FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU"
            + " | 1997-09:7,28 1997-11:2,30 1998-01:4,25 1998-03:1,29 1998-05:3,31 | ends",
        "Monthly on the second-to-last Monday of the month for 6 months | 1997-09-22 | FREQ=MONTHLY;COUNT=6;BYDAY=-2MO"
            + " | 1997-09:22 1997-10:20 1997-11:17 1997-12:22 1998-01:19 1998-02:16 | ends",
        "Monthly on the third-to-the-last day of the month, forever | 1997-09-28 | FREQ=MONTHLY;BYMONTHDAY=-3"
            + " | 1997-09:28 1997-10:29 1997-11:28 1997-12:29 1998-01:29 1998-02:26 | goes on",
        "Monthly on the 2nd and 15th of the month for 10 occurrences | 1997-09-02 | FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15"
            + " | 1997-09:2,15 1997-10:2,15 1997-11:2,15 1997-12:2,15 1998-01:2,15 | ends",
        "Monthly on the first and last day of the month for 10 occurrences | 1997-09-30"
            + " | FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1"
            + " | 1997-09:30 1997-10:1 1997-10:31 1997-11:1,30 1997-12:1,31 1998-01:1,31 1998-02:1 | ends",
        "Every 18 months on the 10th thru 15th of the month for 10 occurrences | 1997-09-10"
            + " | FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15"
            + " | 1997-09:10,11,12,13,14,15 1999-03:10,11,12,13 | ends",
        "Every Tuesday, every other month | 1997-09-02 | FREQ=MONTHLY;INTERVAL=2;BYDAY=TU"
            + " | 1997-09:2,9,16,23,30 1997-11:4,11,18,25 1998-01:6,13,20,27 1998-03:3,10,17,24,31 | goes on",
        "Yearly in June and July for 10 occurrences | 1997-06-10 | FREQ=YEARLY;COUNT=10;BYMONTH=6,7"
            + " | 1997-06:10 1997-07:10 1998-06:10 1998-07:10 1999-06:10 1999-07:10 2000-06:10 2000-07:10"
            + " 2001-06:10 2001-07:10 | ends",
        "Every other year on January, February, and March for 10 occurrences | 1997-03-10"
            + " | FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3"
            + " | 1997-03:10 1999-01:10 1999-02:10 1999-03:10 2001-01:10 2001-02:10 2001-03:10 2003-01:10 2003-02:10"
            + " 2003-03:10 | ends",
        "Every third year on the 1st, 100th, and 200th day for 10 occurrences | 1997-01-01"
            + " | FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200"
            + " | 1997-01:1 1997-04:10 1997-07:19 2000-01:1 2000-04:9 2000-07:18 2003-01:1 2003-04:10 2003-07:19"
            + " 2006-01:1 | ends",
        "Every 20th Monday of the year, forever | 1997-05-19 | FREQ=YEARLY;BYDAY=20MO"
            + " | 1997-05:19 1998-05:18 1999-05:17 | goes on",
        "Monday of week number 20, forever | 1997-05-12 | FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"
            + " | 1997-05:12 1998-05:11 1999-05:17 | goes on",
        "Every Thursday in March, forever | 1997-03-13 | FREQ=YEARLY;BYMONTH=3;BYDAY=TH"
            + " | 1997-03:13,20,27 1998-03:5,12,19,26 1999-03:4,11,18,25 | goes on",
        "Every Thursday, but only during June, July, and August, forever | 1997-06-05 | FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8"
            + " | 1997-06:5,12,19,26 1997-07:3,10,17,24,31 1997-08:7,14,21,28 1998-06:4,11,18,25 1998-07:2,9,16,23,30"
            + " 1998-08:6,13,20,27 1999-06:3,10,17,24 1999-07:1,8,15,22,29 1999-08:5,12,19,26 | goes on",
        "The first Saturday that follows the first Sunday of the month, forever | 1997-09-13"
            + " | FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"
            + " | 1997-09:13 1997-10:11 1997-11:8 1997-12:13 1998-01:10 1998-02:7 1998-03:7 1998-04:11 1998-05:9"
            + " 1998-06:13 | goes on",
        "Every 4 years, the first Tuesday after a Monday in November, forever | 1996-11-05"
            + " | FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"
            + " | 1996-11:5 2000-11:7 2004-11:2 | goes on",
        "The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months | 1997-09-04"
            + " | FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3 | 1997-09:4 1997-10:7 1997-11:6 | ends",
        "The second-to-last weekday of the month | 1997-09-29 | FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"
            + " | 1997-09:29 1997-10:30 1997-11:27 1997-12:30 1998-01:29 1998-02:26 1998-03:30 | goes on",
        "WKST=MO makes a difference | 1997-08-05 | FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"
            + " | 1997-08:5,10,19,24 | ends",
        "WKST=SU makes a difference | 1997-08-05 | FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"
            + " | 1997-08:5,17,19,31 | ends",
        "An invalid date (February 30) is ignored | 2007-01-15 | FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5"
            + " | 2007-01:15,30 2007-02:15 2007-03:15,30 | ends",
    })
    void aTaskDueAtTheRfcsStartFollowsTheRfcsDates(String example, LocalDate start, String rrule, String rfcDates,
                                                   String end) {
        RecurrenceRule rule = RecurrenceRule.parse(rrule);
        List<LocalDate> expected = dates(rfcDates);
        assertThat(expected.get(0)).as("the RFC's first date is its DTSTART").isEqualTo(start);

        boolean ends = end.equals("ends");
        int wanted = ends ? expected.size() + 5 : expected.size() - 1;
        List<LocalDate> occurrences = new ArrayList<>();
        occurrences.add(start);
        occurrences.addAll(rule.nextOccurrences(Due.at(start, NINE), NEW_YORK, wanted));

        assertThat(occurrences).as(example).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Daily for 10 occurrences | 1997-09-02 | FREQ=DAILY;COUNT=10 | 1997-09:2-11",
        "Monthly on the first Friday until December 24, 1997 | 1997-09-05 | FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR"
            + " | 1997-09:5 1997-10:3 1997-11:7 1997-12:5",
        "The second-to-last weekday of the month | 1997-09-29 | FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"
            + " | 1997-09:29 1997-10:30 1997-11:27 1997-12:30 1998-01:29 1998-02:26 1998-03:30",
    })
    void completingEachOccurrenceOnTimeWalksTheRfcsDatesAndEndsWithThem(String example, LocalDate start, String rrule,
                                                                       String rfcDates) {
        List<LocalDate> expected = dates(rfcDates);
        Task task = Task.create("RFC example", java.time.Instant.EPOCH).withDue(Due.at(start, NINE), java.time.Instant.EPOCH)
                .withRecurrence(RecurrenceRule.parse(rrule), java.time.Instant.EPOCH);
        List<LocalDate> walked = new ArrayList<>();
        for (int i = 0; i < expected.size() + 2 && !task.completed(); i++) {
            walked.add(task.due().date());
            task = TaskCompletion.complete(task, task.due().date(), java.time.Instant.EPOCH, NEW_YORK).task();
        }
        boolean forever = !rrule.contains("COUNT") && !rrule.contains("UNTIL");
        assertThat(forever ? walked.subList(0, expected.size()) : walked).as(example).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
        "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
        "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
        "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
    })
    void rulesThatRepeatWithinADayAreRefusedWithTheReason(String rrule) {
        assertThatThrownBy(() -> RecurrenceRule.parse(rrule))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("a task repeats by whole days");
    }

    /** "1997-09:2-4,7 1997-10:1" → 2, 3, 4, 7 September and 1 October 1997. */
    private static List<LocalDate> dates(String rfc) {
        List<LocalDate> dates = new ArrayList<>();
        for (String month : rfc.trim().split("\\s+")) {
            String[] yearMonth = month.substring(0, month.indexOf(':')).split("-");
            int year = Integer.parseInt(yearMonth[0]);
            int monthNumber = Integer.parseInt(yearMonth[1]);
            for (String days : month.substring(month.indexOf(':') + 1).split(",")) {
                String[] range = days.split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length == 1 ? from : Integer.parseInt(range[1]);
                for (int day = from; day <= to; day++) {
                    dates.add(LocalDate.of(year, monthNumber, day));
                }
            }
        }
        return dates;
    }
}
