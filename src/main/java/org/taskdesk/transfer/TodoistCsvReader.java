package org.taskdesk.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskRules;

/**
 * Todoist's CSV (its export and its import template): rows of TYPE {@code task}, {@code section} and {@code note}.
 * CONTENT is the title, with {@code @label} words taken out as tags; the section a task is under becomes a tag too;
 * PRIORITY 4 is high, 3 medium, 2 low, 1 none (Todoist's 1 is its lowest); DATE is read as quick add reads a date
 * ("tomorrow 9am", "every monday"); a note is added to the description of the task above it, and a sub-task
 * (INDENT 2 or more) says in its description which task it was under. Everything else is reported as not kept.
 */
final class TodoistCsvReader {
    private static final Set<String> READ = Set.of("type", "content", "description", "priority", "indent", "date",
            "date_lang", "timezone", "");

    private static final String TITLE_WORD = "§";

    private final ZonedDateTime now;

    TodoistCsvReader(ZonedDateTime now) {
        this.now = now;
    }

    /** Whether a CSV text starts with Todoist's header (TYPE and CONTENT first), not TaskDesk's. */
    static boolean looksLikeTodoist(String text) {
        String start = text.length() > 200 ? text.substring(0, 200) : text;
        return start.toUpperCase(Locale.ROOT).replace("\"", "").startsWith("TYPE,CONTENT");
    }

