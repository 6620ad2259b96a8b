package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

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

    @Test
    void secondsAreDropped() {
        assertThat(Due.at(LocalDate.of(2026, 11, 18), LocalTime.of(9, 0, 42)).time()).isEqualTo(LocalTime.of(9, 0));
    }
}
