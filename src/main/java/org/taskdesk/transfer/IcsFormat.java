package org.taskdesk.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Completed;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;

/**
 * iCalendar (RFC 5545) to-dos, written and read with ical4j: one VTODO per task with UID, SUMMARY, DESCRIPTION, DUE
 * (a DATE, or a DATE-TIME with the person's TZID and its VTIMEZONE), PRIORITY (1 high, 5 medium, 9 low), CATEGORIES
 * for tags, RRULE, STATUS (COMPLETED with COMPLETED), CREATED and LAST-MODIFIED. TaskDesk's "repeat from the day it
 * is done" has no RFC 5545 form: it travels as {@value #REPEAT_FROM} (other apps ignore x-properties).
 */
final class IcsFormat implements TaskWriter {
    static final String PRODUCT = "-//TaskDesk//TaskDesk 0.1//EN";
    static final String REPEAT_FROM = "X-TASKDESK-REPEAT-FROM";
    private static final String AFTER_COMPLETION = ";X-FROM=DONE";

    /**
     * ical4j's default reading context builds a new list of every property factory for each property it reads (a
     * third of the time of reading a large file): these lists are built once and shared, the factories being
     * stateless.
     */
    private static final ContentHandlerContext READING = once(new ContentHandlerContext());

    private final ZoneId zone;

    IcsFormat(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Writes the calendar one component at a time, each made and written out by ical4j, as its {@code Calendar}
     * would write them all (BEGIN:VCALENDAR, its properties, its components, END:VCALENDAR): a calendar of 100,000
     * to-dos built whole first cost ical4j's add() a copy of the list per to-do, then one text of the whole file, and
     * most of an export's time and memory. Not validated on the way out either (ical4j's validation of a large
     * calendar took most of what was left, and only logged what it found); the tests check the output with an
     * independent parser instead (IcsOutputTest).
     */
    @Override
    public void write(List<TransferTask> tasks, ZonedDateTime now, OutputStream out) throws IOException {
        TimeZone timeZone = timeZone();
        boolean anyTime = tasks.stream().anyMatch(t -> t.task().due() != null && t.task().due().hasTime());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("BEGIN:VCALENDAR\r\n");
        // ical4j folds at 75 characters, not the 75 octets RFC 5545 asks for: it writes unfolded, OctetFolding folds.
        writer.write(OctetFolding.fold(new ProdId(PRODUCT).toString()));
        writer.write(OctetFolding.fold(ImmutableVersion.VERSION_2_0.toString()));
        if (timeZone != null && anyTime) {
            writer.write(OctetFolding.fold(timeZone.getVTimeZone().toString()));
        }
        for (TransferTask transfer : tasks) {
            writer.write(OctetFolding.fold(todo(transfer, now.toInstant(), timeZone).toString()));
        }
        writer.write("END:VCALENDAR\r\n");
        writer.flush();
    }

    /** The person's zone as ical4j knows it, for TZID and VTIMEZONE; null for UTC or a zone without rules there. */
    private TimeZone timeZone() {
        if (zone.normalized() instanceof ZoneOffset) {
            return null;
        }
        return TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
    }

    private VToDo todo(TransferTask transfer, Instant now, TimeZone timeZone) {
        Task task = transfer.task();
        List<Property> todo = new ArrayList<>(12);
        todo.add(new Uid(transfer.uid()));
        todo.add(new DtStamp(now));
        todo.add(new Summary(task.title()));
        if (!task.description().isEmpty()) {
            todo.add(new Description(task.description()));
        }
        if (task.due() != null) {
            todo.add(due(task.due(), timeZone));
        }
        if (task.priority() != Priority.NONE) {
            todo.add(new net.fortuna.ical4j.model.property.Priority(level(task.priority())));
        }
        if (!task.tags().isEmpty()) {
            todo.add(new Categories(new TextList(new ArrayList<>(task.tags().names()))));
        }
        if (task.recurrence() != null) {
            String rule = task.recurrence().toStored();
            if (task.recurrence().isAfterCompletion()) {
                rule = rule.replace(AFTER_COMPLETION, "");
                todo.add(new XProperty(REPEAT_FROM, "COMPLETION"));
            }
            todo.add(new RRule<>(new Recur<>(rule)));
        }
        todo.add(new Status(task.completed() ? Status.VALUE_COMPLETED : Status.VALUE_NEEDS_ACTION));
        if (task.completed() && task.completedAt() != null) {
            todo.add(new Completed(task.completedAt()));
        }
        todo.add(new Created(task.createdAt()));
        todo.add(new LastModified(task.updatedAt()));
        return new VToDo(new PropertyList(todo));
    }

