package org.taskdesk.ui.sync;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.sync.Conflict;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/**
 * The conflict inbox: values of this device that a sync overwrote, each with the value that was kept, which side
 * won and when. Restoring one puts the old value back as a new edit (which syncs); dismissing forgets it. Read
 * again after every round.
 */
public final class ConflictsViewModel {
    /** One entry as shown: the task, the field in words, the value kept and the one overwritten, who won and when. */
    public record Entry(int number, String task, String field, String kept, String overwritten, String wonBy) {
    }

    private final AppSync sync;
    private final Clock clock;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<Runnable> restored = new ArrayList<>();

    public ConflictsViewModel(AppSync sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
        sync.afterRound(this::load);
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    /** How many entries wait: the sidebar shows "Conflicts (N)" while it is above 0. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Why the last restore or dismiss failed, in one line; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Runs {@code listener} (on the JavaFX thread) after a value was put back into its task. */
    public void onRestored(Runnable listener) {
        restored.add(listener);
    }

    public void load() {
        sync.run((service, user) -> service.status(user).isPresent() ? service.conflicts(user) : List.<Conflict>of(),
                this::show, failure -> error.set(ErrorText.of(failure)));
    }

    public void restore(Entry entry) {
        sync.run((service, user) -> {
            service.restore(user, entry.number());
            return service.conflicts(user);
        }, left -> {
            show(left);
            restored.forEach(Runnable::run);
        }, failure -> error.set(Messages.format("sync.conflicts.not.restored", ErrorText.of(failure))));
    }

    public void dismiss(Entry entry) {
        sync.run((service, user) -> {
            service.dismiss(user, entry.number());
            return service.conflicts(user);
        }, this::show, failure -> error.set(Messages.format("sync.conflicts.not.dismissed", ErrorText.of(failure))));
    }

    private void show(List<Conflict> conflicts) {
        error.set("");
        entries.setAll(conflicts.stream().map(this::entry).toList());
        count.set(entries.size());
    }

    private Entry entry(Conflict conflict) {
        ZonedDateTime at = conflict.recordedAt().atZone(clock.getZone());
        String server = "the server"; // not shown: how the replica records that the server won
        String winner = server.equals(conflict.winner()) ? Messages.text("sync.conflicts.winner.server")
                : Messages.text("sync.conflicts.winner.device");
        return new Entry(conflict.number(), conflict.taskTitle(), field(conflict.field()), value(conflict.wonValue()),
                value(conflict.lostValue()), Messages.format("sync.conflicts.won.by", winner, Formats.DATE.format(at),
                Formats.TIME.format(at)));
    }

    private static String field(String wireName) {
        return switch (wireName) {
            case "title" -> Messages.text("sync.field.title");
            case "description" -> Messages.text("sync.field.description");
            case "priority" -> Messages.text("sync.field.priority");
            case "tags" -> Messages.text("sync.field.tags");
            case "due" -> Messages.text("sync.field.due");
            case "repeat" -> Messages.text("sync.field.repeat");
            case "completed" -> Messages.text("sync.field.completed");
            default -> wireName; // a field of a later protocol: its own name
        };
    }

    /** A value as the protocol writes it (JSON), in plain words: text without its quotes, a list without brackets. */
    static String value(String json) {
        if (json == null || json.isBlank() || "null".equals(json)) {
            return Messages.text("sync.conflicts.empty");
        }
        String text = json.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            String inner = text.substring(1, text.length() - 1).strip();
            return inner.isEmpty() ? Messages.text("sync.conflicts.empty") : inner.replace("\"", "").replace(",", ", ");
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text;
    }
}
