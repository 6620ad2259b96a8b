package org.taskdesk.ui.tasks.list;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.DueWords;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.PriorityNames;

/**
 * One row of the task list. The nodes are made once per cell and only refilled as the list scrolls, so 100,000
 * tasks scroll as smoothly as ten.
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
        setAccessibleText(task.title() + (task.completed() ? Messages.text("list.cell.done") : "")
                + (PriorityNames.inSentence(task.priority()).isEmpty() ? ""
                        : Messages.format("list.cell.priority", PriorityNames.inSentence(task.priority())))
                + (when.isEmpty() ? "" : Messages.format("list.cell.due", when))
                + (task.isRecurring() ? Messages.text("list.cell.repeats") : ""));
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
