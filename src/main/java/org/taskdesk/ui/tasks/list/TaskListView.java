package org.taskdesk.ui.tasks.list;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.tasks.search.SearchView;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.store.TaskStore;

/** The middle of the main window: the search box and the sort order over the list of tasks. */
public final class TaskListView {
    private final TaskListViewModel model;
    private final ListView<Task> taskList = new ListView<>();
    private final SearchView search;
    private final VBox root;

    /** @param openDetail moves the keyboard to the detail pane (Enter on a task) */
    public TaskListView(TaskListViewModel model, TaskStore store, SearchViewModel searchModel, SelectionActions actions,
                        Clock clock, Runnable openDetail) {
        this.model = model;
        search = new SearchView(searchModel, this::focus);
        HBox tools = new HBox(8, search.field(), sortBox(store));
        tools.setAlignment(Pos.CENTER_LEFT);

        taskList.setId("task-list");
        taskList.setAccessibleText(Messages.text("list.accessible"));
        taskList.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        taskList.setFixedCellSize(40);
        taskList.setItems(model.visibleTasks());
        taskList.setCellFactory(v -> new TaskCell(clock, task -> actions.toggleDone(List.of(task))));
        taskList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        taskList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Task>) c -> {
            if (!model.isPublishing()) {
                model.setSelection(List.copyOf(taskList.getSelectionModel().getSelectedItems()));
            }
        });
        // Registered after setItems, so it runs once the list view has taken the new items in.
        model.visibleTasks().addListener((ListChangeListener<Task>) c -> restoreSelection());
        taskList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()) {
                actions.completeSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && model.currentProperty().get() != null) {
                openDetail.run();
                e.consume();
            }
        });
        Label placeholder = new Label();
        placeholder.setId("task-list-empty");
        placeholder.textProperty().bind(model.emptyText());
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(TextAlignment.CENTER);
        placeholder.setPadding(new Insets(24));
        taskList.setPlaceholder(placeholder);
        VBox.setVgrow(taskList, Priority.ALWAYS);

        root = new VBox(6, tools, search.error(), taskList);
        root.setPadding(new Insets(8, 0, 0, 0));
        VBox.setMargin(tools, new Insets(0, 8, 0, 8));
        VBox.setMargin(search.error(), new Insets(0, 8, 0, 8));
        root.setMinWidth(240); // with the sidebar, fits a 600-pixel window (the detail pane folds away there)
    }

    public Node root() {
        return root;
    }

    /** Into the list; the first task is selected when none is, so the keys act on something. */
    public void focus() {
        taskList.requestFocus();
        if (taskList.getSelectionModel().isEmpty() && !taskList.getItems().isEmpty()) {
            taskList.getSelectionModel().select(0);
        }
    }

    /** Into the list, leaving the selection as it is (Esc in the quick-add bar). */
    public void requestFocus() {
        taskList.requestFocus();
    }

    /** The clock moved on: rows say "Today 09:00" or mark a task overdue by the time, so they are drawn again. */
    public void timePassed() {
        taskList.refresh();
    }

    /** Ctrl+F. */
    public void focusSearch() {
        search.focus();
    }

    /** Ctrl+A outside a text field: every task shown. */
    public void selectAll() {
        taskList.getSelectionModel().selectAll();
        taskList.requestFocus();
    }

    private static ComboBox<TaskSort> sortBox(TaskStore store) {
        ComboBox<TaskSort> sort = new ComboBox<>(FXCollections.observableArrayList(TaskSort.values()));
        sort.setId("sort");
        sort.setAccessibleText(Messages.text("list.sort.accessible"));
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskSort s) {
                return s == null ? "" : SortNames.inBox(s);
            }

            @Override
            public TaskSort fromString(String s) {
                return null;
            }
        });
        sort.valueProperty().bindBidirectional(store.sortProperty());
        return sort;
    }

    private void restoreSelection() {
        MultipleSelectionModel<Task> selection = taskList.getSelectionModel();
        int[] indices = model.selectedIndices();
        selection.clearSelection();
        if (indices.length > 0) {
            selection.selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
            taskList.getFocusModel().focus(indices[indices.length - 1]);
        }
    }
}
