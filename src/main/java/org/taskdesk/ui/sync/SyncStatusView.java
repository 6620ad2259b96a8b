package org.taskdesk.ui.sync;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.taskdesk.ui.common.Messages;

/** The status bar's sync part: where sync stands, and "Try again" after a failure. */
public final class SyncStatusView {
    private SyncStatusView() {
    }

    public static Node of(SyncStatusViewModel model, Runnable retry) {
        Label text = new Label();
        text.setId("status-sync");
        text.textProperty().bind(model.textProperty());
        text.accessibleTextProperty().bind(model.textProperty());
        text.setMinWidth(0); // a long reason shortens with an ellipsis rather than widening the window
        Hyperlink again = new Hyperlink(Messages.text("sync.status.retry"));
        again.setId("status-sync-retry");
        again.setAccessibleText(Messages.text("sync.status.retry.accessible"));
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.managedProperty().bind(model.canRetryProperty());
        again.visibleProperty().bind(model.canRetryProperty());
        again.setOnAction(e -> retry.run());
        HBox box = new HBox(4, text, again);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(model.shownProperty());
        box.visibleProperty().bind(model.shownProperty());
        return box;
    }
}
