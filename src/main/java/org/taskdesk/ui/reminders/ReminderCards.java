package org.taskdesk.ui.reminders;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;

/**
 * The reminders the desktop could not show, in the top right corner of the main window: each stays until the
 * person completes, snoozes or dismisses it. Its buttons are in the Tab order, since the card waits for an answer.
 */
public final class ReminderCards {
    private final Reminders reminders;
    private final VBox cards = new VBox(8);

    public ReminderCards(Reminders reminders) {
        this.reminders = reminders;
        cards.setAlignment(Pos.TOP_RIGHT);
        cards.setPadding(new Insets(72, 16, 0, 0));
        cards.setPickOnBounds(false); // clicks beside the cards reach the window
        cards.setMaxSize(460, Region.USE_PREF_SIZE);
        StackPane.setAlignment(cards, Pos.TOP_RIGHT);
        reminders.inWindow().addListener((ListChangeListener<Reminder>) c -> show());
        show();
    }

    /** The layer to put over the main window. */
    public Node root() {
        return cards;
    }

    private void show() {
        cards.getChildren().setAll(reminders.inWindow().stream().map(this::card).toList());
    }

    private Node card(Reminder reminder) {
        Label text = new Label(reminder.message());
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(Messages.text("reminders.dismiss"));
        dismiss.getStyleClass().addAll("reminder-dismiss", Styles.FLAT);
        dismiss.setOnAction(e -> reminders.choose(reminder, null));
        HBox top = new HBox(8, text, dismiss);
        top.setAlignment(Pos.TOP_LEFT);
        HBox choices = new HBox(6);
        for (ReminderChoice choice : ReminderChoice.values()) {
            Button button = new Button(choice.label());
            button.getStyleClass().add("reminder-" + choice.action());
            if (choice == ReminderChoice.COMPLETE) {
                button.getStyleClass().add(Styles.ACCENT);
            }
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> reminders.choose(reminder, choice));
            choices.getChildren().add(button);
        }
        VBox card = new VBox(8, top, choices);
        card.getStyleClass().add("reminder-card");
        card.setAccessibleRole(AccessibleRole.TEXT);
        card.setAccessibleText(Messages.format("reminders.card.accessible", reminder.message()));
        return card;
    }
}
