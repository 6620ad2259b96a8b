package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taskdesk.domain.sync.SyncField;

/**
 * A first push's puts of new tasks as the rows {@code taskdesk_sync_push_new} reads (PostgreSQL V17, ADR 0037): one
 * line per task, nineteen columns separated by tabs, NULL written {@code \N}, a backslash written {@code \\} and each
 * character below a space as three octal digits ({@code \012} a line feed), as COPY's text format reads them. Only a
 * put of the form linking writes (all seven fields, no completions) becomes a row; anything else, and a row the
 * server does not insert, goes through the ordinary push, which decides all that is not a plain new task.
 */
final class NewTaskRows {
    /** Fewer new tasks than this at the start of a batch are not worth a second call: the ordinary push takes them. */
    static final int FEWEST = 100;

    private static final Set<String> KEYS = Set.of("id", "task", "op", "seq", "created", "fields", "completions");
    private static final String NULL = "\\N";

    private NewTaskRows() {
    }

    /** The rows of the puts of new tasks that {@code bodies} start with, in order; empty when the first is not one. */
    static List<String> leading(List<? extends JsonNode> bodies) {
        List<String> rows = new ArrayList<>();
        for (JsonNode body : bodies) {
            Optional<String> row = row(body);
            if (row.isEmpty()) {
                break;
            }
            rows.add(row.get());
        }
        return rows;
    }

    /** {@code body}'s row, when it is a put of all seven fields without completions in the protocol's plain form. */
    static Optional<String> row(JsonNode body) {
        JsonNode fields = body.path("fields");
        JsonNode completions = body.path("completions");
        if (!"put".equals(body.path("op").asText(null)) || !body.path("id").isTextual() || !body.path("task").isTextual()
                || !fields.isObject() || fields.size() != SyncField.values().length
                || !(completions.isMissingNode() || completions.isNull() || completions.isArray() && completions.isEmpty())
                || !(body.path("created").isMissingNode() || body.path("created").isNull()
                     || body.path("created").isTextual())) {
            return Optional.empty();
        }
        for (var names = body.fieldNames(); names.hasNext();) {
            if (!KEYS.contains(names.next())) {
                return Optional.empty();
            }
        }
        for (SyncField field : SyncField.values()) {
            JsonNode value = fields.path(field.wireName());
            if (!value.isObject() || value.size() != 2 || !value.has("v") || !value.path("c").isTextual()) {
                return Optional.empty();
            }
        }
        List<String> columns = new ArrayList<>(19);
        columns.add(body.path("id").asText());
        columns.add(body.path("task").asText());
        columns.add(text(body.path("created")));
        for (SyncField field : List.of(SyncField.TITLE, SyncField.DESCRIPTION, SyncField.PRIORITY, SyncField.TAGS)) {
            JsonNode value = fields.path(field.wireName()).path("v");
            if (!value.isTextual() && !value.isNull()) {
                return Optional.empty();
            }
            columns.add(text(value));
        }
        JsonNode due = fields.path(SyncField.DUE.wireName()).path("v");
        if (due.isNull()) {
            columns.add(null);
            columns.add(null);
        } else if (due.isObject() && due.path("date").isTextual() && (due.size() == 1 || due.size() == 2
                && due.path("time").isTextual())) {
            columns.add(due.path("date").asText());
            columns.add(text(due.path("time")));
        } else {
            return Optional.empty();
        }
        JsonNode repeat = fields.path(SyncField.REPEAT.wireName()).path("v");
        JsonNode completed = fields.path(SyncField.COMPLETED.wireName()).path("v");
        if (!repeat.isTextual() && !repeat.isNull() || !completed.isObject() || !completed.path("done").isBoolean()
                || completed.size() > 2 || completed.size() == 2 && !completed.has("at")
                || completed.has("at") && !completed.path("at").isTextual() && !completed.path("at").isNull()) {
            return Optional.empty();
        }
        columns.add(text(repeat));
        columns.add(completed.path("done").asBoolean() ? "t" : "f");
        columns.add(text(completed.path("at")));
        for (SyncField field : SyncField.values()) {
            columns.add(fields.path(field.wireName()).path("c").asText());
        }
        StringBuilder row = new StringBuilder(512);
        for (String column : columns) {
            if (column != null && column.indexOf('\0') >= 0) {
                return Optional.empty(); // no text in PostgreSQL holds it: the ordinary push says what is wrong
            }
            if (row.length() > 0) {
                row.append('\t');
            }
            escape(column, row);
        }
        return Optional.of(row.toString());
    }

    /** A missing or null value as null (written {@code \N}), any other as its text. */
    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** A text that reads {@code \N} is written {@code \\N}: only null is the marker. */
    private static void escape(String column, StringBuilder row) {
        if (column == null) {
            row.append(NULL);
            return;
        }
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\\') {
                row.append("\\\\");
            } else if (c < ' ') {
                row.append('\\').append('0').append((char) ('0' + (c >> 3))).append((char) ('0' + (c & 7)));
            } else {
                row.append(c);
            }
        }
    }
}
