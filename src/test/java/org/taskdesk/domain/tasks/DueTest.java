package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueTest {

    // Wednesday 18 November 2026, 10:15 in Berlin.
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 18, 10, 15, 0, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void dateOnlyTaskIsOverdueFromTheNextDay() {
        assertThat(Due.on(LocalDate.of(2026, 11, 18)).isOverdue(NOW)).isFalse();
        assertThat(Due.on(LocalDate.of(2026, 11, 17)).isOverdue(NOW)).isTrue();
        assertThat(Due.on(LocalDate.of(2026, 11, 19)).isOverdue(NOW)).isFalse();
    }

    @Test
    void timedTaskIsOverdueOnceItsTimeHasPassed() {
        assertThat(Due.at(LocalDate.of(2026, 11, 18), LocalTime.of(10, 0)).isOverdue(NOW)).isTrue();
        assertThat(Due.at(LocalDate.of(2026, 11, 18), LocalTime.of(10, 30)).isOverdue(NOW)).isFalse();
        assertThat(Due.at(LocalDate.of(2026, 11, 17), LocalTime.of(23, 0)).isOverdue(NOW)).isTrue();
    }

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
        assertThat(new Due(date, time).describe(NOW)).isEqualTo(expected);
    }

    @Test
    void secondsAreDropped() {
        assertThat(Due.at(LocalDate.of(2026, 11, 18), LocalTime.of(9, 0, 42)).time()).isEqualTo(LocalTime.of(9, 0));
    }
}
