package org.taskdesk.persistence.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.taskdesk.domain.sync.SyncField;
import org.taskdesk.persistence.jdbc.Columns;

/**
 * The seven merged fields of one task as its row stores them (ADR 0005), and as the sync protocol writes them in
 * JSON: the one translation between columns and the wire, used by the outbox and by the merge of pulled tasks.
 */
public record StoredFields(String title, String description, String priority, String tags, LocalDateTime dueDate,
                           boolean dueHasTime, String repeat, boolean completed, LocalDateTime completedAt) {
    /**
     * Times to the microsecond, rounded as H2 and PostgreSQL round what they store: a time still in memory has
     * nanoseconds, and the wire must carry what the row holds.
     */
    public StoredFields {
        dueDate = micros(dueDate);
        completedAt = micros(completedAt);
    }

    static LocalDateTime micros(LocalDateTime time) {
        return time == null ? null : time.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The columns these are, in the order {@link #bind} sets them; for SELECT and UPDATE … SET alike. */
    static final String COLUMNS = "title, description, priority, tags, due_date, due_has_time, recurrence_pattern,"
            + " completed, completed_at";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * Seconds always, the fraction only when there is one: "2026-11-28T10:00:00". At most microseconds: that is what
     * both databases keep, and the server refuses more digits (the clock of Java 17 on Linux gives nanoseconds, so a
     * new task's "created" had nine and was rejected: seed 1148403761). Write times with {@link #wire}.
     */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T').appendPattern("HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).toFormatter();

    /** The fields of the row {@code result} is on, read by {@link #COLUMNS}. */
    static StoredFields read(ResultSet result) throws SQLException {
        return new StoredFields(result.getString("title"), result.getString("description"),
                result.getString("priority"), result.getString("tags"), Columns.time(result, "due_date"),
                result.getBoolean("due_has_time"), result.getString("recurrence_pattern"),
                result.getBoolean("completed"), Columns.time(result, "completed_at"));
    }

    /** Sets {@link #COLUMNS} from parameter {@code first} on; returns the next parameter's index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, title);
        Columns.text(statement, first + 1, description == null || description.isEmpty() ? null : description);
        Columns.text(statement, first + 2, priority);
        Columns.text(statement, first + 3, tags);
        Columns.time(statement, first + 4, dueDate);
        statement.setBoolean(first + 5, dueDate != null && dueHasTime);
        Columns.text(statement, first + 6, repeat);
        statement.setBoolean(first + 7, completed);
        Columns.time(statement, first + 8, completedAt);
        return first + 9;
    }

    /** The fields whose protocol value differs between these and {@code other}. */
    public Set<SyncField> changedFrom(StoredFields other) {
        Set<SyncField> changed = EnumSet.noneOf(SyncField.class);
        for (SyncField field : SyncField.values()) {
            if (!Objects.equals(value(field), other.value(field))) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** The protocol's JSON value of {@code field}. */
    public JsonNode value(SyncField field) {
        return switch (field) {
            case TITLE -> JSON.textNode(title);
            case DESCRIPTION -> JSON.textNode(description == null ? "" : description);
            case PRIORITY -> priority == null ? JSON.nullNode() : JSON.textNode(priority);
            case TAGS -> tags == null ? JSON.nullNode() : JSON.textNode(tags);
            case DUE -> due();
            case REPEAT -> repeat == null ? JSON.nullNode() : JSON.textNode(repeat);
            case COMPLETED -> completedValue();
        };
    }

    private JsonNode due() {
        if (dueDate == null) {
            return JSON.nullNode();
        }
        ObjectNode due = JSON.objectNode().put("date", dueDate.toLocalDate().toString());
        if (dueHasTime) {
            // HH:MM, as the protocol has it and Due keeps it: a time stored with seconds (older data, another
            // program) was refused by the server at every push, and the task never reached the other devices.
            due.put("time", dueDate.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        }
        return due;
    }

    private JsonNode completedValue() {
        // "at" whenever there is one: a repeating task's last completion too, which leaves it not done.
        ObjectNode value = JSON.objectNode().put("done", completed);
        if (completedAt != null) {
            value.put("at", wire(completedAt));
        }
        return value;
    }

    /**
     * These fields with {@code field} set to the protocol value {@code value}; a value this row cannot hold is an
     * {@link IllegalArgumentException} (the server checks values, so only a newer server could send one).
     */
    public StoredFields with(SyncField field, JsonNode value) {
        return switch (field) {
            case TITLE -> new StoredFields(requiredText(value), description, priority, tags, dueDate, dueHasTime, repeat,
                    completed, completedAt);
            case DESCRIPTION -> new StoredFields(title, text(value) == null || text(value).isEmpty() ? null : text(value),
                    priority, tags, dueDate, dueHasTime, repeat, completed, completedAt);
            case PRIORITY -> new StoredFields(title, description, text(value), tags, dueDate, dueHasTime, repeat,
                    completed, completedAt);
            case TAGS -> new StoredFields(title, description, priority, text(value), dueDate, dueHasTime, repeat,
                    completed, completedAt);
            case DUE -> withDue(value);
            case REPEAT -> new StoredFields(title, description, priority, tags, dueDate, dueHasTime, text(value),
                    completed, completedAt);
            case COMPLETED -> withCompleted(value);
        };
    }

    private StoredFields withDue(JsonNode value) {
        if (value == null || value.isNull()) {
            return new StoredFields(title, description, priority, tags, null, false, repeat, completed, completedAt);
        }
        LocalDate date = LocalDate.parse(value.path("date").asText());
        JsonNode time = value.get("time");
        boolean hasTime = time != null && !time.isNull();
        LocalDateTime due = hasTime ? date.atTime(LocalTime.parse(time.asText())) : date.atStartOfDay();
        return new StoredFields(title, description, priority, tags, due, hasTime, repeat, completed, completedAt);
    }

    private StoredFields withCompleted(JsonNode value) {
        boolean done = value != null && value.path("done").asBoolean(false);
        JsonNode at = value == null ? null : value.get("at");
        return new StoredFields(title, description, priority, tags, dueDate, dueHasTime, repeat, done,
                at == null || at.isNull() ? null : parseTime(at.asText()));
    }

    /**
     * {@code time} as the protocol writes it: rounded to the microsecond as H2 rounds what it stores, so the value
     * sent is the value this device keeps (cutting made the server's a microsecond off: seed 3607242519).
     */
    static String wire(LocalDateTime time) {
        return micros(time).format(TIME);
    }

    static LocalDateTime parseTime(String text) {
        return text == null ? null : LocalDateTime.parse(text);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requiredText(JsonNode value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A task's title cannot be empty");
        }
        return text;
    }
}
