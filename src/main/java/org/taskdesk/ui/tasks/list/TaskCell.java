package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.DueWords;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;

/**
 * One row of the task list. The nodes are made once per cell and only refilled as the list scrolls, so 100,000
 * tasks scroll as smoothly as ten. While its task is being renamed ({@link RenameInPlace}), a title field takes the
 * title's place: Enter saves, Escape cancels, leaving the field saves a title that passes the rules.
 */
public final class TaskCell extends ListCell<Task> {
    private static final String[] PRIORITY_CLASSES = {"priority-none", "priority-low", "priority-medium", "priority-high"};

    private final Clock clock;
    private final CheckBox done = new CheckBox();
    private final Region priorityMark = new Region();
    private final Label title = new Label();
    private final HBox tags = new HBox(4);
    private final List<Label> tagLabels = new ArrayList<>();
    private final Label repeat = new Label("↻");
    private final Label due = new Label();
    private final HBox row;
    private RenameInPlace rename; // null: rows that cannot be renamed (the benchmark's)
    private TextField editor; // made when this cell first shows a rename
    // Held here and registered weakly: the list makes new cells on every refresh, and the model outlives them.
    private final ChangeListener<Task> renamingChanged = (o, was, now) -> showEditor();
    private final ChangeListener<String> renameError = (o, was, now) -> markEditor(now);

    /** A row whose title can be renamed in place through {@code rename}. */
    public TaskCell(Clock clock, Consumer<Task> toggleDone, RenameInPlace rename) {
        this(clock, toggleDone);
        this.rename = rename;
        rename.renamingProperty().addListener(new WeakChangeListener<>(renamingChanged));
        rename.errorProperty().addListener(new WeakChangeListener<>(renameError));
    }

    public TaskCell(Clock clock, Consumer<Task> toggleDone) {
        this.clock = clock;
        getStyleClass().add("task-cell");
        done.setFocusTraversable(false);
        done.setOnAction(e -> {
            Task task = getItem();
            if (task != null) {
                done.setSelected(task.completed()); // the list shows the saved state when it arrives
                toggleDone.accept(task);
            }
        });
        priorityMark.getStyleClass().add("priority-mark");
        title.getStyleClass().add("task-title");
        // Title and tags give way with an ellipsis when the row is narrow; the repeat mark and the due date never do.
        title.setMinWidth(60);
        HBox.setHgrow(title, Priority.SOMETIMES);
        tags.setAlignment(Pos.CENTER_LEFT);
        repeat.getStyleClass().add("repeat-mark");
        repeat.setMinWidth(Region.USE_PREF_SIZE);
        due.getStyleClass().add("due");
        due.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(8, done, priorityMark, title, tags, spacer, repeat, due);
        row.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // The list makes every row as wide as the widest row wants; asking for nothing keeps rows as wide as the
        // list, so a long title or a second tag shortens instead of bringing a horizontal scrollbar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Task task, boolean empty) {
        super.updateItem(task, empty);
        if (empty || task == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        done.setSelected(task.completed());
        done.setAccessibleText(task.completed() ? Messages.format("list.cell.reopen", task.title())
                : Messages.format("list.cell.complete", task.title()));
        priorityMark.getStyleClass().removeAll(PRIORITY_CLASSES);
        priorityMark.getStyleClass().add(PRIORITY_CLASSES[task.priority().ordinal()]);
        title.setText(task.title());
        pseudoClassStateChanged(TaskStates.DONE, task.completed());
        fillTags(task);
        repeat.setVisible(task.isRecurring());
        repeat.setManaged(task.isRecurring());
        String when = "";
        boolean overdue = false;
        if (task.due() != null) {
            ZonedDateTime now = ZonedDateTime.now(clock);
            when = DueWords.describe(task.due(), now);
            overdue = !task.completed() && task.due().isOverdue(now);
        }
        due.setText(when);
        due.pseudoClassStateChanged(TaskStates.OVERDUE, overdue);
        setGraphic(row);
        showEditor();
        setAccessibleText(task.title() + (task.completed() ? Messages.text("list.cell.done") : "")
                + (PriorityNames.inSentence(task.priority()).isEmpty() ? ""
                        : Messages.format("list.cell.priority", PriorityNames.inSentence(task.priority())))
                + (when.isEmpty() ? "" : Messages.format("list.cell.due", when))
                + (task.isRecurring() ? Messages.text("list.cell.repeats") : ""));
    }

    /** Shows the title field instead of the title while this row's task is being renamed, and the title after. */
    private void showEditor() {
        if (rename == null) {
            return;
        }
        Task task = isEmpty() ? null : getItem();
        Task renamed = rename.renamingProperty().get();
        boolean renaming = task != null && renamed != null && renamed.id() == task.id();
        boolean shown = editor != null && editor.getParent() == row;
        if (renaming == shown) {
            return;
        }
        if (renaming) {
            if (editor == null) {
                editor = makeEditor();
            }
            row.getChildren().set(row.getChildren().indexOf(title), editor);
            markEditor(rename.errorProperty().get());
            editor.requestFocus();
            editor.selectAll();
        } else {
            boolean hadFocus = editor.isFocused();
            row.getChildren().set(row.getChildren().indexOf(editor), title);
            if (hadFocus && getListView() != null) {
                getListView().requestFocus(); // back to the list, as after Esc in the detail pane
            }
        }
    }

    private TextField makeEditor() {
        TextField field = new TextField();
        field.setId("rename-field");
        field.getStyleClass().add("rename-field");
        field.setAccessibleText(Messages.text("list.rename.accessible"));
        field.setMinWidth(60);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.textProperty().bindBidirectional(rename.textProperty());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER -> rename.save();
                case ESCAPE -> rename.cancel();
                // The list would move its selection under the field: the row being renamed stays the current one.
                case UP, DOWN, PAGE_UP, PAGE_DOWN -> { }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && field.getParent() == row && !rename.save()) {
                rename.cancel(); // leaving with a title that cannot be saved keeps the old one, as Esc does
            }
        });
        return field;
    }

    private void markEditor(String error) {
        if (editor == null) {
            return;
        }
        boolean wrong = error != null && !error.isEmpty();
        editor.pseudoClassStateChanged(Styles.STATE_DANGER, wrong);
        editor.setTooltip(wrong ? new Tooltip(error) : null);
        editor.setAccessibleHelp(wrong ? error : null);
    }

    private void fillTags(Task task) {
        List<String> names = new ArrayList<>(task.tags().names());
        while (tagLabels.size() < names.size()) {
            Label chip = new Label();
            chip.getStyleClass().add("tag-chip");
            tagLabels.add(chip);
        }
        if (tags.getChildren().size() != names.size()) {
            tags.getChildren().setAll(tagLabels.subList(0, names.size()));
        }
        for (int i = 0; i < names.size(); i++) {
            tagLabels.get(i).setText("#" + names.get(i));
        }
    }
}
