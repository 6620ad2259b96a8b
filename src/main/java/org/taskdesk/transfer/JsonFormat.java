package org.taskdesk.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;

/**
 * TaskDesk's own file: every field, the ids and UIDs, and the completion history, versioned by {@code "format": 1}
 * so that a later TaskDesk can read it. Due dates are the person's wall-clock time, as in the app; the zone they were
 * written in is noted beside them. A file of a newer format is refused rather than half read.
 */
final class JsonFormat implements TaskWriter {
    static final int FORMAT = 1;

    private final ZoneId zone;
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    JsonFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void write(List<TransferTask> tasks, ZonedDateTime now, OutputStream out) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeNumberField("format", FORMAT);
        json.writeStringField("application", "TaskDesk");
        json.writeStringField("exported", now.toInstant().toString());
        json.writeStringField("zone", zone.getId());
        json.writeArrayFieldStart("tasks");
        for (TransferTask transfer : tasks) {
            Task task = transfer.task();
            json.writeStartObject();
            json.writeNumberField("id", task.id());
            json.writeStringField("uid", transfer.uid());
            json.writeStringField("title", task.title());
            json.writeStringField("description", task.description());
            json.writeBooleanField("completed", task.completed());
            json.writeStringField("priority", task.priority().name().toLowerCase(java.util.Locale.ROOT));
            json.writeArrayFieldStart("tags");
            for (String tag : task.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
            nullable(json, "due", task.due() == null ? null : FieldText.due(task.due()));
            nullable(json, "repeat", task.recurrence() == null ? null : task.recurrence().toStored());
            json.writeStringField("created", task.createdAt().toString());
            json.writeStringField("updated", task.updatedAt().toString());
            nullable(json, "completedAt", task.completedAt() == null ? null : task.completedAt().toString());
            json.writeArrayFieldStart("completions");
            for (Instant at : transfer.completions()) {
                json.writeString(at.toString());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private static void nullable(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    ReadFile read(String text, Instant now) {
        List<ReadFile.Located> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        boolean formatSeen = false;
        boolean tasksSeen = false;
        try (JsonParser json = mapper.getFactory().createParser(text)) {
            expect(json, json.nextToken(), JsonToken.START_OBJECT, "the file must be one JSON object, {\"format\": 1, …}");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("format")) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new TransferException(where(json.currentTokenLocation()), "\"format\" must be a number.");
                    }
                    int format = json.getValueAsInt();
                    if (format != FORMAT) {
                        throw new TransferException(where(json.currentTokenLocation()), "this file is of format "
                                + format + "; this TaskDesk reads format " + FORMAT + (format > FORMAT
                                ? ": open it with a newer TaskDesk." : "."));
                    }
                    formatSeen = true;
                } else if (field.equals("tasks")) {
                    if (!formatSeen) {
                        throw new TransferException(where(json.currentTokenLocation()),
                                "\"format\" must come before \"tasks\", as TaskDesk writes it.");
                    }
                    expect(json, value, JsonToken.START_ARRAY, "\"tasks\" must be a list, [ … ]");
                    int number = 0;
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        number++;
                        String position = "task " + number + " (line " + json.currentTokenLocation().getLineNr() + ")";
                        JsonNode node = mapper.readTree(json);
                        try {
                            tasks.add(new ReadFile.Located(position, task(node, now)));
                        } catch (FieldText.FieldException e) {
                            skipped.add(position + ": " + e.getMessage());
                        } catch (TaskDeskException e) {
                            skipped.add(position + ": " + CsvRows.sentence(e.getMessage()));
                        }
                    }
                    tasksSeen = true;
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new TransferException(where(json.currentTokenLocation()), "there is more after the end of the "
                        + "JSON object.");
            }
        } catch (JsonProcessingException e) {
            throw new TransferException(where(e.getLocation()), "this is not valid JSON ("
                    + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new TransferException("the start", "it cannot be read (" + e.getMessage() + ").", e);
        }
        if (!formatSeen || !tasksSeen) {
            throw new TransferException("line 1", "this is not a TaskDesk JSON file: it needs \"format\": 1 and "
                    + "\"tasks\": [ … ].");
        }
        return new ReadFile(tasks, skipped, notKept);
    }

    private static TransferTask task(JsonNode node, Instant now) throws FieldText.FieldException {
        if (!node.isObject()) {
            throw new FieldText.FieldException("is not an object { … }");
        }
        String title = text(node, "title");
        if (title.isBlank()) {
            throw new FieldText.FieldException("has no title");
        }
        Instant created = FieldText.instant(text(node, "created"), "created");
        Instant updated = FieldText.instant(text(node, "updated"), "updated");
        Instant completedAt = FieldText.instant(text(node, "completedAt"), "completedAt");
        boolean completed = node.path("completed").asBoolean(false) || completedAt != null;
        List<String> tagNames = new ArrayList<>();
        node.path("tags").forEach(tag -> tagNames.add(tag.asText()));
        String repeat = text(node, "repeat").strip();
        List<Instant> completions = new ArrayList<>();
        for (JsonNode at : node.path("completions")) {
            completions.add(FieldText.instant(at.asText(), "a completion"));
        }
        Instant createdAt = created == null ? now : created;
        Task task = new Task(node.path("id").asLong(0), title, text(node, "description"), completed,
                FieldText.priority(text(node, "priority")), Tags.of(tagNames), FieldText.due(text(node, "due")),
                repeat.isEmpty() ? null : RecurrenceRule.parse(repeat), createdAt, updated == null ? createdAt : updated,
                completed ? (completedAt == null ? now : completedAt) : null);
        String uid = text(node, "uid").strip();
        return new TransferTask(task, uid.isEmpty() ? null : uid, completions, created != null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken wanted, String problem) {
        if (actual != wanted) {
            throw new TransferException(where(json.currentTokenLocation()), problem + ".");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "the start";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
