package org.taskdesk.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.tasks.RecordedCompletion;
import org.taskdesk.tasks.TaskRepository;
import org.taskdesk.tasks.TaskStorage;

/**
 * Export and import: a person's tasks to and from a file (iCalendar, CSV, TaskDesk's JSON; Todoist's CSV in). An
 * import is one transaction: it adds, updates or skips each task of the file and changes nothing when the file does
 * not read; a dry run reports the same without writing. Tasks already there are found again by their UID, else by
 * title and creation time, else (for files without either) by title and due date (ADR 0019).
 */
public final class TransferService {
    private final TaskStorage storage;
    private final Clock clock;

    /** {@code clock}'s zone is the person's: due times are written and read in it. */
    public TransferService(TaskStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Writes the tasks matching {@code filterText} (the filter language; empty for all) in {@code format} to
     * {@code out}, oldest first; returns how many were written.
     */
    public int export(UserSession user, String filterText, TransferFormat format, OutputStream out) {
        if (!format.canExport()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "TaskDesk reads Todoist's CSV but does not write it: "
                    + "export as csv, ics or json.");
        }
        TaskFilter filter = TaskFilter.parse(filterText == null ? "" : filterText);
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<TransferTask> tasks = inOneTransaction(user, changes -> {
            List<Task> chosen = changes.all().stream().filter(t -> filter.matches(t, now)).toList();
            Map<Long, List<Instant>> history = format == TransferFormat.JSON
                    ? completions(changes.completionsOf(chosen.stream().map(Task::id).toList())) : Map.of();
            return chosen.stream().map(t -> new TransferTask(t, TaskUids.of(user.userId(), t.id()),
                    history.getOrDefault(t.id(), List.of()), true)).toList();
        });
        try {
            writer(format).write(tasks, now, out);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The export could not be written: " + e.getMessage(), e);
        }
        return tasks.size();
    }

    /**
     * Like {@link #export}, into {@code file}, written whole or not at all (a temporary file beside it, then one move):
     * a failure half-way leaves the file as it was.
     */
    public int exportToFile(UserSession user, String filterText, TransferFormat format, Path file) {
        return AtomicFile.write(file, out -> export(user, filterText, format, out));
    }

    /** Imports the file at {@code file}; see {@link #importText}. */
    public ImportSummary importFile(UserSession user, Path file, TransferFormat format, boolean dryRun) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.NOT_FOUND, "Cannot read " + file + ": "
                    + (Files.exists(file) ? "it is not a readable file." : "there is no such file."), e);
        }
        return importText(user, utf8(bytes), format, dryRun);
    }

    /**
     * Imports {@code text} as {@code format} (TaskDesk's CSV turns into Todoist's when its header is Todoist's), in
     * one transaction; with {@code dryRun} nothing is written. A file that does not read throws
     * {@link TransferException} and changes nothing.
     */
    public ImportSummary importText(UserSession user, String text, TransferFormat format, boolean dryRun) {
        ReadFile file = read(text, format);
        return inOneTransaction(user, changes -> {
            ImportPlan plan = ImportPlan.of(changes.all(), file, user.userId());
            Map<Long, List<Instant>> history = completions(changes.completionsOf(plan.updates().keySet()));
            if (!dryRun) {
                plan.apply(changes, history);
            }
            return new ImportSummary(plan.additions().size(), plan.updates().size(), plan.unchanged(), plan.skipped(),
                    file.notKept(), dryRun);
        });
    }

    /** Reads {@code text} without touching the database: what a dry run and an import start from. */
    ReadFile read(String text, TransferFormat format) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // the byte order mark Excel wants
        TransferFormat actual = format == TransferFormat.CSV && TodoistCsvReader.looksLikeTodoist(body)
                ? TransferFormat.TODOIST : format;
        Instant now = clock.instant();
        switch (actual) {
            case ICS:
                return new IcsFormat(clock.getZone()).read(body, now);
            case CSV:
                return new CsvFormat().read(body, now);
            case JSON:
                return new JsonFormat(clock.getZone()).read(body, now);
            case TODOIST:
                return new TodoistCsvReader(ZonedDateTime.now(clock)).read(body);
            default:
                throw new IllegalStateException("no reader for " + actual);
        }
    }

    private TaskWriter writer(TransferFormat format) {
        switch (format) {
            case ICS:
                return new IcsFormat(clock.getZone());
            case CSV:
                return new CsvFormat();
            case JSON:
                return new JsonFormat(clock.getZone());
            default:
                throw new IllegalStateException("no writer for " + format);
        }
    }

    private static Map<Long, List<Instant>> completions(Collection<RecordedCompletion> rows) {
        return rows.stream().collect(Collectors.groupingBy(RecordedCompletion::taskId,
                Collectors.mapping(c -> c.completedAtUtc().toInstant(ZoneOffset.UTC), Collectors.toList())));
    }

    private static String utf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more characters than bytes
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new TransferException("byte " + (in.position() + 1),
                    "the file is not UTF-8 text; save it as UTF-8 and import it again.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private <T> T inOneTransaction(UserSession user, Function<TaskRepository, T> changes) {
        return storage.inOneTransaction(user.userId(), user.token(), changes);
    }
}
