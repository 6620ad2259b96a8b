package org.taskdesk.ui.tasks.transfer;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;

/**
 * File → Import… and File → Export (all tasks, or the current list): asks for the file, then shows a progress
 * indicator in the status bar while the view model works in the background, and what came of it at the end.
 */
public final class TransferView {
    private final TransferViewModel model;
    private final TransferFiles files;
    private final Supplier<Window> owner;
    private final HBox status;

    /** @param owner the main window, which owns the file chooser */
    public TransferView(TransferViewModel model, TransferFiles files, Supplier<Window> owner) {
        this.model = model;
        this.files = files;
        this.owner = owner;
        ProgressIndicator working = new ProgressIndicator();
        working.setId("transfer-busy");
        working.setPrefSize(14, 14);
        working.setAccessibleText(Messages.text("transfer.busy"));
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId("transfer-result");
        result.textProperty().bind(Bindings.when(model.errorProperty().isEmpty())
                .then(model.resultProperty()).otherwise(model.errorProperty()));
        result.accessibleTextProperty().bind(result.textProperty());
        // A summary can be long ("212 added, 3 updated, 2 skipped: line 14 …"): it shortens rather than widening
        // the window, and is read whole from the label's accessible text.
        result.setMinWidth(0);
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        model.errorProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                result.getStyleClass().remove(Styles.DANGER);
            } else if (!result.getStyleClass().contains(Styles.DANGER)) {
                result.getStyleClass().add(Styles.DANGER);
            }
        });
        status = new HBox(6, working, result);
        status.setMinWidth(Region.USE_COMPUTED_SIZE);
    }

    /** File → Import… and File → Export, disabled while one is running. */
    public List<MenuItem> menuItems() {
        MenuItem importItem = new MenuItem(Messages.text("transfer.menu.import"));
        importItem.setId("menu-import");
        importItem.setOnAction(e -> files.fileToImport(owner.get()).ifPresent(model::importFrom));
        MenuItem all = new MenuItem(Messages.text("transfer.menu.export.all"));
        all.setId("menu-export-all");
        all.setOnAction(e -> files.fileToExport(owner.get()).ifPresent(file -> model.export(file, false)));
        MenuItem list = new MenuItem(Messages.text("transfer.menu.export.list"));
        list.setId("menu-export-list");
        list.setOnAction(e -> files.fileToExport(owner.get()).ifPresent(file -> model.export(file, true)));
        Menu export = new Menu(Messages.text("transfer.menu.export"));
        export.setId("menu-export");
        export.getItems().addAll(all, list);
        for (MenuItem item : List.of(importItem, export)) {
            item.disableProperty().bind(model.busyProperty());
        }
        return List.of(importItem, export);
    }

    /** The progress indicator and the last result, for the status bar. */
    public Node status() {
        return status;
    }
}
