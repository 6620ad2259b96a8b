package org.taskdesk.ui.tasks.quickadd;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/** The quick-add bar at the top of the main window: the line, and under it a chip for each thing understood. */
public final class QuickAddView {
    private final QuickAddViewModel model;
    private final TextField field = new TextField();
    private final VBox root;

    /** @param leave where the keyboard goes when the person presses Esc in the bar (the task list) */
    public QuickAddView(QuickAddViewModel model, Runnable leave) {
        this.model = model;
        field.setId("quick-add");
        field.setPromptText(Messages.text("quickadd.prompt"));
        field.setAccessibleText(Messages.text("quickadd.accessible"));
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnAction(e -> model.submit());
        field.getStyleClass().add(Styles.LARGE);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.textProperty().set("");
                leave.run();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);

        FlowPane chips = new FlowPane(6, 4);
        chips.setId("quick-add-chips");
        chips.setAccessibleText(Messages.text("quickadd.chips.accessible"));
        model.chips().addListener((ListChangeListener<QuickAddChip>) c -> showChips(chips));
        chips.managedProperty().bind(Bindings.isNotEmpty(chips.getChildren()));
        chips.visibleProperty().bind(chips.managedProperty());
        Label titleError = new Label();
        titleError.setId("quick-add-error");
        titleError.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
        titleError.setWrapText(true);
        titleError.textProperty().bind(model.titleErrorProperty());
        titleError.managedProperty().bind(model.titleErrorProperty().isNotEmpty());
        titleError.visibleProperty().bind(titleError.managedProperty());
        model.titleErrorProperty().addListener((obs, old, now) ->
                field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        root = new VBox(6, field, titleError, chips);
        root.getStyleClass().add("quick-add-bar");
        root.setPadding(new Insets(10, 12, 10, 12));
    }

    public Node root() {
        return root;
    }

    /** Ctrl+N: into the bar, with what is there selected so typing replaces it. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private void showChips(FlowPane chips) {
        chips.getChildren().clear();
        if (!model.chips().isEmpty()) {
            Label title = new Label(Messages.format("quickadd.title", model.titleProperty().get()));
            title.getStyleClass().addAll("chip-title", Styles.TEXT_MUTED);
            chips.getChildren().add(title);
        }
        for (QuickAddChip chip : model.chips()) {
            Label label = new Label(chip.text());
            label.getStyleClass().addAll("chip", "chip-" + chip.kind().name().toLowerCase(Locale.ROOT));
            if (chip.priority() != null) {
                // Each level its own colour, as the list's marks: a red chip for "Low" would say the wrong thing.
                label.getStyleClass().add("chip-priority-" + chip.priority().name().toLowerCase(Locale.ROOT));
            }
            label.setAccessibleText(Messages.format("quickadd.chip.accessible", kindName(chip), chip.text()));
            // Quick add guessed; a click says "that was part of the title" and the line is read again.
            String typed = model.textProperty().get().substring(chip.start(), chip.end());
            label.setTooltip(new Tooltip(Messages.format("quickadd.chip.giveback", typed)));
            label.setCursor(Cursor.HAND);
            label.setOnMouseClicked(e -> model.giveBack(chip));
            chips.getChildren().add(label);
        }
    }

    /** "date", "time"…: what a chip is, for a screen reader. */
    private static String kindName(QuickAddChip chip) {
        return switch (chip.kind()) {
            case DATE -> Messages.text("quickadd.kind.date");
            case TIME -> Messages.text("quickadd.kind.time");
            case PRIORITY -> Messages.text("quickadd.kind.priority");
            case TAG -> Messages.text("quickadd.kind.tag");
            case RECURRENCE -> Messages.text("quickadd.kind.recurrence");
        };
    }
}
