package org.taskdesk.ui.signin;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.ui.common.Messages;

/** The sign-in and sign-up form, one card that switches between the two. */
public final class SignInView {
    private final ScrollPane root;
    private final TextField email;
    private final TextField name;
    private final SignInViewModel model;

    public SignInView(SignInViewModel model, String databaseName, Consumer<UserSession> signedIn) {
        Label title = new Label();
        title.textProperty().bind(Bindings.when(model.signingUpProperty()).then(Messages.text("signin.title.sign.up"))
                .otherwise(Messages.text("signin.title")));
        title.getStyleClass().add(Styles.TITLE_2);
        Label where = new Label(Messages.format("signin.where", databaseName));
        where.setId("sign-in-where");
        where.getStyleClass().add(Styles.TEXT_MUTED);
        // One line, shortened in the middle: a path wrapped as text broke inside a word, and its start (the folder)
        // and end (the file) are what tell databases apart. The whole path is in the tooltip.
        where.setWrapText(false);
        where.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        where.setEllipsisString("…"); // not shown as text: the one-character ellipsis instead of three dots
        where.setMinWidth(0);
        where.setTooltip(new Tooltip(databaseName));

        this.model = model;
        name = field(new TextField(), Messages.text("signin.name.prompt"), model.nameProperty());
        name.setId("name");
        Label nameLabel = label(Messages.text("signin.name"), name);
        Label nameProblem = problem(model.nameProblemProperty(), name);
        email = field(new TextField(), Messages.text("signin.email.prompt"), model.emailProperty());
        email.setId("email");
        Label emailLabel = label(Messages.text("signin.email"), email);
        Label emailProblem = problem(model.emailProblemProperty(), email);
        PasswordField password = field(new PasswordField(), Messages.text("signin.password.prompt"), model.passwordProperty());
        password.setId("password");
        Label passwordLabel = label(Messages.text("signin.password"), password);
        Label passwordProblem = problem(model.passwordProblemProperty(), password);
        PasswordField confirmation = field(new PasswordField(), Messages.text("signin.confirmation.prompt"),
                model.confirmationProperty());
        confirmation.setId("confirmation");
        Label confirmationLabel = label(Messages.text("signin.confirmation"), confirmation);
        Label confirmationProblem = problem(model.confirmationProblemProperty(), confirmation);
        // Problem labels follow their field's visibility on their own (see problem()).
        for (var node : new Node[] {nameLabel, name, confirmationLabel, confirmation}) {
            node.visibleProperty().bind(model.signingUpProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        Label capsLock = new Label(Messages.text("signin.caps.lock"));
        capsLock.getStyleClass().add(Styles.WARNING);
        capsLock.visibleProperty().bind(model.capsLockOnProperty());
        capsLock.managedProperty().bind(capsLock.visibleProperty());
        for (PasswordField field : new PasswordField[] {password, confirmation}) {
            field.addEventFilter(KeyEvent.KEY_RELEASED, e -> model.capsLockOnProperty().set(capsLockOn(e)));
            field.focusedProperty().addListener((o, was, now) -> model.capsLockOnProperty().set(now && capsLockOn(null)));
        }
        CheckBox keep = new CheckBox(Messages.text("signin.keep"));
        keep.selectedProperty().bindBidirectional(model.keepSignedInProperty());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setAccessibleRole(AccessibleRole.TEXT);

        Button submit = new Button();
        submit.textProperty().bind(Bindings.when(model.signingUpProperty()).then(Messages.text("signin.submit.sign.up"))
                .otherwise(Messages.text("signin.submit")));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.canSubmit().not());
        submit.setOnAction(e -> model.submit(signedIn));
        submit.setId("submit");
        Hyperlink toggle = new Hyperlink();
        toggle.textProperty().bind(Bindings.when(model.signingUpProperty())
                .then(Messages.text("signin.switch.to.sign.in")).otherwise(Messages.text("signin.switch.to.sign.up")));
        toggle.setOnAction(e -> model.signingUpProperty().set(!model.signingUpProperty().get()));
        // The form can change after the view is shown (no account yet: sign-up), and a switch hides fields.
        model.signingUpProperty().addListener((o, was, now) -> focus());

        VBox card = new VBox(6, title, where, nameLabel, name, nameProblem, emailLabel, email, emailProblem,
                passwordLabel, password, passwordProblem, confirmationLabel, confirmation, confirmationProblem, capsLock,
                keep, error, submit, toggle);
        card.getStyleClass().add("sign-in-card");
        card.setMaxWidth(420);
        card.setStyle("-fx-padding: 32; -fx-background-color: -color-bg-subtle; -fx-background-radius: 12;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 12;");
        VBox centred = new VBox(card);
        centred.setAlignment(Pos.CENTER);
        centred.setStyle("-fx-padding: 32;");
        // In a window shorter than the form (600×400, sign-up) the card scrolls instead of losing its top and bottom.
        root = new ScrollPane(centred);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, before, now) -> showWhole(now));
            }
        });
    }

    /** Scrolls the form so that the field the keyboard moved to is on screen (a ScrollPane does not do it itself). */
    private void showWhole(Node focused) {
        Node content = root.getContent();
        if (focused == null || content == null || !isInside(focused, content)) {
            return;
        }
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewportHeight = root.getViewportBounds().getHeight();
        if (contentHeight <= viewportHeight) {
            return;
        }
        Bounds field = content.sceneToLocal(focused.localToScene(focused.getLayoutBounds()));
        double top = root.getVvalue() * (contentHeight - viewportHeight);
        if (field.getMinY() < top) {
            top = field.getMinY();
        } else if (field.getMaxY() > top + viewportHeight) {
            top = field.getMaxY() - viewportHeight;
        }
        root.setVvalue(top / (contentHeight - viewportHeight));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the first field of the form shown (name to sign up, email to sign in), once on screen. */
    public void focus() {
        Platform.runLater(() -> (model.signingUpProperty().get() ? name : email).requestFocus());
    }

    private static <T extends TextInputControl> T field(T field, String prompt, StringProperty value) {
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label label(String text, TextInputControl field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setStyle("-fx-padding: 6 0 0 0;");
        field.setAccessibleText(text);
        return label;
    }

    private static Label problem(ObservableStringValue text, TextInputControl field) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.visibleProperty().bind(Bindings.isNotEmpty(text).and(field.visibleProperty()));
        label.managedProperty().bind(label.visibleProperty());
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !text.get().isEmpty());
        text.addListener((o, was, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        return label;
    }

    private static boolean capsLockOn(KeyEvent event) {
        try {
            return Platform.isKeyLocked(KeyCode.CAPS).orElse(false);
        } catch (UnsupportedOperationException e) {
            return false; // the platform cannot tell (e.g. headless)
        }
    }
}