    private net.fortuna.ical4j.model.property.Due<?> due(Due due, TimeZone timeZone) {
        if (!due.hasTime()) {
            return new net.fortuna.ical4j.model.property.Due<>(due.date());
        }
        ZonedDateTime at = due.toLocalDateTime().atZone(zone);
        if (timeZone == null) {
            return new net.fortuna.ical4j.model.property.Due<>(at.toInstant());
        }
        return new net.fortuna.ical4j.model.property.Due<>(at.toLocalDateTime().atZone(timeZone.toZoneId()));
    }

    /** RFC 5545's levels, as Thunderbird and Apple Reminders write them. */
    static int level(Priority priority) {
        switch (priority) {
            case HIGH:
                return 1;
            case MEDIUM:
                return 5;
            case LOW:
                return 9;
            default:
                return 0;
        }
    }

    /** 1 to 4 high, 5 medium, 6 to 9 low, 0 none (RFC 5545, 3.8.1.9). */
    static Priority priority(int level) {
        if (level >= 1 && level <= 4) {
            return Priority.HIGH;
        }
        if (level == 5) {
            return Priority.MEDIUM;
        }
        return level >= 6 && level <= 9 ? Priority.LOW : Priority.NONE;
    }

    ReadFile read(String text, Instant now) {
        EscapedBackslashes backslashes = new EscapedBackslashes(text);
        Calendar calendar;
        try {
            calendar = new CalendarBuilder(CalendarParserFactory.getInstance().get(), READING, registry())
                    .build(new StringReader(backslashes.text()));
        } catch (ParserException e) {
            throw new TransferException("line " + Math.max(1, e.getLineNo()), "this is not valid iCalendar ("
                    + IcsProblems.plain(e) + ").", e);
        } catch (IOException | RuntimeException e) {
            // ical4j reports some broken values (a date, a rule) as runtime exceptions: still a broken file.
            throw new TransferException("line " + IcsProblems.lineOf(text, e), "this is not valid iCalendar ("
                    + IcsProblems.plain(e) + ").", e);
        }
        List<Integer> lines = IcsProblems.todoLines(text);
        List<ReadFile.Located> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        List<VToDo> todos = calendar.getComponents(Component.VTODO);
        for (int i = 0; i < todos.size(); i++) {
            String position = "line " + (i < lines.size() ? lines.get(i) : 1);
            try {
                tasks.add(new ReadFile.Located(position, task(todos.get(i), now, position, notKept, backslashes)));
            } catch (FieldText.FieldException e) {
                skipped.add(position + " " + e.getMessage());
            } catch (TaskDeskException e) {
                skipped.add(position + ": " + CsvRows.sentence(e.getMessage()));
            } catch (DateTimeException | IllegalArgumentException e) {
                skipped.add(position + ": a value cannot be read (" + IcsProblems.plain(e) + ")");
            }
        }
        int others = calendar.getComponents().size() - todos.size()
                - calendar.getComponents(Component.VTIMEZONE).size();
        if (others > 0) {
            notKept.add(others + " calendar entries that are not to-dos (events, journal entries)");
        }
        return new ReadFile(tasks, skipped, notKept);
    }

