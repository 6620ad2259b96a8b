package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuickAddParserPropertyTest {

    private static final List<String> WORDS = List.of(
            "every", "in", "on", "at", "next", "week", "weeks", "day", "days", "month", "year", "other", "and",
            "&", ",", "mon", "monday", "friday", "sun", "today", "tomorrow", "dec", "feb", "may", "24", "30",
            "29", "0", "2nd", "last", "15th", "32nd", "9am", "13pm", "9:30pm", "25:61", "17:30", "pm", "am",
            "99999999999", "2026-02-30", "9999-12-31", "!high", "!1", "!", "#", "#home", "#bad!", "after",
            "completion", "weekday", "😀", "ünïcødé", "İstanbul", "\t", "-1", "1000", "999", "noon", "mon,wed,");

    private final QuickAddParser parser = new QuickAddParser();

    @Property(tries = 500)
    void neverThrowsOnArbitraryText(@ForAll("anyText") String line, @ForAll("nows") ZonedDateTime now) {
        checkWellFormed(line, parser.parse(line, now));
        checkWellFormed(line, parser.parseWithoutSafetyNet(line, now));
    }

    @Property(tries = 1000)
    void neverThrowsOnSentencesOfItsOwnWords(@ForAll("sentences") String line, @ForAll("nows") ZonedDateTime now) {
        checkWellFormed(line, parser.parse(line, now));
        checkWellFormed(line, parser.parseWithoutSafetyNet(line, now));
    }

    @Property(tries = 200)
    void theExampleWorksAtAnyMoment(@ForAll("nows") ZonedDateTime now) {
        QuickAdd q = parser.parse("Pay rent tomorrow 9am #home !high every month", now);
        assertThat(q.title()).isEqualTo("Pay rent");
        assertThat(q.dueDate()).isEqualTo(now.toLocalDate().plusDays(1));
        assertThat(q.dueTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(q.priority()).isEqualTo(Priority.HIGH);
        assertThat(q.tags().names()).containsExactly("home");
        assertThat(q.recurrence()).isEqualTo(RecurrenceRule.monthly(1));
    }

    @Property(tries = 200)
    void aWeekdayNameIsAlwaysWithinTheComingWeek(@ForAll("nows") ZonedDateTime now,
                                                 @ForAll java.time.DayOfWeek day) {
        QuickAdd q = parser.parse("Gym " + day.name().toLowerCase(java.util.Locale.ROOT), now);
        LocalDate today = now.toLocalDate();
        assertThat(q.dueDate().getDayOfWeek()).isEqualTo(day);
        assertThat(q.dueDate()).isAfter(today).isBeforeOrEqualTo(today.plusDays(7));
    }

    @Property(tries = 300)
    void quotedWordsAreAlwaysTitle(@ForAll("sentences") String inner, @ForAll("nows") ZonedDateTime now) {
        QuickAdd q = parser.parse("Note \"" + inner + "\"", now);
        String words = String.join(" ", inner.trim().split("\\s+")).trim();
        assertThat(q.title()).isEqualTo(words.isEmpty() ? "Note" : "Note " + words);
        assertThat(q.parts()).isEmpty();
        assertThat(q.dueDate()).isNull();
        assertThat(q.recurrence()).isNull();
    }

    @Property(tries = 200)
    void aWeekdayFollowedByATitleWordStaysInTheTitle(@ForAll("nows") ZonedDateTime now,
                                                     @ForAll java.time.DayOfWeek day,
                                                     @ForAll("titleWords") String next) {
        String line = "Email " + day.name().toLowerCase(java.util.Locale.ROOT) + " " + next;
        QuickAdd q = parser.parse(line, now);
        assertThat(q.title()).isEqualTo(line);
        assertThat(q.dueDate()).isNull();
    }

    @Provide
    Arbitrary<String> titleWords() {
        return Arbitraries.of("notes", "Night", "plans", "report", "season", "to", "with", "2");
    }

    private static void checkWellFormed(String line, QuickAdd q) {
        assertThat(q).isNotNull();
        assertThat(q.title()).isNotNull();
        assertThat(q.tags()).isNotNull();
        for (QuickAddPart p : q.parts()) {
            assertThat(p.start()).isBetween(0, line.length());
            assertThat(p.end()).isBetween(p.start(), line.length());
            assertThat(p.text()).isEqualTo(line.substring(p.start(), p.end()));
        }
        if (q.recurrence() != null) {
            assertThat(q.recurrence().toStored().length()).isLessThanOrEqualTo(50);
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars(" #!:,.-0123456789aemnpryt").ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.of(WORDS).list().ofMaxSize(8).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<ZonedDateTime> nows() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(
                LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2400, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
        Arbitrary<ZoneId> zones = Arbitraries.of("Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "UTC",
                "Asia/Kathmandu").map(ZoneId::of);
        return net.jqwik.api.Combinators.combine(dates, times, zones).as((d, t, z) -> ZonedDateTime.of(d, t, z));
    }
}
