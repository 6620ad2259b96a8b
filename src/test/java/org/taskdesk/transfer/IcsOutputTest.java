package org.taskdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;

/**
 * The iCalendar file as other apps see it. Checked three ways, none of them our reader: ical4j's own parser with
 * relaxed parsing off and its RFC 5545 validation; line endings and folding by hand (CRLF, at most 75 octets a
 * line, RFC 5545 3.1); and the property lines themselves, as RFC 5545 writes them.
 */
class IcsOutputTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant CREATED = Instant.parse("2026-11-01T08:30:00Z");

    private String export(Task... tasks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TransferTask> transfers = List.of(tasks).stream()
                .map(t -> new TransferTask(t, TaskUids.of(7, t.id()), List.of(), true)).toList();
        new IcsFormat(BERLIN).write(transfers, ZonedDateTime.of(2026, 11, 21, 11, 0, 0, 0, BERLIN), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Task task(long id, String title, Due due, Priority priority, RecurrenceRule rule, Instant done) {
        return new Task(id, title, "A description, long enough to be folded: " + "ünïcödé ✓ ".repeat(12), done != null,
                priority, Tags.of("home", "money/bills"), due, rule, CREATED, CREATED, done);
    }

    @Test
    void theFileIsStrictRfc5545() throws Exception {
        String ics = export(task(1, "Pay rent", Due.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0)), Priority.HIGH,
                RecurrenceRule.monthly(1), null), task(2, "Send the report", Due.on(LocalDate.of(2026, 11, 20)),
                Priority.LOW, null, Instant.parse("2026-11-20T16:00:00Z")));

        boolean relaxed = CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING);
        assertThat(relaxed).as("strict parsing").isFalse();
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        parsed.validate();
        assertThat(parsed.getComponents("VTODO")).hasSize(2);
        assertThat(parsed.getComponents("VTIMEZONE")).hasSize(1);

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void eachFieldHasItsRfc5545Property() throws Exception {
        String ics = export(task(1, "Pay rent", Due.at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0)), Priority.HIGH,
                RecurrenceRule.monthly(1), null), task(2, "Send the report", Due.on(LocalDate.of(2026, 11, 20)),
                Priority.LOW, RecurrenceRule.daily(3).afterCompletion(), Instant.parse("2026-11-20T16:00:00Z")),
                task(3, "Think", null, Priority.MEDIUM, null, null));
        String unfolded = ics.replace("\r\n ", "");

        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\nPRODID:-//TaskDesk//TaskDesk 0.1//EN\r\nVERSION:2.0\r\n")
                .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n")
                .contains("UID:" + java.util.UUID.nameUUIDFromBytes("taskdesk:7:1".getBytes(StandardCharsets.UTF_8)))
                .contains("SUMMARY:Pay rent\r\n")
                .contains("DESCRIPTION:A description\\, long enough to be folded: ünïcödé")
                .contains("DUE;TZID=Europe/Berlin:20261201T090000\r\n")
                .contains("DUE;VALUE=DATE:20261120\r\n")
                .contains("PRIORITY:1\r\n").contains("PRIORITY:9\r\n").contains("PRIORITY:5\r\n")
                .contains("CATEGORIES:home,money/bills\r\n")
                .contains("RRULE:FREQ=MONTHLY\r\n")
                .contains("RRULE:FREQ=DAILY;INTERVAL=3\r\n").contains("X-TASKDESK-REPEAT-FROM:COMPLETION\r\n")
                .contains("STATUS:COMPLETED\r\nCOMPLETED:20261120T160000Z\r\n")
                .contains("STATUS:NEEDS-ACTION\r\n")
                .contains("CREATED:20261101T083000Z\r\n").contains("LAST-MODIFIED:20261101T083000Z\r\n")
                .contains("DTSTAMP:20261121T100000Z\r\n");
    }
}
