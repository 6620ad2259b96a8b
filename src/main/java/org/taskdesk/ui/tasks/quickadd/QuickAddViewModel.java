package org.taskdesk.ui.tasks.quickadd;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.QuickAddPart;
import org.taskdesk.domain.tasks.TaskRules;
import org.taskdesk.ui.common.DueWords;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;
import org.taskdesk.ui.common.RepeatWords;
import org.taskdesk.ui.tasks.undo.TaskCommands;
import org.taskdesk.ui.tasks.undo.UndoManager;

/**
 * The quick-add bar: reads the line as it is typed and shows what it understood as chips, then adds the task
 * (an undoable command) and clears the line.
 */
public final class QuickAddViewModel {
    private final TaskCommands commands;
    private final UndoManager undo;
    private final Clock clock;
    private final QuickAddParser parser = new QuickAddParser();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<QuickAddChip> chips = FXCollections.observableArrayList();
    private final ObservableList<QuickAddChip> readChips = FXCollections.unmodifiableObservableList(chips);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper(this, "titleError", "");
    /** What the chips show: the line as read when it was typed, which is what is saved. */
    private QuickAdd understood;
    /** Where the words start that the person gave back to the title by clicking their chip. */
    private Set<Integer> givenBack = Set.of();

    public QuickAddViewModel(TaskCommands commands, UndoManager undo, Clock clock) {
        this.commands = commands;
        this.undo = undo;
        this.clock = clock;
        text.addListener((obs, old, now) -> {
            givenBack = GivenBackWords.after(givenBack, old, now);
            understand(now);
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What was understood, in the order it was typed. */
    public ObservableList<QuickAddChip> chips() {
        return readChips;
    }

    /** The title the task would get: the line without the recognised words. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * Why the line cannot be added as it is (a title over the limit, with its count), or "" when it can. Shown
     * while typing, as the detail pane marks its fields, rather than as a dialog after Enter.
     */
    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError.getReadOnlyProperty();
    }

    /**
     * Adds the task the line describes; the line is cleared once it is saved. Blank lines do nothing, and neither
     * does a line whose title is too long: the bar already says so, and keeps the line to be shortened.
     */
    public void submit() {
        String line = text.get();
        if (line == null || line.isBlank() || !titleError.get().isEmpty()) {
            return;
        }
        undo.execute(commands.add(understood), () -> {
            if (line.equals(text.get())) {
                text.set("");
            }
        });
    }

    /**
     * Gives the words of {@code chip} back to the title: they stay title words while the line is edited, until it
     * is cleared. Another word may then be read in their place ("Meet friday or monday" then falls on Monday).
     */
    public void giveBack(QuickAddChip chip) {
        givenBack = GivenBackWords.with(givenBack, text.get(), chip.start(), chip.end());
        understand(text.get());
    }

    private void understand(String line) {
        if (line == null || line.isBlank()) {
            understood = null;
            chips.clear();
            title.set("");
            titleError.set("");
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        QuickAdd parsed = parser.parse(line, now, givenBack);
        understood = parsed;
        List<QuickAddChip> result = new ArrayList<>();
        for (QuickAddPart part : parsed.parts()) {
            result.add(new QuickAddChip(part.kind(), label(part, parsed, now), part.start(), part.end(),
                    part.kind() == QuickAddPart.Kind.PRIORITY ? parsed.priority() : null));
        }
        title.set(parsed.title()); // first: the chips' listeners show the title too
        int length = TaskRules.titleLength(parsed.title());
        titleError.set(length <= TaskRules.MAX_TITLE_LENGTH ? ""
                : Messages.format("quickadd.title.too.long", length, TaskRules.MAX_TITLE_LENGTH));
        chips.setAll(result);
    }

    private static String label(QuickAddPart part, QuickAdd parsed, ZonedDateTime now) {
        return switch (part.kind()) {
            case DATE -> dateText(parsed, now);
            case TIME -> parsed.dueTime() == null ? part.text() : timeText(parsed);
            case PRIORITY -> parsed.priority() == null ? part.text()
                    : Messages.format("quickadd.chip.priority", PriorityNames.name(parsed.priority()));
            case TAG -> part.text().startsWith("#") ? part.text().toLowerCase(Locale.ROOT) : "#" + part.text();
            case RECURRENCE -> parsed.recurrence() == null ? part.text() : Formats.capitalise(RepeatWords.describe(parsed.recurrence()));
        };
    }

    /** "Tomorrow", or "in 6 days (Fri 27 Nov)": a count of days alone does not say which day it is. */
    private static String dateText(QuickAdd parsed, ZonedDateTime now) {
        LocalDate date = parsed.dueDate();
        String words = DueWords.describe(Due.on(date), now);
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), date);
        return days >= 2 && days <= 6 ? Messages.format("quickadd.chip.in.days", words, Formats.SHORT_DAY.format(date))
                : words;
    }

    private static String timeText(QuickAdd parsed) {
        return Formats.TIME.format(parsed.dueTime());
    }
}
