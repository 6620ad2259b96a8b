package org.taskdesk.ui.signin;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountRules;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;

/**
 * Signing in and signing up. Each field is checked as it is typed (the same rules as the service), so mistakes are
 * marked at the field before anything is sent; "keep me signed in" stores the session token, never the password.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final BooleanProperty signingUp = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty keepSignedIn = new SimpleBooleanProperty(true);
    private final BooleanProperty capsLockOn = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty nameProblem = new SimpleStringProperty("");
    private final StringProperty emailProblem = new SimpleStringProperty("");
    private final StringProperty passwordProblem = new SimpleStringProperty("");
    private final StringProperty confirmationProblem = new SimpleStringProperty("");

    private final AccountService accounts;
    private final DesktopServices desktop;
    private final BackgroundTasks background;

    public SignInViewModel(AccountService accounts, DesktopServices desktop, BackgroundTasks background) {
        this.accounts = accounts;
        this.desktop = desktop;
        this.background = background;
        name.addListener((o, was, now) -> nameProblem.set(problem(() -> AccountRules.name(now))));
        email.addListener((o, was, now) -> emailProblem.set(problem(() -> AccountRules.email(now))));
        password.addListener((o, was, now) -> {
            passwordProblem.set(signingUp.get() ? problem(() -> AccountRules.newPassword(now)) : "");
            confirmationProblem.set(confirmationText());
        });
        confirmation.addListener((o, was, now) -> confirmationProblem.set(confirmationText()));
        signingUp.addListener((o, was, now) -> {
            error.set("");
            passwordProblem.set(now && !password.get().isEmpty() ? problem(() -> AccountRules.newPassword(password.get())) : "");
        });
    }

    public BooleanProperty signingUpProperty() {
        return signingUp;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty keepSignedInProperty() {
        return keepSignedIn;
    }

    /** Set by the view from the keyboard state; the view shows a hint while it is on. */
    public BooleanProperty capsLockOnProperty() {
        return capsLockOn;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem;
    }

    public ReadOnlyStringProperty emailProblemProperty() {
        return emailProblem;
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem;
    }

    public ReadOnlyStringProperty confirmationProblemProperty() {
        return confirmationProblem;
    }

    /**
     * Opens on "Create your account" when nobody has signed up here yet (a new user's first screen), else on "Sign
     * in". Asked in the background; a switch the user made meanwhile is kept.
     */
    public void chooseForm() {
        boolean before = signingUp.get();
        background.run(accounts::hasAccounts, hasAccounts -> {
            if (signingUp.get() == before && email.get().isEmpty()) {
                signingUp.set(!hasAccounts);
            }
        }, failure -> LOG.info("Could not tell whether anyone has signed up; showing sign-in", failure));
    }

    /** Whether the form can be sent: every field filled and without a problem, and nothing under way. */
    public BooleanBinding canSubmit() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !email.get().isBlank() && !password.get().isEmpty()
                        && emailProblem.get().isEmpty()
                        && (!signingUp.get() || (!name.get().isBlank() && nameProblem.get().isEmpty()
                        && passwordProblem.get().isEmpty() && confirmationProblem.get().isEmpty()
                        && !confirmation.get().isEmpty())),
                busy, email, password, emailProblem, signingUp, name, nameProblem, passwordProblem, confirmationProblem,
                confirmation);
    }

    /** Signs in (or up, then in); {@code signedIn} gets the session on the JavaFX thread. */
    public void submit(Consumer<UserSession> signedIn) {
        busy.set(true);
        error.set("");
        boolean up = signingUp.get();
        String enteredName = name.get();
        String enteredEmail = email.get();
        String enteredPassword = password.get();
        boolean keep = keepSignedIn.get();
        background.run(() -> {
            if (up) {
                accounts.signUp(enteredEmail, enteredName, enteredPassword);
            }
            UserSession session = accounts.signIn(enteredEmail, enteredPassword, keep);
            if (keep) {
                desktop.rememberToken(session.token());
            } else {
                desktop.forgetToken();
            }
            return session;
        }, session -> {
            busy.set(false);
            password.set("");
            confirmation.set("");
            signedIn.accept(session);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    private String confirmationText() {
        return signingUp.get() && !confirmation.get().isEmpty() && !confirmation.get().equals(password.get())
                ? Messages.text("signin.passwords.differ") : "";
    }

    private static String problem(Runnable check) {
        try {
            check.run();
            return "";
        } catch (TaskDeskException e) {
            return e.getMessage();
        }
    }
}
