package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TaskFilterPropertyTest {

    private static final List<String> PIECES = List.of(
            "(", ")", "&", "|", "!", "-", "\"", " ", "#work", "#", "#a.b", "priority:high", "priority:", "priority:x",
            "due:today", "due:7d", "due:0d", "due:99999999d", "due:2026-02-30", "due:", "is:done", "is:", "word",
            "\"a phrase\"", "10:30", "tag:", "😀", "ü");

    private static final Task TASK = new Task(1, "Quarterly report", "numbers", false, Priority.HIGH,
            Tags.of("work/reports"), Due.on(LocalDate.of(2026, 11, 18)), RecurrenceRule.daily(1),
            Instant.EPOCH, Instant.EPOCH, null);
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 10, 15, 0, 0, ZoneId.of("Europe/Berlin"));

    @Property(tries = 1000)
    void arbitraryTextParsesOrFailsWithAPositionInside(@ForAll("anyText") String text) {
        checkParsesOrPointsInside(text);
    }

    @Property(tries = 2000)
    void textMadeOfFilterPiecesParsesOrFailsWithAPositionInside(@ForAll("filterLike") String text) {
        checkParsesOrPointsInside(text);
    }

    @Property(tries = 300)
    void notInvertsAnyValidFilter(@ForAll("filterLike") String text) {
        TaskFilter f;
        try {
            f = TaskFilter.parse(text);
        } catch (FilterSyntaxException e) {
            return;
        }
        if (f.matchesEverything()) {
            return;
        }
        TaskFilter negated = TaskFilter.parse("!(" + text + ")");
        assertThat(negated.matches(TASK, NOW)).isNotEqualTo(f.matches(TASK, NOW));
    }

    @Property(tries = 1000)
    void aSearchTextKeptWithTheTaskChangesNoAnswer(@ForAll("anyText") String title, @ForAll("anyText") String word) {
        Task task;
        TaskFilter filter;
        try {
            task = new Task(0, title.isBlank() ? "x" : title, word + title, false, Priority.NONE, TASK.tags(), null, null,
                    TASK.createdAt(), TASK.updatedAt(), null);
            filter = TaskFilter.parse("\"" + word.replace("\"", "") + "\"");
        } catch (FilterSyntaxException | InvalidTaskException e) {
            return; // not a task or not a filter: nothing to compare
        }
        assertThat(filter.matches(task, TaskFilter.searchTextOf(task), NOW)).isEqualTo(filter.matches(task, NOW));
    }

    private static void checkParsesOrPointsInside(String text) {
        try {
            TaskFilter f = TaskFilter.parse(text);
            f.matches(TASK, NOW);
        } catch (FilterSyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.getMessage()).contains("position " + e.position()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("()&|!-\"#: abcdeio0123456789").ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> filterLike() {
        return Arbitraries.of(PIECES).list().ofMaxSize(10).map(parts -> String.join(" ", parts));
    }
}
