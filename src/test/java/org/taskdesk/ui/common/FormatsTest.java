package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.Priority;

/** Times, days and priorities read the same whatever the machine's language. */
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
            assertThat(Formats.SHORT_DAY.format(LocalDate.of(2026, 11, 27))).isEqualTo("Fri 27 Nov");
            assertThat(Formats.capitalise("every week")).isEqualTo("Every week");
            assertThat(Formats.capitalise("")).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }
}
