package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuickAddParserTest {

    // Wednesday 18 November 2026, 10:15 in Berlin. Expected dates below are read off a calendar.
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 10, 15, 0, 0, ZoneId.of("Europe/Berlin"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    static final LocalDate TOMORROW = LocalDate.of(2026, 11, 19);

    private final QuickAddParser parser = new QuickAddParser();

    private QuickAdd parse(String line) {
        return parser.parse(line, NOW);
    }

    @Test
    void readsTheFullExample() {
        QuickAdd q = parse("Pay rent tomorrow 9am #home !high every month");
        assertThat(q.title()).isEqualTo("Pay rent");
        assertThat(q.dueDate()).isEqualTo(TOMORROW);
        assertThat(q.dueTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(q.tags().names()).containsExactly("home");
        assertThat(q.priority()).isEqualTo(Priority.HIGH);
        assertThat(q.recurrence().toStored()).isEqualTo("FREQ=MONTHLY");
        assertThat(q.due()).isEqualTo(Due.at(TOMORROW, LocalTime.of(9, 0)));
    }

    @Test
    void reportsEachRecognisedPartWithItsSpan() {
        QuickAdd q = parse("Pay rent tomorrow 9am #home !high every month");
        assertThat(q.parts()).containsExactly(
                new QuickAddPart(QuickAddPart.Kind.DATE, 9, 17, "tomorrow"),
                new QuickAddPart(QuickAddPart.Kind.TIME, 18, 21, "9am"),
                new QuickAddPart(QuickAddPart.Kind.TAG, 22, 27, "#home"),
                new QuickAddPart(QuickAddPart.Kind.PRIORITY, 28, 33, "!high"),
                new QuickAddPart(QuickAddPart.Kind.RECURRENCE, 34, 45, "every month"));
    }

    @Test
    void plainTextHasNoParts() {
        QuickAdd q = parse("Buy milk");
        assertThat(q.title()).isEqualTo("Buy milk");
        assertThat(q.dueDate()).isNull();
        assertThat(q.dueTime()).isNull();
        assertThat(q.priority()).isNull();
        assertThat(q.tags()).isEqualTo(Tags.EMPTY);
        assertThat(q.recurrence()).isNull();
        assertThat(q.parts()).isEmpty();
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Task today,            2026-11-18",
                "Task tomorrow,         2026-11-19",
                "Task TMRW,             2026-11-19",
                "Task friday,           2026-11-20",
                "Task fri,              2026-11-20",
                "Task mon,              2026-11-23",
                "Task wednesday,        2026-11-25",
                "Task on saturday,      2026-11-21",
                "Task next friday,      2026-11-20",
                "Task next week,        2026-11-23",
                "Task in 3 days,        2026-11-21",
                "Task in 1 day,         2026-11-19",
                "Task in 2 weeks,       2026-12-02",
                "Task in 3 months,      2027-02-18",
                "Task 2026-12-24,       2026-12-24",
                "Task dec 24,           2026-12-24",
                "Task 24 dec,           2026-12-24",
                "Task december 24,      2026-12-24",
                "Task December 24th,    2026-12-24",
                "Task 24th of,          ",
                "Task jan 5,            2027-01-05",
                "Task nov 18,           2026-11-18",
                "Task nov 17,           2027-11-17",
                "Task feb 29,           2028-02-29",
                "Task dec 24 2027,      2027-12-24",
                "Task 1 may,            2027-05-01",
        })
        void readsDates(String line, LocalDate expected) {
            QuickAdd q = parse(line);
            assertThat(q.dueDate()).isEqualTo(expected);
            if (expected != null) {
                assertThat(q.title()).isEqualTo("Task");
                assertThat(q.parts()).extracting(QuickAddPart::kind).containsExactly(QuickAddPart.Kind.DATE);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"Task feb 30", "Task 2026-13-01", "Task in 99999999999 days", "Task 32 dec",
                "Task in days", "Task next", "Task on", "Task in 3 boxes"})
        void impossibleDatesStayInTheTitle(String line) {
            QuickAdd q = parse(line);
            assertThat(q.dueDate()).isNull();
            assertThat(q.title()).isEqualTo(line);
        }

        @Test
        void ordinaryUseOfInAndOnStaysInTheTitle() {
            assertThat(parse("Put it in 3 boxes").title()).isEqualTo("Put it in 3 boxes");
            assertThat(parse("Work on report").title()).isEqualTo("Work on report");
        }

        @Test
        void firstDateWinsAndTheSecondStaysInTheTitle() {
            QuickAdd q = parse("Meet friday or monday");
            assertThat(q.dueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(q.title()).isEqualTo("Meet or monday");
        }

        @Test
        void trailingPunctuationDoesNotHideADate() {
            QuickAdd q = parse("Call mom tomorrow, then dad");
            assertThat(q.dueDate()).isEqualTo(TOMORROW);
            assertThat(q.title()).isEqualTo("Call mom then dad");
            assertThat(q.parts().get(0).text()).isEqualTo("tomorrow");
        }
    }

    @Nested
    class Times {

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource({
                "Call tomorrow 9am,        2026-11-19, 09:00",
                "Call tomorrow 9:30pm,     2026-11-19, 21:30",
                "Call tomorrow 17:30,      2026-11-19, 17:30",
                "Call tomorrow at 5pm,     2026-11-19, 17:00",
                "Call tomorrow at 17,      2026-11-19, 17:00",
                "Call tomorrow 9 pm,       2026-11-19, 21:00",
                "Call tomorrow 12am,       2026-11-19, 00:00",
                "Call tomorrow 12pm,       2026-11-19, 12:00",
                "Call tomorrow noon,       2026-11-19, 12:00",
                "Call 5pm tomorrow,        2026-11-19, 17:00",
                "Call 17:30,               2026-11-18, 17:30",
                "Call 9am,                 2026-11-19, 09:00",
        })
        void readsTimes(String line, LocalDate date, LocalTime time) {
            QuickAdd q = parse(line);
            assertThat(q.title()).isEqualTo("Call");
            assertThat(q.dueDate()).isEqualTo(date);
            assertThat(q.dueTime()).isEqualTo(time);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"7:15pm, 19:15", "7:15 PM, 19:15", "at 5pm, 17:00", "noon, 12:00", "09:30, 09:30", "9:30, 09:30"})
        void theTimeReaderTakesAWholeFieldAsQuickAddDoes(String text, LocalTime expected) {
            assertThat(TimeWords.read(text)).isEqualTo(expected);
            assertThat(parse("Call tomorrow " + text).dueTime()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "9", "25:99", "9.30", "7:15pm tomorrow", "soon"})
        void theTimeReaderRefusesWhatIsNotAllATime(String text) {
            assertThat(TimeWords.read(text)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Call 13pm", "Call 25:00", "Call 9:75", "Meet at cafe", "Call 0am", "Lift 9"})
        void impossibleTimesStayInTheTitle(String line) {
            QuickAdd q = parse(line);
            assertThat(q.dueTime()).isNull();
            assertThat(q.title()).isEqualTo(line);
        }
    }

    @Nested
    class PrioritiesAndTags {

        @ParameterizedTest
        @CsvSource({"Task !low, LOW", "Task !medium, MEDIUM", "Task !MED, MEDIUM", "Task !high, HIGH",
                "Task !none, NONE", "Task !1, HIGH", "Task !2, MEDIUM", "Task !3, LOW"})
        void readsPriorities(String line, Priority expected) {
            QuickAdd q = parse(line);
            assertThat(q.priority()).isEqualTo(expected);
            assertThat(q.title()).isEqualTo("Task");
        }

        @Test
        void unknownPriorityStaysInTheTitle() {
            QuickAdd q = parse("Task !urgent");
            assertThat(q.priority()).isNull();
            assertThat(q.title()).isEqualTo("Task !urgent");
        }

        @Test
        void readsAllTagsNormalised() {
            QuickAdd q = parse("#Work Report #home/garden due");
            assertThat(q.tags().names()).containsExactly("home/garden", "work");
            assertThat(q.title()).isEqualTo("Report due");
        }

        @Test
        void invalidTagStaysInTheTitle() {
            QuickAdd q = parse("Task #bad!tag #");
            assertThat(q.tags()).isEqualTo(Tags.EMPTY);
            assertThat(q.title()).isEqualTo("Task #bad!tag #");
        }
    }

    @Nested
    class Recurrences {

        @ParameterizedTest(name = "{0} -> {1} from {2}")
        @CsvSource(delimiter = '|', value = {
                "Stretch every day           | FREQ=DAILY                     | 2026-11-18",
                "Stretch daily               | FREQ=DAILY                     | 2026-11-18",
                "Stretch every weekday       | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | 2026-11-18",
                "Stretch every week          | FREQ=WEEKLY                    | 2026-11-18",
                "Stretch weekly              | FREQ=WEEKLY                    | 2026-11-18",
                "Stretch every month         | FREQ=MONTHLY                   | 2026-11-18",
                "Stretch monthly             | FREQ=MONTHLY                   | 2026-11-18",
                "Stretch every year          | FREQ=YEARLY                    | 2026-11-18",
                "Stretch yearly              | FREQ=YEARLY                    | 2026-11-18",
                "Stretch every 2 weeks       | FREQ=WEEKLY;INTERVAL=2         | 2026-11-18",
                "Stretch every other day     | FREQ=DAILY;INTERVAL=2          | 2026-11-18",
                "Stretch every 3 days after completion | FREQ=DAILY;INTERVAL=3;X-FROM=DONE | 2026-11-18",
                "Stretch every monday        | FREQ=WEEKLY;BYDAY=MO           | 2026-11-23",
                "Stretch every monday and thursday | FREQ=WEEKLY;BYDAY=MO,TH  | 2026-11-19",
                "Stretch every mon, wed      | FREQ=WEEKLY;BYDAY=MO,WE        | 2026-11-18",
                "Stretch every mon,fri       | FREQ=WEEKLY;BYDAY=MO,FR        | 2026-11-20",
                "Stretch every 2 weeks on tue & sat | FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA | 2026-11-21",
                "Stretch every 2nd tuesday   | FREQ=MONTHLY;BYDAY=2TU         | 2026-12-08",
                "Stretch every last friday   | FREQ=MONTHLY;BYDAY=-1FR        | 2026-11-27",
                "Stretch every first monday  | FREQ=MONTHLY;BYDAY=1MO         | 2026-12-07",
                "Stretch every 15th          | FREQ=MONTHLY;BYMONTHDAY=15     | 2026-12-15",
        })
        void readsRecurrencesAndStartsAtTheFirstOccurrence(String line, String stored, LocalDate due) {
            QuickAdd q = parse(line);
            assertThat(q.recurrence()).isNotNull();
            assertThat(q.recurrence().toStored()).isEqualTo(stored);
            assertThat(q.dueDate()).isEqualTo(due);
            assertThat(q.title()).isEqualTo("Stretch");
        }

        @Test
        void explicitDateWinsOverTheFirstOccurrence() {
            QuickAdd q = parse("Stretch every monday dec 7");
            assertThat(q.dueDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        }

        @Test
        void dailyAtATimeAlreadyPastStartsTomorrow() {
            QuickAdd q = parse("Stretch every day at 9am");
            assertThat(q.dueDate()).isEqualTo(TOMORROW);
            assertThat(q.dueTime()).isEqualTo(LocalTime.of(9, 0));
        }

        @Test
        void fifthWeekdayIsNotARepeatButTheWeekdayIsStillADate() {
            QuickAdd q = parse("Stretch every 5th friday");
            assertThat(q.recurrence()).isNull();
            assertThat(q.dueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(q.title()).isEqualTo("Stretch every 5th");
        }

        @Test
        void trailingAndIsNotPartOfTheDayList() {
            QuickAdd q = parse("Gym every monday and stretch");
            assertThat(q.recurrence().toStored()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
            assertThat(q.title()).isEqualTo("Gym and stretch");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Stretch every 0 weeks", "Stretch every 1000 days", "Stretch every",
                "Stretch every 32nd"})
        void impossibleRecurrencesStayInTheTitle(String line) {
            QuickAdd q = parse(line);
            assertThat(q.recurrence()).isNull();
            assertThat(q.title()).isEqualTo(line);
        }
    }

    /** Issue 13: words that are part of the title stay there; quotes keep words literal. */
    @Nested
    class WordsThatBelongToTheTitle {

        @ParameterizedTest
        @ValueSource(strings = {"Watch Friday Night Lights season 2", "Email Monday notes to team",
                "Buy sun cream", "Read may 5 chapters"})
        void aDateWordFollowedByMoreTitleWordsStaysInTheTitle(String line) {
            QuickAdd q = parse(line);
            assertThat(q.title()).isEqualTo(line);
            assertThat(q.dueDate()).isNull();
            assertThat(q.parts()).isEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Email notes Monday           | 2026-11-23 | Email notes",
                "Email Monday 9am notes       | 2026-11-23 | Email notes",
                "Email Monday #work notes     | 2026-11-23 | Email notes",
                "Email Monday, notes to team  | 2026-11-23 | Email notes to team",
                "Email Monday and Tuesday     | 2026-11-23 | Email and Tuesday",
                "Email dec 24 at 5pm notes    | 2026-12-24 | Email notes",
        })
        void aDateAtTheEndOrBeforeAnotherPartIsADate(String line, LocalDate due, String title) {
            QuickAdd q = parse(line);
            assertThat(q.dueDate()).isEqualTo(due);
            assertThat(q.title()).isEqualTo(title);
        }

        @Test
        void aRepeatWordThatStartsTheTitleStaysThereAndTheRepeatAfterItIsRead() {
            QuickAdd q = parse("Weekly sync every 2 weeks until dec 31");
            assertThat(q.title()).isEqualTo("Weekly sync");
            assertThat(q.recurrence().toStored()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231");
            assertThat(q.dueDate()).isEqualTo(TODAY);
            assertThat(q.parts()).containsExactly(
                    new QuickAddPart(QuickAddPart.Kind.RECURRENCE, 12, 38, "every 2 weeks until dec 31"));
        }

        @Test
        void aRepeatWordAtTheEndIsStillARepeat() {
            assertThat(parse("Team sync weekly").recurrence().toStored()).isEqualTo("FREQ=WEEKLY");
            assertThat(parse("Team sync weekly #work").title()).isEqualTo("Team sync");
        }

        @Test
        void quotesKeepWordsLiteralAndAreNotPartOfTheTitle() {
            QuickAdd q = parse("Watch \"Friday Night Lights\"");
            assertThat(q.title()).isEqualTo("Watch Friday Night Lights");
            assertThat(q.dueDate()).isNull();
            assertThat(q.parts()).isEmpty();
        }

        @Test
        void quotedWordsStayLiteralBesideRealParts() {
            QuickAdd q = parse("Read \"tomorrow #never\" tomorrow #books");
            assertThat(q.title()).isEqualTo("Read tomorrow #never");
            assertThat(q.dueDate()).isEqualTo(TOMORROW);
            assertThat(q.tags().names()).containsExactly("books");
            assertThat(q.parts()).extracting(QuickAddPart::text).containsExactly("tomorrow", "#books");
        }

        @Test
        void anUnclosedQuoteIsAnOrdinaryCharacter() {
            QuickAdd q = parse("Say \"hi tomorrow");
            assertThat(q.title()).isEqualTo("Say \"hi");
            assertThat(q.dueDate()).isEqualTo(TOMORROW);
        }
    }

    @Nested
    class WordsGivenBack {

        @Test
        void aWordGivenBackIsTitleAndTheNextDateIsRead() {
            QuickAdd q = parser.parse("Meet friday or monday", NOW, java.util.Set.of(5));
            assertThat(q.title()).isEqualTo("Meet friday or");
            assertThat(q.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(q.parts()).extracting(QuickAddPart::text).containsExactly("monday");
        }

        @Test
        void aRepeatGivenBackWordByWordIsAllTitle() {
            QuickAdd q = parser.parse("Stretch every 2 weeks", NOW, java.util.Set.of(8, 14, 16, 99));
            assertThat(q.title()).isEqualTo("Stretch every 2 weeks");
            assertThat(q.recurrence()).isNull();
            assertThat(q.parts()).isEmpty();
        }
    }

    @Nested
    class RepeatEnds {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Stretch every day until dec 31          | FREQ=DAILY;UNTIL=20261231",
                "Stretch every day for 10 times          | FREQ=DAILY;COUNT=10",
                "Stretch every monday for 3 times        | FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                "Stretch daily for 1 time                | FREQ=DAILY;COUNT=1",
                "Stretch every 3 days after completion for 5 times | FREQ=DAILY;INTERVAL=3;COUNT=5;X-FROM=DONE",
        })
        void readsUntilAndForSoManyTimesAfterARepeat(String line, String stored) {
            QuickAdd q = parse(line);
            assertThat(q.title()).isEqualTo("Stretch");
            assertThat(q.recurrence().toStored()).isEqualTo(stored);
        }

        @Test
        void forWithoutARepeatStaysInTheTitle() {
            assertThat(parse("Practise for 3 times").title()).isEqualTo("Practise for 3 times");
            QuickAdd q = parse("Stretch every day for 3 weeks");
            assertThat(q.title()).isEqualTo("Stretch for 3 weeks");
            assertThat(q.recurrence().toStored()).isEqualTo("FREQ=DAILY");
        }
    }

    @Nested
    class Title {

        @Test
        void isSingleSpacedAndInOrder() {
            assertThat(parse("  Buy \t milk   tomorrow  now ").title()).isEqualTo("Buy milk now");
        }

        @Test
        void isTheWholeLineWhenNothingElseIsLeft() {
            QuickAdd q = parse("tomorrow  #home");
            assertThat(q.title()).isEqualTo("tomorrow #home");
            assertThat(q.dueDate()).isEqualTo(TOMORROW);
            assertThat(q.tags().names()).containsExactly("home");
        }

        @Test
        void nullAndBlankLinesGiveAnEmptyTitle() {
            assertThat(parser.parse(null, NOW).title()).isEmpty();
            assertThat(parser.parse("   ", NOW).title()).isEmpty();
        }
    }
}
