package org.taskdesk.ui.startup;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taskdesk.ui.common.Messages;

/** The first thing on screen: the app's name and what it is doing; on failure, what went wrong and the way out. */
public final class StartupView {
    private final StackPane root;

    public StartupView(StartupViewModel model, Runnable retry, Runnable restore, Runnable quit) {
        Label title = new Label(Messages.text("app.name"));
        title.getStyleClass().add(Styles.TITLE_1);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(48, 48);
        progress.setAccessibleText(Messages.text("startup.progress"));
        progress.visibleProperty().bind(model.failedProperty().not());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);

        Label headline = new Label();
        headline.textProperty().bind(model.errorHeadlineProperty());
        headline.getStyleClass().addAll(Styles.TITLE_4, Styles.DANGER);
        headline.setWrapText(true);
        Label explanation = new Label();
        explanation.textProperty().bind(model.errorTextProperty());
        explanation.setWrapText(true);
        explanation.setMaxWidth(560);
        Button retryButton = new Button(Messages.text("startup.retry"));
        retryButton.setOnAction(e -> retry.run());
        Button quitButton = new Button(Messages.text("startup.quit"));
        quitButton.getStyleClass().add(Styles.ACCENT);
        quitButton.setDefaultButton(true);
        quitButton.setOnAction(e -> quit.run());
        Button restoreButton = new Button();
        restoreButton.textProperty().bind(model.restoreTextProperty());
        restoreButton.accessibleTextProperty().bind(model.restoreTextProperty());
        restoreButton.visibleProperty().bind(model.canRestoreProperty());
        restoreButton.managedProperty().bind(restoreButton.visibleProperty());
        restoreButton.setOnAction(e -> restore.run());
        HBox buttons = new HBox(8, retryButton, restoreButton, quitButton);
        buttons.setAlignment(Pos.CENTER);
        VBox failure = new VBox(12, headline, explanation, buttons);
        failure.setAlignment(Pos.CENTER);
        failure.visibleProperty().bind(model.failedProperty());
        failure.managedProperty().bind(failure.visibleProperty());

        Label notice = new Label();
        notice.textProperty().bind(model.noticeProperty());
        notice.setWrapText(true);
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox content = new VBox(20, title, progress, message, notice, failure);
        content.setAlignment(Pos.CENTER);
        content.setMaxWidth(620);
        content.setMaxHeight(Region.USE_PREF_SIZE);
        root = new StackPane(content);
        root.setStyle("-fx-padding: 48;");
    }

    public Parent root() {
        return root;
    }
}
