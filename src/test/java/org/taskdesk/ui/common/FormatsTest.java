package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;

/**
 * Times and priorities read the same whatever the machine's language; dates follow the locale the formats were made
 * for, never the default locale at the moment of use.
 */
class FormatsTest {

    @Test
    void readTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "HIGH".toLowerCase() would be "hıgh" here
        try {
            assertThat(PriorityNames.inSentence(Priority.HIGH)).isEqualTo("high priority");
            assertThat(PriorityNames.inSentence(Priority.NONE)).isEmpty();
            assertThat(PriorityNames.name(Priority.NONE)).isEqualTo("None");
            assertThat(PriorityNames.of(Priority.NONE)).isEqualTo("No priority");
            assertThat(Formats.TIME.format(LocalTime.of(9, 5))).isEqualTo("09:05");
            assertThat(Formats.of(Locale.UK).shortDay(LocalDate.of(2026, 11, 27))).isEqualTo("Fri 27 Nov");
            assertThat(Formats.capitalise("every week")).isEqualTo("Every week");
            assertThat(Formats.capitalise("")).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The date field and the list's due column write a date alike in each locale: the list's day is the field's
     * date with the weekday in front (without the year in the current year), and the field reads both what it
     * shows and the locale's numeric date.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-US | Dec 8, 2027 | Wed Dec 8, 2027 | Tue Dec 8  | 12/8/2027",
        "de-DE | 08.12.2027  | Mi. 08.12.2027  | Di. 08.12 | 08.12.2027"
    })
    void theDateFieldAndTheListAgree(String tag, String field, String farDay, String nearDay, String numeric) {
        Formats formats = Formats.of(Locale.forLanguageTag(tag));
        LocalDate date = LocalDate.of(2027, 12, 8);
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 21, 11, 0, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(formats.dateConverter().toString(date)).isEqualTo(field);
        assertThat(DueWords.describe(Due.on(date), now, formats)).isEqualTo(farDay).endsWith(field);
        assertThat(DueWords.describe(Due.on(date.minusYears(1)), now, formats)).isEqualTo(nearDay);
        assertThat(formats.dateConverter().toString(date.minusYears(1))).startsWith(nearDay.substring(nearDay.indexOf(' ') + 1));
        assertThat(formats.dateConverter().fromString(field)).isEqualTo(date);
        assertThat(formats.dateConverter().fromString(numeric)).isEqualTo(date);
    }

    @Test
    void theAppsOwnFormatsAreTheLocalesDecidedOnce() {
        // The tests run in British English (pom.xml), so the constants hold its patterns.
        assertThat(Formats.DATE.format(LocalDate.of(2026, 12, 8))).isEqualTo("8 Dec 2026");
        assertThat(Formats.DAY.format(LocalDate.of(2026, 12, 8))).isEqualTo("Tue 8 Dec 2026");
        assertThat(Formats.DAY_MONTH.format(LocalDate.of(2026, 12, 8))).isEqualTo("8 Dec");
        assertThat(Formats.withoutYear("d MMM y 'г'.")).isEqualTo("d MMM");
        assertThat(Formats.withoutYear("y/MM/dd")).isEqualTo("MM/dd");
    }

    @Test
    void aDateFieldReadsEnglishMonthsAndTwoDigitYears() {
        Formats british = Formats.of(Locale.UK);
        assertThat(british.dateConverter().fromString("8 Sep 2026")).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(british.dateConverter().fromString(british.date(LocalDate.of(2026, 9, 8))))
                .isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(british.dateConverter().fromString("8 Dec 26")).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(Formats.of(Locale.GERMANY).dateConverter().fromString("8 Sep 2026")).isEqualTo(LocalDate.of(2026, 9, 8));
    }

    @Test
    void dayNamesInsideTheBundlesSentencesAreInItsLanguage() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        try {
            assertThat(Messages.language().getLanguage()).isEqualTo("en");
            assertThat(RepeatWords.describe(RecurrenceRule.weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY))))
                    .isEqualTo("every week on Monday and Thursday");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
