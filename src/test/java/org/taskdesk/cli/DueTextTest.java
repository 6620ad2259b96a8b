package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taskdesk.domain.tasks.Due;

/** The command line's words for a due date (moved here with the words from the domain's Due). */
class DueTextTest {
    // Wednesday 18 November 2026, 10:15 in Berlin.
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 10, 15, 0, 0, ZoneId.of("Europe/Berlin"));

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "2026-11-18, -,     Today",
            "2026-11-18, 09:00, Today 09:00",
            "2026-11-19, 09:00, Tomorrow 09:00",
            "2026-11-17, -,     Yesterday",
            "2026-11-15, -,     3 days overdue",
            "2026-11-15, 08:00, 3 days overdue",
            "2026-11-23, -,     in 5 days",
            "2026-11-20, 18:30, in 2 days",
            "2026-11-25, -,     Wed 25 Nov",
            "2026-11-30, 07:05, Mon 30 Nov 07:05",
            "2027-12-24, -,     Fri 24 Dec 2027",
    })
    void describesTheDueDateInWords(LocalDate date, LocalTime time, String expected) {
        assertThat(DueText.describe(new Due(date, time), NOW)).isEqualTo(expected);
    }
}
