package org.taskdesk.ui.sync;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.ToolWindow;
import org.taskdesk.ui.sync.ConflictsViewModel.Entry;

/** The conflict inbox, a thin view over {@link ConflictsViewModel}: each entry with Restore and Dismiss. */
public final class ConflictsView {
    private ConflictsView() {
    }

    /** The sidebar's "Conflicts (N)", shown while N is above 0; it opens the inbox. */
    public static Node sidebarLink(ConflictsViewModel model, Runnable open) {
        Hyperlink link = new Hyperlink();
        link.setId("sidebar-conflicts");
        link.textProperty().bind(model.countProperty().asString().map(n -> Messages.format("sync.conflicts.sidebar", n)));
        link.accessibleTextProperty().bind(link.textProperty());
        link.managedProperty().bind(model.countProperty().greaterThan(0));
        link.visibleProperty().bind(link.managedProperty());
        link.getStyleClass().add(Styles.DANGER);
        link.setOnAction(e -> open.run());
        return link;
    }

    /** Opens the inbox in a window of its own over {@code owner}. */
    public static Stage open(ConflictsViewModel model, Window owner) {
        VBox list = new VBox(12);
        list.setId("conflicts-list");
        Runnable fill = () -> list.getChildren().setAll(model.entries().isEmpty()
                ? java.util.List.of(new Label(Messages.text("sync.conflicts.none")))
                : model.entries().stream().map(entry -> row(model, entry)).toList());
        fill.run();
        model.entries().addListener((ListChangeListener<Entry>) change -> fill.run());
        Label heading = new Label(Messages.text("sync.conflicts.heading"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label error = new Label();
        error.setId("conflicts-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox root = new VBox(12, heading, error, scroll);
        root.setPadding(new Insets(16));
        model.load();
        return ToolWindow.show(owner, Messages.text("sync.conflicts.window.title"), root, 560, 420);
    }

    private static Node row(ConflictsViewModel model, Entry entry) {
        Label what = wrapping(Messages.format("sync.conflicts.entry", entry.task(), entry.field()));
        what.getStyleClass().add(Styles.TEXT_BOLD);
        Label kept = wrapping(Messages.format("sync.conflicts.kept", entry.kept()));
        Label lost = wrapping(Messages.format("sync.conflicts.overwritten", entry.overwritten()));
        Label won = wrapping(entry.wonBy());
        won.getStyleClass().add(Styles.TEXT_MUTED);
        Button restore = new Button(Messages.text("sync.conflicts.restore"));
        restore.setAccessibleHelp(Messages.text("sync.conflicts.restore.accessible"));
        restore.setId("conflict-restore-" + entry.number());
        restore.setOnAction(e -> model.restore(entry));
        Button dismiss = new Button(Messages.text("sync.conflicts.dismiss"));
        dismiss.setAccessibleHelp(Messages.text("sync.conflicts.dismiss.accessible"));
        dismiss.setId("conflict-dismiss-" + entry.number());
        dismiss.setOnAction(e -> model.dismiss(entry));
        VBox row = new VBox(4, what, kept, lost, won, new HBox(8, restore, dismiss));
        row.getStyleClass().add("conflict");
        return row;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
