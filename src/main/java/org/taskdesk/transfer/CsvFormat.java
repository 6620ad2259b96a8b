package org.taskdesk.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Task;

/**
 * TaskDesk's CSV: RFC 4180 (commas, CRLF, double quotes), UTF-8 with a byte order mark so that Excel reads it as
 * UTF-8, and the header {@value #HEADER_LINE}. Dates are the person's wall-clock time ({@code 2026-12-24T09:00}),
 * {@code created} and {@code completed_at} UTC moments, tags separated by spaces, the repeat an RRULE. On import only
 * {@code title} is required; columns may come in any order, and other columns are reported as not kept.
 */
final class CsvFormat implements TaskWriter {
    static final String HEADER_LINE = "title,description,completed,priority,tags,due,repeat,created,completed_at";
    private static final String[] HEADER = HEADER_LINE.split(",");

    @Override
    public void write(List<TransferTask> tasks, ZonedDateTime now, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (TransferTask transfer : tasks) {
            Task task = transfer.task();
            printer.printRecord(task.title(), task.description(), task.completed(), FieldText.priority(task.priority()),
                    FieldText.tags(task.tags()), FieldText.due(task.due()),
                    task.recurrence() == null ? "" : task.recurrence().toStored(), FieldText.instant(task.createdAt()),
                    FieldText.instant(task.completedAt()));
        }
        printer.flush();
    }

    ReadFile read(String text, Instant now) {
        List<ReadFile.Located> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CsvRows.open(format, text)) {
            Map<String, Integer> columns = CsvRows.lowerCaseHeader(parser);
            if (!columns.containsKey("title")) {
                throw new TransferException("line 1", "the header has no 'title' column; the first line must be "
                        + HEADER_LINE + ".");
            }
            for (String column : columns.keySet()) {
                if (!List.of(HEADER).contains(column) && !column.isBlank()) {
                    notKept.add("column '" + column + "' (TaskDesk's CSV has " + HEADER_LINE + ")");
                }
            }
            CsvRows rows = new CsvRows(parser);
            for (Iterator<CSVRecord> it = rows.iterator(); it.hasNext(); ) {
                CSVRecord row = it.next();
                String line = "line " + rows.startLine();
                try {
                    tasks.add(new ReadFile.Located(line, task(row, columns, now, line)));
                } catch (FieldText.FieldException e) {
                    skipped.add(line + ": " + e.getMessage());
                } catch (TaskDeskException e) {
                    skipped.add(line + ": " + CsvRows.sentence(e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        return new ReadFile(tasks, skipped, notKept);
    }

    private static TransferTask task(CSVRecord row, Map<String, Integer> columns, Instant now, String line)
            throws FieldText.FieldException {
        String title = CsvRows.field(row, columns, "title");
        if (title.isBlank()) {
            throw new FieldText.FieldException("has no title");
        }
        Instant created = FieldText.instant(CsvRows.field(row, columns, "created"), "created");
        boolean completed = FieldText.completed(CsvRows.field(row, columns, "completed"));
        Instant completedAt = FieldText.instant(CsvRows.field(row, columns, "completed_at"), "completed_at");
        if (completedAt != null) {
            completed = true;
        }
        String repeat = CsvRows.field(row, columns, "repeat").strip();
        Instant createdAt = created == null ? now : created;
        Task task = new Task(0, title, CsvRows.field(row, columns, "description"), completed,
                FieldText.priority(CsvRows.field(row, columns, "priority")),
                FieldText.tags(CsvRows.field(row, columns, "tags")), FieldText.due(CsvRows.field(row, columns, "due")),
                repeat.isEmpty() ? null : RecurrenceRule.parse(repeat), createdAt, createdAt,
                completed ? (completedAt == null ? now : completedAt) : null);
        return new TransferTask(task, null, List.of(), created != null);
    }

    /** Lower case, for a header written by hand ("Title"). */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
