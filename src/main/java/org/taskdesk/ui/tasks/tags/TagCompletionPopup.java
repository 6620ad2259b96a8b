package org.taskdesk.ui.tasks.tags;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.taskdesk.ui.common.Messages;

/**
 * Shows a {@link TagCompletion}'s suggestions under a text field. The field keeps the keyboard: ↓ and ↑ choose,
 * Tab or Enter take the chosen tag (Enter keeps a tag typed in full, see {@link TagCompletion#takeOnEnter()}), Esc
 * closes the list (and only the list); a click takes a tag too.
 */
public final class TagCompletionPopup {
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final TextField field;
    private final TagCompletion model;
    private final Popup popup = new Popup();
    private final VBox rows = new VBox();
    /** True while a taken tag is written into the field, which must not offer tags again for it. */
    private boolean writing;

    private TagCompletionPopup(TextField field, TagCompletion model) {
        this.field = field;
        this.model = model;
        rows.setId("tag-completion");
        rows.getStyleClass().add("tag-completion");
        rows.getStylesheets().add(TagCompletionPopup.class.getResource("tag-completion.css").toExternalForm());
        popup.getContent().add(rows);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false); // Esc is handled below, so that it closes the list and not the dialog
        popup.setOnAutoHide(e -> model.close());
        field.textProperty().addListener(o -> typed());
        field.caretPositionProperty().addListener(o -> typed());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.close();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        model.suggestions().addListener((ListChangeListener<TagCompletion.Suggestion>) c -> showSuggestions());
        model.chosenProperty().addListener(o -> markChosen());
    }

    /** Offers {@code model}'s tags under {@code field} as the person types in it. */
    public static void attach(TextField field, TagCompletion model) {
        new TagCompletionPopup(field, model);
    }

    private void typed() {
        if (!writing && field.isFocused()) {
            model.typed(field.getText(), field.getCaretPosition());
        }
    }

    private void keyPressed(KeyEvent event) {
        if (model.suggestions().isEmpty()) {
            return;
        }
        switch (event.getCode()) {
            case DOWN -> model.next();
            case UP -> model.previous();
            case TAB -> model.take().ifPresent(this::write);
            case ENTER -> {
                var taken = model.takeOnEnter();
                if (taken.isEmpty()) {
                    return; // a whole tag was typed: Enter goes on to the field (adds the task or the tag)
                }
                write(taken.get());
            }
            case ESCAPE -> model.close();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void write(TagCompletion.Completed completed) {
        writing = true;
        try {
            field.setText(completed.text());
            field.positionCaret(completed.caret());
        } finally {
            writing = false;
        }
    }

    private void showSuggestions() {
        rows.getChildren().clear();
        int index = 0;
        for (TagCompletion.Suggestion suggestion : model.suggestions()) {
            Label tag = new Label("#" + suggestion.tag());
            Label count = new Label(Integer.toString(suggestion.count()));
            count.getStyleClass().add("tag-count");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(12, tag, gap, count);
            row.getStyleClass().add("tag-suggestion");
            row.setAccessibleText(Messages.format("tags.suggestion.accessible", suggestion.tag(), suggestion.count()));
            int at = index++;
            row.setOnMouseClicked(e -> model.take(at).ifPresent(this::write));
            rows.getChildren().add(row);
        }
        markChosen();
        if (rows.getChildren().isEmpty()) {
            popup.hide();
        } else if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null
                && field.getScene().getWindow().isShowing()) {
            Bounds shown = field.localToScreen(field.getBoundsInLocal());
            rows.setMinWidth(Math.min(shown.getWidth(), 260));
            popup.show(field, shown.getMinX(), shown.getMaxY());
        }
    }

    private void markChosen() {
        for (int i = 0; i < rows.getChildren().size(); i++) {
            rows.getChildren().get(i).pseudoClassStateChanged(CHOSEN, i == model.chosenProperty().get());
        }
    }
}
