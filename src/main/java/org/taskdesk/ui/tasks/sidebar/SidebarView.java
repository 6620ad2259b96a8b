package org.taskdesk.ui.tasks.sidebar;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/**
 * The sidebar on the left of the main window: the smart lists, the saved searches, then the tags, each with its
 * count. A saved search is renamed with F2 or its context menu, and deleted with Delete or the same menu.
 */
public final class SidebarView {
    private final ListView<SidebarEntry> entriesView = new ListView<>();
    private final VBox root;

    public SidebarView(SidebarViewModel model, SavedSearchesViewModel saved, SavedSearchDialogs dialogs) {
        entriesView.setId("sidebar");
        entriesView.setAccessibleText(Messages.text("sidebar.accessible"));
        entriesView.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        ObservableList<SidebarEntry> entries = FXCollections.observableArrayList();
        Runnable fill = () -> {
            SidebarEntry chosen = model.selectedListProperty().get();
            entries.setAll(model.smartEntries());
            entries.addAll(model.savedEntries());
            entries.addAll(model.tagEntries());
            entriesView.getSelectionModel().select(chosen);
        };
        fill.run();
        model.tagEntries().addListener((ListChangeListener<SidebarEntry>) c -> fill.run());
        model.savedEntries().addListener((ListChangeListener<SidebarEntry>) c -> fill.run());
        entriesView.setItems(entries);
        entriesView.setCellFactory(v -> new SidebarCell(
                entry -> dialogs.askNewName(entriesView.getScene().getWindow(), entry), saved::delete));
        entriesView.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            SidebarEntry chosen = entriesView.getSelectionModel().getSelectedItem();
            if (chosen == null || chosen.kind() != SidebarEntry.Kind.SAVED) {
                return;
            }
            if (e.getCode() == KeyCode.F2) {
                dialogs.askNewName(entriesView.getScene().getWindow(), chosen);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                saved.delete(chosen);
                e.consume();
            }
        });
        entriesView.getSelectionModel().select(model.selectedListProperty().get());
        entriesView.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedListProperty().set(now);
            }
        });
        model.selectedListProperty().addListener((obs, old, now) -> entriesView.getSelectionModel().select(now));
        Label heading = new Label(Messages.text("sidebar.heading"));
        heading.getStyleClass().addAll("sidebar-heading", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        root = new VBox(4, heading, entriesView);
        VBox.setVgrow(entriesView, Priority.ALWAYS);
        root.getStyleClass().add("sidebar");
        root.setMinWidth(170);
    }

    /** Shows {@code node} under the lists (e.g. sync's "Conflicts (2)"). */
    public void addBelow(Node node) {
        root.getChildren().add(node);
    }

    public Node root() {
        return root;
    }
}
