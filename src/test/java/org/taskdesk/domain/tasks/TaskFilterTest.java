package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskFilterTest {

    // Wednesday 18 November 2026, 10:15 in Berlin.
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 10, 15, 0, 0, ZoneId.of("Europe/Berlin"));
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static Task task(String title, String description, boolean done, Priority p, Tags tags, Due due,
                             RecurrenceRule rule) {
        return new Task(0, title, description, done, p, tags, due, rule, T, T, done ? T : null);
    }

    // A small, fixed list; each test names which of them it expects.
    private static final List<Task> TASKS = List.of(
            task("Quarterly report", "numbers for Q3", false, Priority.HIGH, Tags.of("work/reports"),
                    Due.on(LocalDate.of(2026, 11, 18)), null),
            task("Team lunch", "", false, Priority.LOW, Tags.of("work"),
                    Due.at(LocalDate.of(2026, 11, 18), LocalTime.of(9, 0)), null),
            task("Water plants", "balcony", false, Priority.NONE, Tags.of("home"),
                    Due.on(LocalDate.of(2026, 11, 16)), RecurrenceRule.daily(2)),
            task("Pay rent", "", true, Priority.HIGH, Tags.of("home", "money"),
                    Due.on(LocalDate.of(2026, 11, 1)), null),
            task("Read book", "the quarterly Economist", false, Priority.MEDIUM, Tags.EMPTY, null, null),
            task("Dentist", "", false, Priority.NONE, Tags.of("health"),
                    Due.at(LocalDate.of(2026, 11, 19), LocalTime.of(8, 0)), null),
            task("Book flights", "", false, Priority.MEDIUM, Tags.of("travel"),
                    Due.on(LocalDate.of(2026, 11, 25)), null),
            task("Renew passport", "", false, Priority.LOW, Tags.of("travel"),
                    Due.on(LocalDate.of(2026, 12, 24)), null),
            task("Workshop prep", "", false, Priority.NONE, Tags.of("workshop"), null, null));

    private static List<String> titlesMatching(String filter) {
        TaskFilter f = TaskFilter.parse(filter);
        return TASKS.stream().filter(t -> f.matches(t, NOW)).map(Task::title).collect(Collectors.toList());
    }

    @Test
    void blankFilterMatchesEverything() {
        assertThat(titlesMatching("")).hasSize(TASKS.size());
        assertThat(titlesMatching("   ")).hasSize(TASKS.size());
        assertThat(TaskFilter.parse(null).matchesEverything()).isTrue();
    }

    @Test
    void tagMatchesItselfAndItsChildrenButNotOtherTagsWithTheSamePrefix() {
        assertThat(titlesMatching("#work")).containsExactly("Quarterly report", "Team lunch");
        assertThat(titlesMatching("#WORK/reports")).containsExactly("Quarterly report");
        assertThat(titlesMatching("tag:home")).containsExactly("Water plants", "Pay rent");
    }

    @Test
    void priority() {
        assertThat(titlesMatching("priority:high")).containsExactly("Quarterly report", "Pay rent");
        assertThat(titlesMatching("priority:MED")).containsExactly("Read book", "Book flights");
        assertThat(titlesMatching("priority:none"))
                .containsExactly("Water plants", "Dentist", "Workshop prep");
    }

    @Test
    void dueWords() {
        assertThat(titlesMatching("due:today")).containsExactly("Quarterly report", "Team lunch");
        assertThat(titlesMatching("due:tomorrow")).containsExactly("Dentist");
        // Team lunch was at 09:00 today and it is 10:15; Pay rent is past but done.
        assertThat(titlesMatching("due:overdue")).containsExactly("Team lunch", "Water plants");
        assertThat(titlesMatching("due:none")).containsExactly("Read book", "Workshop prep");
        assertThat(titlesMatching("due:2026-12-24")).containsExactly("Renew passport");
    }

    @Test
    void dueInNextDaysCountsToday() {
        // 7d: 18 to 24 Nov; 8d reaches 25 Nov.
        assertThat(titlesMatching("due:7d")).containsExactly("Quarterly report", "Team lunch", "Dentist");
        assertThat(titlesMatching("due:8d")).containsExactly("Quarterly report", "Team lunch", "Dentist",
                "Book flights");
    }

    @Test
    void states() {
        assertThat(titlesMatching("is:done")).containsExactly("Pay rent");
        assertThat(titlesMatching("is:open")).hasSize(TASKS.size() - 1).doesNotContain("Pay rent");
        assertThat(titlesMatching("is:recurring")).containsExactly("Water plants");
    }

    @Test
    void freeWordsSearchTitleDescriptionAndTagsIgnoringCase() {
        assertThat(titlesMatching("QUARTERLY")).containsExactly("Quarterly report", "Read book");
        assertThat(titlesMatching("balcony")).containsExactly("Water plants");
        assertThat(titlesMatching("money")).containsExactly("Pay rent");
        assertThat(titlesMatching("\"quarterly report\"")).containsExactly("Quarterly report");
        assertThat(titlesMatching("quarterly report")).containsExactly("Quarterly report");
        assertThat(titlesMatching("book")).containsExactly("Read book", "Book flights");
    }

    @Test
    void textMatchingFoldsCaseBeyondAscii() {
        Task t = task("Küche PUTZEN", "", false, null, null, null, null);
        assertThat(TaskFilter.parse("KÜCHE").matches(t, NOW)).isTrue();
        assertThat(TaskFilter.parse("putzen").matches(t, NOW)).isTrue();
        assertThat(TaskFilter.parse("\"che p\"").matches(t, NOW)).isTrue();
        assertThat(TaskFilter.parse("kuche").matches(t, NOW)).as("accents are ignored too").isTrue();
        assertThat(TaskFilter.parse("kiche").matches(t, NOW)).isFalse();
    }

    @Test
    void textMatchingIgnoresAccentsAndCase() {
        Task cafe = task("Café with Zoë", "crème brûlée", false, null, Tags.of("señor"), null, null);
        Task decomposed = task("Cafe\u0301 noir", "", false, null, null, null, null); // e + combining acute
        Task plain = task("cafe", "", false, null, null, null, null);

        for (String word : List.of("cafe", "CAFE", "café", "CAFÉ", "zoe", "creme brulee", "\"creme brulee\"", "senor")) {
            assertThat(TaskFilter.parse(word).matches(cafe, NOW)).as(word).isTrue();
        }
        assertThat(TaskFilter.parse("\"cafe noir\"").matches(decomposed, NOW)).isTrue();
        assertThat(TaskFilter.parse("CAFÉ").matches(plain, NOW)).isTrue();
        assertThat(TaskFilter.parse("cafes").matches(cafe, NOW)).isFalse();
        assertThat(TaskFilter.parse("\"café w\"").matches(plain, NOW)).isFalse();
    }

    @Test
    void textMatchingFindsKoreanAndKanaAsTyped() {
        Task meeting = task("회의 준비", "がっこう", false, null, null, null, null);
        for (String word : List.of("회의", "준비", "\"회의 준\"", "がっこう", "が")) {
            assertThat(TaskFilter.parse(word).matches(meeting, NOW)).as(word).isTrue();
            assertThat(TaskFilter.parse(word).matches(meeting, TaskFilter.searchTextOf(meeting), NOW)).as(word).isTrue();
        }
        assertThat(TaskFilter.parse("회의록").matches(meeting, NOW)).isFalse();
    }

    @Test
    void searchTextKeptWithTheTaskFindsWhatTheTaskItselfFinds() {
        Task cafe = task("Café with Zoë", "crème brûlée", false, null, Tags.of("señor", "work/reports"), null, null);
        Task decomposed = task("Cafe\u0301 noir", "", false, null, null, null, null);
        Task split = task("Pay re", "nt now", false, null, Tags.of("mon", "ey"), null, null);
        List<String> words = List.of("cafe", "CAFÉ", "zoe", "\"creme brulee\"", "senor", "reports", "\"cafe noir\"",
                "cafes", "\"café w\"", "rent", "money", "\"re nt\"", "\"with zoe\" | senor", "!brulee", "#work creme", "");
        for (Task t : List.of(cafe, decomposed, split)) {
            String searchText = TaskFilter.searchTextOf(t);
            for (String word : words) {
                TaskFilter filter = TaskFilter.parse(word);
                assertThat(filter.matches(t, searchText, NOW)).as("%s in %s", word, t.title())
                        .isEqualTo(filter.matches(t, NOW));
            }
        }
        // Parts are kept apart: a word does not run from the title into the description, nor across two tags.
        assertThat(TaskFilter.parse("rent").matches(split, TaskFilter.searchTextOf(split), NOW)).isFalse();
        assertThat(TaskFilter.parse("money").matches(split, TaskFilter.searchTextOf(split), NOW)).isFalse();
        assertThat(TaskFilter.parse("brulee").matches(cafe, TaskFilter.searchTextOf(cafe), NOW)).isTrue();
    }

    @Test
    void unknownKeyIsAnOrdinaryWord() {
        assertThat(titlesMatching("q3:")).isEmpty();
        assertThat(titlesMatching("for:")).isEmpty();
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        // a | b & c  ==  a | (b & c)
        assertThat(titlesMatching("#health | #work & priority:low")).containsExactly("Team lunch", "Dentist");
        assertThat(titlesMatching("(#health | #work) & priority:low")).containsExactly("Team lunch");
        // !a & b == (!a) & b
        assertThat(titlesMatching("!#work & due:today")).isEmpty();
        assertThat(titlesMatching("!(#work & due:today)")).hasSize(TASKS.size() - 2);
    }

    @Test
    void minusNegatesAndJuxtapositionMeansAnd() {
        assertThat(titlesMatching("#travel -priority:low")).containsExactly("Book flights");
        assertThat(titlesMatching("#home -is:done")).containsExactly("Water plants");
        assertThat(titlesMatching("!!is:done")).containsExactly("Pay rent");
    }

    @Test
    void theFullExample() {
        assertThat(titlesMatching("#work & (due:today | due:overdue) & priority:high & !is:done \"quarterly report\""))
                .containsExactly("Quarterly report");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", value = {
            "#work & (due:today ~ 8 ~ Unclosed \"(\" at position 8: add \")\"",
            "priority:urgent ~ 9 ~ Unknown priority \"urgent\" at position 9: use high, medium, low or none",
            "#a (b ~ 3 ~ Unclosed \"(\" at position 3: add \")\"",
            "a ) ~ 2 ~ Unexpected \")\" at position 2: remove it or add a \"(\" before it",
            "a & ~ 2 ~ Nothing after \"&\" at position 2: add a term after it or remove the \"&\"",
            "& a ~ 0 ~ Nothing before \"&\" at position 0: add a term before it or remove the \"&\"",
            "a | | b ~ 4 ~ Nothing before \"|\" at position 4: add a term before it or remove the \"|\"",
            "a & () ~ 4 ~ Empty parentheses at position 4: put a term inside or remove them",
            "x ! ~ 2 ~ Nothing after \"!\" at position 2: add the term to leave out, or remove the \"!\"",
            "say \"hi ~ 4 ~ Unclosed quote at position 4: add a closing \"",
            "due:soon ~ 4 ~ Unknown due date \"soon\" at position 4: use today, tomorrow, overdue, none, 7d or a date such as 2026-12-24",
            "due:2026-02-30 ~ 4 ~ Date \"2026-02-30\" at position 4 does not exist: use a real date such as 2026-12-24",
            "due:0d ~ 4 ~ \"due:0d\" at position 4 covers no days: use 1d or more",
            "is:late ~ 3 ~ Unknown state \"late\" at position 3: use is:done, is:open or is:recurring",
            "# ~ 0 ~ Empty tag at position 0: type a name after \"#\"",
            "#a.b ~ 1 ~ Tag \"a.b\" at position 1 is not valid: use letters, digits, -, _ and /",
            "priority: ~ 9 ~ Missing priority at position 9: use high, medium, low or none",
    })
    void malformedFiltersPointAtTheProblem(String filter, int position, String message) {
        assertThatThrownBy(() -> TaskFilter.parse(filter))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
        assertThatThrownBy(() -> TaskFilter.parse(deep)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("Too many nested parentheses");
        assertThat(TaskFilter.parse("(".repeat(50) + "home" + ")".repeat(50)).matches(TASKS.get(2), NOW)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-b", "10:30", "re:budget", "wow!", "-", "x -- y"})
    void punctuationInsideWordsIsText(String filter) {
        TaskFilter f = TaskFilter.parse(filter);
        Task t = task("note " + filter.replace("\"", ""), "", false, null, null, null, null);
        assertThat(f.matches(t, NOW)).isTrue();
    }

    @Test
    void matchingDoesNotDependOnCallOrder() {
        TaskFilter f = TaskFilter.parse("#work | due:overdue");
        Map<String, Boolean> first = TASKS.stream().collect(Collectors.toMap(Task::title, t -> f.matches(t, NOW)));
        Map<String, Boolean> second = TASKS.stream().collect(Collectors.toMap(Task::title, t -> f.matches(t, NOW)));
        assertThat(second).isEqualTo(first).containsValue(true).containsValue(false);
    }

    @Test
    void aFilterSaysWhetherItLooksForWordsSoThatTextsAreFoldedOnlyForThose() {
        assertThat(TaskFilter.parse("report").searchesText()).isTrue();
        assertThat(TaskFilter.parse("#work & !(priority:high | \"quarterly report\")").searchesText()).isTrue();
        assertThat(TaskFilter.parse("-budget").searchesText()).isTrue();
        assertThat(TaskFilter.parse("#work & (due:today | due:overdue) & !is:done").searchesText()).isFalse();
        assertThat(TaskFilter.all().searchesText()).isFalse();
    }
}