    ReadFile read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        Map<String, Integer> unkeptColumns = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CsvRows.open(format, text)) {
            Map<String, Integer> columns = CsvRows.lowerCaseHeader(parser);
            if (!columns.containsKey("type") || !columns.containsKey("content")) {
                throw new TransferException("line 1", "the header has no TYPE and CONTENT columns; a Todoist CSV starts "
                        + "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE.");
            }
            CsvRows lines = new CsvRows(parser);
            String section = null;
            Map<Integer, String> parents = new LinkedHashMap<>();
            for (Iterator<CSVRecord> it = lines.iterator(); it.hasNext(); ) {
                CSVRecord record = it.next();
                String position = "line " + lines.startLine();
                String type = CsvRows.field(record, columns, "type").strip().toLowerCase(Locale.ROOT);
                String content = CsvRows.field(record, columns, "content").strip();
                switch (type) {
                    case "task" -> {
                        countUnkept(record, columns, unkeptColumns);
                        Row row = task(record, columns, position, section, parents, skipped, notKept);
                        if (row != null) {
                            rows.add(row);
                        }
                    }
                    case "section" -> {
                        section = content;
                        parents.clear();
                        if (ForeignTags.tagName(content) == null) {
                            notKept.add(position + ": section '" + content + "' (it cannot be a tag name)");
                        }
                    }
                    case "note" -> {
                        if (rows.isEmpty()) {
                            notKept.add(position + ": a comment on the project, '" + abbreviated(content) + "'");
                        } else {
                            rows.get(rows.size() - 1).notes.add(content);
                        }
                    }
                    case "" -> skipped.add(position + " has no TYPE");
                    default -> notKept.add(position + ": a row of TYPE '" + type + "' ('" + abbreviated(content) + "')");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        unkeptColumns.forEach((column, count) -> notKept.add("column " + column.toUpperCase(Locale.ROOT) + " ("
                + count + (count == 1 ? " task)" : " tasks)")));
        List<ReadFile.Located> tasks = new ArrayList<>();
        for (Row row : rows) {
            try {
                tasks.add(new ReadFile.Located(row.position, row.build()));
                if (row.cut) {
                    notKept.add(row.position + ": the end of the description and notes, past "
                            + TaskRules.MAX_DESCRIPTION_LENGTH + " characters");
                }
            } catch (TaskDeskException e) {
                skipped.add(row.position + ": " + CsvRows.sentence(e.getMessage()));
            }
        }
        return new ReadFile(tasks, skipped, notKept);
    }

    private Row task(CSVRecord record, Map<String, Integer> columns, String position, String section,
                     Map<Integer, String> parents, List<String> skipped, List<String> notKept) {
        List<String> titleWords = new ArrayList<>();
        List<String> tagNames = new ArrayList<>();
        for (String word : CsvRows.field(record, columns, "content").strip().split(" +")) {
            String label = word.startsWith("@") && word.length() > 1 ? ForeignTags.tagName(word.substring(1)) : null;
            if (label != null) {
                tagNames.add(label);
            } else {
                titleWords.add(word);
            }
        }
        String title = String.join(" ", titleWords).strip();
        if (title.isEmpty()) {
            skipped.add(position + " has no title");
            return null;
        }
        if (section != null && ForeignTags.tagName(section) != null) {
            tagNames.add(ForeignTags.tagName(section));
        }
        Row row = new Row(position, title);
        row.tags = tagNames;
        row.description = CsvRows.field(record, columns, "description").strip();
        row.priority = priority(CsvRows.field(record, columns, "priority").strip(), position, notKept);
        int indent = indent(CsvRows.field(record, columns, "indent").strip());
        parents.keySet().removeIf(level -> level >= indent);
        if (indent > 1 && !parents.isEmpty()) {
            String parent = parents.get(parents.keySet().stream().max(Integer::compare).orElseThrow());
            row.notes.add("Sub-task of \"" + parent + "\" in Todoist.");
        }
        parents.put(indent, title);
        String date = CsvRows.field(record, columns, "date").strip();
        if (!date.isEmpty()) {
            // Quick add keeps a line that is all date as the title; a title word of its own makes it read the date.
            QuickAdd read = new QuickAddParser().parse(TITLE_WORD + " " + date, now);
            if (read.title().equals(TITLE_WORD) && read.problems().isEmpty()
                    && (read.dueDate() != null || read.recurrence() != null)) {
                row.quickAdd = read;
            } else {
                notKept.add(position + ": the date '" + date + "' (not understood; it is in the description)");
                row.notes.add("Todoist date: " + date);
            }
        }
        return row;
    }

    private static Priority priority(String value, String position, List<String> notKept) {
        switch (value) {
            case "4":
                return Priority.HIGH;
            case "3":
                return Priority.MEDIUM;
            case "2":
                return Priority.LOW;
            case "1", "":
                return Priority.NONE;
            default:
                notKept.add(position + ": priority '" + value + "' (Todoist's are 1 to 4)");
                return Priority.NONE;
        }
    }

    private static int indent(String value) {
        try {
            return value.isEmpty() ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void countUnkept(CSVRecord record, Map<String, Integer> columns, Map<String, Integer> counts) {
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            if (!READ.contains(column.getKey()) && column.getValue() < record.size()
                    && !record.get(column.getValue()).isBlank()) {
                counts.merge(column.getKey(), 1, Integer::sum);
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    /** A task row being read; notes below it are added before it is built. */
    private final class Row {
        final String position;
        final String title;
        final List<String> notes = new ArrayList<>();
        List<String> tags = List.of();
        String description = "";
        Priority priority = Priority.NONE;
        QuickAdd quickAdd;
        boolean cut;

        Row(String position, String title) {
            this.position = position;
            this.title = title;
        }

        TransferTask build() {
            List<String> parts = new ArrayList<>();
            if (!description.isEmpty()) {
                parts.add(description);
            }
            parts.addAll(notes);
            String fullDescription = String.join("\n\n", parts);
            if (fullDescription.length() > TaskRules.MAX_DESCRIPTION_LENGTH) {
                fullDescription = fullDescription.substring(0, TaskRules.MAX_DESCRIPTION_LENGTH);
                cut = true;
            }
            Task task = new Task(0, title, fullDescription, false, priority, Tags.of(tags),
                    quickAdd == null ? null : quickAdd.due(), quickAdd == null ? null : quickAdd.recurrence(),
                    now.toInstant(), now.toInstant(), null);
            return new TransferTask(task, null, List.of(), false);
        }
    }
}
