package org.taskdesk.ui.help;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.ToolWindow;

/** The About window: name and version, the database and the log file (selectable, for a report), a link to the guide. */
public final class AboutView extends VBox {
    private AboutView(AboutViewModel model, Runnable close) {
        super(12);
        setId("about");
        setPadding(new Insets(20));
        Label name = new Label(Messages.text("app.name"));
        name.getStyleClass().add(Styles.TITLE_2);
        Label version = new Label(model.version());
        version.setId("about-version");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, name(Messages.text("about.database")), shown("about-database", model.database()));
        facts.addRow(1, name(Messages.text("about.log")), shown("about-log", model.logFile()));
        Hyperlink guide = new Hyperlink(Messages.text("about.guide"));
        guide.setId("about-guide");
        guide.setOnAction(e -> model.openGuide());
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Button closeButton = new Button(Messages.text("about.close"));
        closeButton.setDefaultButton(true);
        closeButton.setOnAction(e -> close.run());
        HBox buttons = new HBox(closeButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(name, version, facts, guide, error, buttons);
    }

    /** A fact's name, never shortened ("Datab…"): the path beside it scrolls instead. */
    private static Label name(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A read-only field: the text can be selected and copied, and a long path scrolls instead of being cut. */
    private static TextField shown(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(36);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /** Opens the About window over {@code owner}. FX thread only. */
    public static Stage open(AboutViewModel model, Window owner) {
        Stage[] stage = new Stage[1];
        AboutView view = new AboutView(model, () -> stage[0].close());
        stage[0] = ToolWindow.show(owner, Messages.text("about.title"), view, 480, 260);
        return stage[0];
    }
}
