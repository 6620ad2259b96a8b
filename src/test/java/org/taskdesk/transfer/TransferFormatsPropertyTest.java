package org.taskdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.RecurrenceRulePropertyTest;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;

/**
 * Random tasks survive each format's writer and reader, and each reader given a broken file either reads what it can
 * or throws {@link TransferException} with a position: never another exception.
 */
class TransferFormatsPropertyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final TransferService service = new TransferService(null, Clock.fixed(NOW, BERLIN));

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void everyFormatGivesBackTheTasksItWrote(@ForAll("tasks") List<Task> tasks,
                                             @ForAll("writable") TransferFormat format) throws IOException {
        ReadFile read = service.read(write(tasks, format), format);

        assertThat(read.skipped()).isEmpty();
        assertThat(read.notKept()).isEmpty();
        assertThat(read.tasks()).hasSameSizeAs(tasks);
        for (int i = 0; i < tasks.size(); i++) {
            Task before = tasks.get(i);
            Task after = read.tasks().get(i).task().task();
            assertThat(after.title()).isEqualTo(before.title());
            assertThat(after.description()).isEqualTo(before.description());
            assertThat(after.completed()).isEqualTo(before.completed());
            assertThat(after.completedAt()).isEqualTo(before.completedAt());
            assertThat(after.priority()).isEqualTo(before.priority());
            assertThat(after.tags()).isEqualTo(before.tags());
            assertThat(after.due()).isEqualTo(before.due());
            assertThat(after.recurrence()).isEqualTo(before.recurrence());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aBrokenFileGivesOurOwnErrorWithAPositionOrWhatCouldBeRead(@ForAll("tasks") List<Task> tasks,
            @ForAll("readable") TransferFormat format, @ForAll("damage") List<Damage> damage) throws IOException {
        String text = format == TransferFormat.TODOIST ? todoist(tasks) : write(tasks, format);
        for (Damage d : damage) {
            text = d.apply(text);
        }
        try {
            ReadFile read = service.read(text, format);
            assertThat(read.tasks()).allSatisfy(t -> assertThat(t.position()).matches("(line|task) \\d+.*"));
            assertThat(read.skipped()).allSatisfy(s -> assertThat(s).matches("(line|task) \\d+.*"));
        } catch (TransferException e) {
            assertThat(e.position()).matches("(line \\d+(, column \\d+)?|byte \\d+|the start)");
            assertThat(e.getMessage()).contains(e.position()).endsWith("Nothing was imported.");
        }
    }

    /** Found by the property above: a repeat rule broken across two lines was quoted raw, so its refusal took two. */
    @Example
    void aValueWithALineBreakIsQuotedOnOneLineInTheSkippedRows() {
        String csv = CsvFormat.HEADER_LINE + "\r\nWater,,,,,,\"FREQ=DAILY;X\ntask\n-FROM=DONE\",,\r\n"
                + "Feed,,,\"urgent\nnow\",,,,,\r\n";

        ReadFile read = service.read(csv, TransferFormat.CSV);

        assertThat(read.tasks()).isEmpty();
        assertThat(read.skipped()).hasSize(2).noneMatch(s -> s.contains("\n") || s.contains("\r"));
        assertThat(read.skipped().get(0)).startsWith("line 2: Repeat rule \"FREQ=DAILY;X\\ntask\\n-FROM=DONE\" cannot be"
                + " used: the part X\\nTASK\\n-FROM is not supported");
        assertThat(read.skipped().get(1)).isEqualTo("line 5: priority 'urgent\\nnow' is not high, medium, low or none");
    }

    /**
     * Found by the property above (seed -1320365948123207005): a date property whose value ical4j cannot read as a
     * date came back as no date at all, and the import ended in a NullPointerException instead of skipping the to-do.
     */
    @Example
    void aCompletedStampWithoutADateSkipsItsToDoWithItsLine() throws IOException {
        Task open = Task.create("Water the plants", NOW);
        Task done = new Task(1, open.title(), "", true, open.priority(), open.tags(), null, null, NOW, NOW, NOW);
        String ics = write(List.of(done), TransferFormat.ICS).replaceAll("COMPLETED:[0-9TZ]+", "COMPLETED:");

        ReadFile read = service.read(ics, TransferFormat.ICS);

        assertThat(read.tasks()).isEmpty();
        assertThat(read.skipped()).singleElement().asString().matches("line \\d+: a value cannot be read .*COMPLETED.*");
    }

    private String write(List<Task> tasks, TransferFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskWriter writer = switch (format) {
            case ICS -> new IcsFormat(BERLIN);
            case CSV -> new CsvFormat();
            case JSON -> new JsonFormat(BERLIN);
            default -> throw new IllegalArgumentException(format.name());
        };
        List<TransferTask> transfers = tasks.stream()
                .map(t -> new TransferTask(t, TaskUids.of(1, t.id()), List.of(), true)).toList();
        writer.write(transfers, ZonedDateTime.ofInstant(NOW, BERLIN), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String todoist(List<Task> tasks) {
        StringBuilder csv = new StringBuilder("TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,"
                + "TIMEZONE\r\nsection,Errands,,,,,,,,\r\n");
        for (Task task : tasks) {
            csv.append("task,\"").append(task.title().replace("\"", "\"\"")).append(" @home\",,4,1,Ann,,tomorrow 9am,en,")
                    .append("\r\nnote,\"").append(task.description().replace("\"", "\"\"")).append("\",,,,,,,,\r\n");
        }
        return csv.toString();
    }

    @Provide
    Arbitrary<TransferFormat> writable() {
        return Arbitraries.of(TransferFormat.ICS, TransferFormat.CSV, TransferFormat.JSON);
    }

    @Provide
    Arbitrary<TransferFormat> readable() {
        return Arbitraries.of(TransferFormat.values());
    }

    @Provide
    Arbitrary<List<Task>> tasks() {
        Arbitrary<String> titles = text(60).filter(t -> !t.isBlank());
        Arbitrary<String> descriptions = text(200).map(String::strip);
        Arbitrary<Tags> tags = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '/', 'é').ofMinLength(1)
                .ofMaxLength(12).filter(t -> !t.startsWith("/") && !t.endsWith("/") && !t.contains("//"))
                .list().ofMaxSize(3).map(Tags::of);
        Arbitrary<Optional<RecurrenceRule>> rules = new RecurrenceRulePropertyTest().rules();
        Arbitrary<Instant> created = Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Optional<Instant>> completedAt = Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L)
                .map(Instant::ofEpochSecond).optional(0.3);
        return Combinators.combine(titles, descriptions, Arbitraries.of(Priority.class), tags, dues(), rules, created,
                completedAt).as((title, description, priority, tagList, due, rule, at, done) -> new Task(0, title,
                        description, done.isPresent(), priority, tagList, due.orElse(null), rule.orElse(null), at, at,
                        done.orElse(null)))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    /**
     * Dates with and without a time; not a time that does not exist in Berlin (the spring gap), which every zoned
     * format, and the database, moves by an hour.
     */
    private static Arbitrary<Optional<Due>> dues() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(),
                LocalDate.of(2100, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Optional<LocalTime>> times = Arbitraries.integers().between(0, 24 * 60 - 1)
                .map(m -> LocalTime.of(m / 60, m % 60)).optional(0.6);
        return Combinators.combine(dates, times).as((date, time) -> time.map(t -> Due.at(date, t)).orElse(Due.on(date)))
                .filter(due -> !due.hasTime() || existsInBerlin(due.date().atTime(due.time())))
                .optional(0.8);
    }

    private static boolean existsInBerlin(LocalDateTime time) {
        return time.atZone(BERLIN).toLocalDateTime().equals(time);
    }

    /** Text with the characters every format must escape: commas, quotes, semicolons, backslashes, new lines. */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', ';', '"', '\\', ':', '\n', 'É', '✓', '{',
                '}', '@', '#').ofMaxLength(maxLength).map(s -> s.replace("\n\n", "\n"));
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        Arbitrary<Damage> cut = Arbitraries.doubles().between(0, 1).map(Damage.Cut::new);
        Arbitrary<Damage> insert = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.of("\"", ",", "\r\n", "\n", ":", ";", "{", "}", "[", "]", "BEGIN:VTODO\r\n", "END:VCALENDAR",
                        "END:VTODO\r\n", "DUE:2026\r\n", "DUE;VALUE=DATE:99999999\r\n", "RRULE:FREQ=NOPE\r\n",
                        "PRIORITY:x\r\n", "CREATED:yesterday\r\n", "\"format\": 2,", "\"due\": 5,", "\u0000", "\uFEFF",
                        "task,,,,,,,,\r\n", "section,\"", "\\")).as(Damage.Insert::new);
        Arbitrary<Damage> delete = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40)).as(Damage.Delete::new);
        return Arbitraries.oneOf(cut, insert, delete).list().ofMinSize(1).ofMaxSize(4);
    }

    /** One change that breaks a file. */
    sealed interface Damage {
        String apply(String text);

        record Cut(double where) implements Damage {
            @Override
            public String apply(String text) {
                return text.substring(0, (int) (text.length() * where));
            }
        }

        record Insert(double where, String what) implements Damage {
            @Override
            public String apply(String text) {
                int at = (int) (text.length() * where);
                return text.substring(0, at) + what + text.substring(at);
            }
        }

        record Delete(double where, int length) implements Damage {
            @Override
            public String apply(String text) {
                int at = (int) (text.length() * where);
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + length));
            }
        }
    }
}
