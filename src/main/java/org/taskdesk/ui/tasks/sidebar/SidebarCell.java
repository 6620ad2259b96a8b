package org.taskdesk.ui.tasks.sidebar;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.taskdesk.ui.common.Messages;

/** The sidebar row: the list's name and its live count. */
final class SidebarCell extends ListCell<SidebarEntry> {
    private final Label name = new Label();
    private final Label count = new Label();
    private final HBox row;

    SidebarCell() {
        count.getStyleClass().add("count-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(6, name, spacer, count);
        row.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(SidebarEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        count.textProperty().unbind();
        accessibleTextProperty().unbind();
        if (empty || entry == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        name.setText(entry.label());
        count.textProperty().bind(entry.countProperty().asString());
        getStyleClass().removeAll("smart-entry", "tag-entry");
        getStyleClass().add(entry.kind() == SidebarEntry.Kind.SMART ? "smart-entry" : "tag-entry");
        setGraphic(row);
        // Bound, like the count: a screen reader must hear the count now, not the one when the cell was filled.
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> Messages.format("sidebar.entry.accessible",
                entry.label(), String.valueOf(entry.count())), entry.countProperty()));
    }
}