    private TransferTask task(VToDo todo, Instant now, String position, List<String> notKept,
                              EscapedBackslashes backslashes) throws FieldText.FieldException {
        String title = backslashes.restore(value(todo, Property.SUMMARY)).strip();
        if (title.isEmpty()) {
            throw new FieldText.FieldException("has a to-do without a SUMMARY");
        }
        Optional<Instant> created = instant(todo, Property.CREATED);
        Instant createdAt = created.orElse(now);
        Instant updated = instant(todo, Property.LAST_MODIFIED).orElse(createdAt);
        boolean completed = value(todo, Property.STATUS).equalsIgnoreCase(Status.VALUE_COMPLETED)
                || todo.getProperty(Property.COMPLETED).isPresent();
        Instant completedAt = completed ? instant(todo, Property.COMPLETED).orElse(now) : null;
        List<String> tagNames = new ArrayList<>();
        for (Property property : todo.getProperties(Property.CATEGORIES)) {
            for (String name : ((Categories) property).getCategories().getTexts().stream().map(backslashes::restore)
                    .toList()) {
                String tag = ForeignTags.tagName(name);
                if (tag == null) {
                    notKept.add(position + ": category '" + name + "' is not a tag name TaskDesk can keep");
                } else {
                    tagNames.add(tag);
                }
            }
        }
        Priority priority = todo.getProperty(Property.PRIORITY)
                .map(p -> priority(((net.fortuna.ical4j.model.property.Priority) p).getLevel())).orElse(Priority.NONE);
        RecurrenceRule recurrence = null;
        Optional<Property> rrule = todo.getProperty(Property.RRULE);
        if (rrule.isPresent()) {
            String rule = rrule.get().getValue();
            boolean afterCompletion = value(todo, REPEAT_FROM).equalsIgnoreCase("COMPLETION");
            try {
                recurrence = RecurrenceRule.parse(afterCompletion ? rule + AFTER_COMPLETION : rule);
            } catch (TaskDeskException e) {
                notKept.add(position + ": the repeat " + rule + " (" + CsvRows.sentence(e.getMessage()) + ")");
            }
        }
        Due due = todo.getProperty(Property.DUE).map(p -> due(((DateProperty<?>) p).getDate())).orElse(null);
        Task task = new Task(0, title, backslashes.restore(value(todo, Property.DESCRIPTION)), completed, priority, Tags.of(tagNames), due,
                recurrence, createdAt, updated, completedAt);
        String uid = backslashes.restore(value(todo, Property.UID)).strip();
        return new TransferTask(task, uid.isEmpty() ? null : uid, List.of(), created.isPresent());
    }

    /** A DUE as the person's wall-clock time: a DATE stays a day; a time in any zone is moved into theirs. */
    private Due due(Temporal value) {
        if (value instanceof LocalDate date) {
            return Due.on(date);
        }
        LocalDateTime local;
        if (value instanceof ZonedDateTime zoned) {
            local = zoned.withZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof OffsetDateTime offset) {
            local = offset.atZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof Instant instant) {
            local = LocalDateTime.ofInstant(instant, zone);
        } else if (value instanceof LocalDateTime floating) {
            local = floating; // "floating": the same wall-clock time wherever one is
        } else {
            throw new DateTimeException("DUE " + value + " is neither a date nor a date-time");
        }
        return Due.at(local.toLocalDate(), local.toLocalTime());
    }

    private static Optional<Instant> instant(VToDo todo, String name) {
        return todo.getProperty(name).map(p -> {
            Temporal date = ((DateProperty<?>) p).getDate();
            if (date == null) { // ical4j leaves a value it could not parse as no date at all
                throw new DateTimeException(name + " has no date");
            }
            if (date instanceof Instant instant) {
                return instant;
            }
            if (date instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (date instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            if (date instanceof LocalDateTime local) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return ((LocalDate) date).atStartOfDay(ZoneOffset.UTC).toInstant();
        });
    }

    private static String value(VToDo todo, String name) {
        return todo.getProperty(name).map(Property::getValue).orElse("");
    }

    private static ContentHandlerContext once(ContentHandlerContext defaults) {
        List<ParameterFactory<?>> parameters = defaults.getParameterFactorySupplier().get();
        List<PropertyFactory<?>> properties = defaults.getPropertyFactorySupplier().get();
        List<ComponentFactory<?>> components = defaults.getComponentFactorySupplier().get();
        return defaults.withParameterFactorySupplier(() -> parameters).withPropertyFactorySupplier(() -> properties)
                .withComponentFactorySupplier(() -> components);
    }

    /** For tests: the registry the reader and writer use. */
    static TimeZoneRegistry registry() {
        return TimeZoneRegistryFactory.getInstance().createRegistry();
    }
}
