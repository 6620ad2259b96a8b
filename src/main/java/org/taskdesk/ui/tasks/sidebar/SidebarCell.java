package org.taskdesk.ui.tasks.sidebar;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import java.util.function.Consumer;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.taskdesk.ui.common.Messages;

/** The sidebar row: the list's name and its live count; a saved search's has Rename and Delete on right-click. */
final class SidebarCell extends ListCell<SidebarEntry> {
    private final Label name = new Label();
    private final Label count = new Label();
    private final HBox row;
    private final ContextMenu savedMenu = new ContextMenu();

    SidebarCell(Consumer<SidebarEntry> rename, Consumer<SidebarEntry> delete) {
        MenuItem renameItem = new MenuItem(Messages.text("saved.menu.rename"));
        renameItem.setOnAction(e -> rename.accept(getItem()));
        MenuItem deleteItem = new MenuItem(Messages.text("saved.menu.delete"));
        deleteItem.setOnAction(e -> delete.accept(getItem()));
        savedMenu.getItems().addAll(renameItem, deleteItem);
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
            setContextMenu(null);
            return;
        }
        name.setText(entry.label());
        count.textProperty().bind(entry.countProperty().asString());
        getStyleClass().removeAll("smart-entry", "saved-entry", "tag-entry");
        getStyleClass().add(switch (entry.kind()) {
            case SMART -> "smart-entry";
            case SAVED -> "saved-entry";
            case TAG -> "tag-entry";
        });
        setContextMenu(entry.kind() == SidebarEntry.Kind.SAVED ? savedMenu : null);
        setGraphic(row);
        // Bound, like the count: a screen reader must hear the count now, not the one when the cell was filled.
        accessibleTextProperty().bind(Bindings.createStringBinding(() -> Messages.format("sidebar.entry.accessible",
                entry.label(), String.valueOf(entry.count())), entry.countProperty()));
    }
}
