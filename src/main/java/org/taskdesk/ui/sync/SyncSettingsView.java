package org.taskdesk.ui.sync;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/** Settings → Sync, a thin view over {@link SyncSettingsViewModel}: the link form while not linked, else the link. */
public final class SyncSettingsView {
    /** About the width of the server's URL field: the note under the fields wraps at it. */
    private static final double NOTE_WIDTH = 360;

    private SyncSettingsView() {
    }

    public static Node of(SyncSettingsViewModel model) {
        Label title = new Label(Messages.text("sync.settings.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label linkedTo = label("sync-linked-to");
        linkedTo.textProperty().bind(model.linkedToProperty());
        Label last = label("sync-last-result");
        last.textProperty().bind(model.lastResultProperty());
        last.getStyleClass().add(Styles.TEXT_MUTED);

        TextField url = new TextField();
        url.setId("sync-server-url");
        url.setPromptText(Messages.text("sync.settings.server.example"));
        url.setAccessibleText(Messages.text("sync.settings.server"));
        url.textProperty().bindBidirectional(model.serverUrlProperty());
        PasswordField password = new PasswordField();
        password.setId("sync-password");
        password.setAccessibleText(Messages.text("sync.settings.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        Button link = new Button(Messages.text("sync.settings.link"));
        link.setId("sync-link");
        link.disableProperty().bind(model.canLinkProperty().not());
        link.setOnAction(e -> model.link());
        Label note = label(null);
        note.setText(Messages.text("sync.settings.password.note"));
        note.getStyleClass().add(Styles.TEXT_MUTED);
        // Wraps within the form instead of asking for its whole length (it made the Settings window 870 px wide).
        note.setPrefWidth(NOTE_WIDTH);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, heading(Messages.text("sync.settings.server")), url);
        form.addRow(1, heading(Messages.text("sync.settings.password")), password);
        form.add(new VBox(6, note, link), 1, 2);
        GridPane.setHgrow(url, Priority.ALWAYS);
        form.managedProperty().bind(model.linkedProperty().not());
        form.visibleProperty().bind(form.managedProperty());

        Button syncNow = new Button(Messages.text("sync.settings.sync.now"));
        syncNow.setId("sync-now");
        syncNow.disableProperty().bind(model.busyProperty());
        syncNow.setOnAction(e -> model.syncNow());
        Button unlink = new Button(Messages.text("sync.settings.unlink"));
        unlink.setId("sync-unlink");
        unlink.disableProperty().bind(model.busyProperty());
        unlink.setOnAction(e -> model.unlink());
        HBox linkedButtons = new HBox(8, syncNow, unlink);
        linkedButtons.managedProperty().bind(model.linkedProperty());
        linkedButtons.visibleProperty().bind(linkedButtons.managedProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setAccessibleText(Messages.text("sync.settings.linking"));
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        Label message = label("sync-message");
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, was, failure) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            message.getStyleClass().add(failure ? Styles.DANGER : Styles.SUCCESS);
        });
        HBox status = new HBox(8, busy, message);
        return new VBox(8, title, linkedTo, last, form, linkedButtons, status);
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
