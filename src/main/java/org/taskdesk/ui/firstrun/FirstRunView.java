package org.taskdesk.ui.firstrun;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.firstrun.FirstRunViewModel.Place;

/** Asks, once, where tasks are kept. */
public final class FirstRunView {
    private final StackPane root;

    public FirstRunView(FirstRunViewModel model, Runnable done) {
        Label title = new Label(Messages.text("firstrun.question"));
        title.getStyleClass().add(Styles.TITLE_2);
        wrapWhole(title);
        ToggleGroup group = new ToggleGroup();
        RadioButton local = new RadioButton(Messages.text("firstrun.local"));
        local.setToggleGroup(group);
        local.setUserData(Place.THIS_COMPUTER);
        Label localHint = hint(Messages.text("firstrun.local.hint"));
        RadioButton server = new RadioButton(Messages.text("firstrun.server"));
        server.setToggleGroup(group);
        server.setUserData(Place.SHARED_SERVER);
        Label serverHint = hint(Messages.text("firstrun.server.hint"));
        TextField url = new TextField();
        url.setPromptText(Messages.text("firstrun.server.example"));
        url.setAccessibleText(Messages.text("firstrun.server.address"));
        url.textProperty().bindBidirectional(model.serverUrlProperty());
        url.disableProperty().bind(model.placeProperty().isNotEqualTo(Place.SHARED_SERVER));
        group.selectToggle(model.placeProperty().get() == Place.THIS_COMPUTER ? local : server);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.placeProperty().set((Place) now.getUserData());
            }
        });
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        wrapWhole(error);
        Button next = new Button(Messages.text("firstrun.continue"));
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canContinue().not());
        next.setOnAction(e -> model.confirm(done));
        Label busy = hint(Messages.text("firstrun.testing"));
        busy.visibleProperty().bind(model.busyProperty());

        VBox content = new VBox(12, title, local, localHint, server, serverHint, url, error, next, busy);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setMaxWidth(620);
        content.setMaxHeight(Region.USE_PREF_SIZE);
        root = new StackPane(content);
        root.setStyle("-fx-padding: 48;");
        // Not in a scene yet: focus once the caller has put the root in one.
        Platform.runLater(local::requestFocus);
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        wrapWhole(label);
        label.setStyle("-fx-padding: 0 0 0 28;");
        return label;
    }

    /** Wrapped onto as many lines as it needs: a VBox would otherwise give it one line and cut the rest. */
    private static void wrapWhole(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    public Parent root() {
        return root;
    }
}
