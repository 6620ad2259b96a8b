package org.taskdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestDesktop;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/** The sign-in form's logic, on a real local database, without starting JavaFX. */
class SignInViewModelTest {
    @TempDir
    Path folder;

    private DesktopServices desktop;
    private Workspace workspace;
    private SignInViewModel model;

    @BeforeEach
    void open() {
        desktop = TestDesktop.backend(folder, Clock.systemUTC(), folder.resolve("tasks.mv.db").toString());
        workspace = desktop.openWorkspace(step -> { });
        model = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void signUpMarksEachFieldAsItIsTyped() {
        model.signingUpProperty().set(true);
        model.nameProperty().set("   ");
        model.emailProperty().set("ann@");
        model.passwordProperty().set("short");
        model.confirmationProperty().set("other");

        assertThat(model.nameProblemProperty().get()).isEqualTo("Enter your name.");
        assertThat(model.emailProblemProperty().get()).contains("is not an email address");
        assertThat(model.passwordProblemProperty().get()).contains("too short");
        assertThat(model.confirmationProblemProperty().get()).isEqualTo("The two passwords differ.");
        assertThat(model.canSubmit().get()).isFalse();

        model.nameProperty().set("Ann");
        model.emailProperty().set("ann@example.com");
        model.passwordProperty().set("😀".repeat(19)); // 76 bytes
        assertThat(model.passwordProblemProperty().get()).contains("76 bytes");

        model.passwordProperty().set("a good password");
        model.confirmationProperty().set("a good password");
        assertThat(model.nameProblemProperty().get()).isEmpty();
        assertThat(model.passwordProblemProperty().get()).isEmpty();
        assertThat(model.confirmationProblemProperty().get()).isEmpty();
        assertThat(model.canSubmit().get()).isTrue();
    }

    @Test
    void signInDoesNotJudgeThePasswordsLength() {
        model.emailProperty().set("ann@example.com");
        model.passwordProperty().set("short");

        assertThat(model.passwordProblemProperty().get()).isEmpty();
        assertThat(model.canSubmit().get()).isTrue();
    }

    @Test
    void signingUpSignsInAndKeepsOnlyTheTokenWhenAsked() {
        model.signingUpProperty().set(true);
        model.nameProperty().set("Ann");
        model.emailProperty().set("ann@example.com");
        model.passwordProperty().set("a good password");
        model.confirmationProperty().set("a good password");
        model.keepSignedInProperty().set(true);
        AtomicReference<UserSession> signedIn = new AtomicReference<>();

        model.submit(signedIn::set);

        assertThat(signedIn.get().account().name()).isEqualTo("Ann");
        assertThat(desktop.rememberedToken()).contains(signedIn.get().token());
        assertThat(model.passwordProperty().get()).as("the password is not kept in memory").isEmpty();
        assertThat(workspace.accounts().resume(desktop.rememberedToken().orElseThrow())).isPresent();
    }

    @Test
    void aWrongPasswordShowsTheSameMessageAsAnUnknownEmailAndRemembersNothing() {
        workspace.accounts().signUp("ann@example.com", "Ann", "a good password");
        model.keepSignedInProperty().set(true);
        AtomicReference<UserSession> signedIn = new AtomicReference<>();

        model.emailProperty().set("ann@example.com");
        model.passwordProperty().set("wrong password");
        model.submit(signedIn::set);
        String wrongPassword = model.errorProperty().get();
        model.emailProperty().set("nobody@example.com");
        model.passwordProperty().set("a good password");
        model.submit(signedIn::set);

        assertThat(signedIn.get()).isNull();
        assertThat(wrongPassword).isEqualTo("Wrong email or password.").isEqualTo(model.errorProperty().get());
        assertThat(desktop.rememberedToken()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theThrottlingDelayIsShown() {
        workspace.accounts().signUp("ann@example.com", "Ann", "a good password");
        model.emailProperty().set("ann@example.com");
        for (int i = 0; i < 5; i++) {
            model.passwordProperty().set("wrong " + i);
            model.submit(session -> { });
        }
        model.passwordProperty().set("a good password");

        model.submit(session -> { });

        assertThat(model.errorProperty().get()).matches("Too many failed sign-ins: wait \\d+ seconds? and try again\\.");
    }

    @Test
    void anEmptyDatabaseOpensOnCreateYourAccount() {
        model.chooseForm();

        assertThat(model.signingUpProperty().get()).as("no account yet: the sign-up form comes first").isTrue();
    }

    @Test
    void aDatabaseWithAnAccountOpensOnSignIn() {
        workspace.accounts().signUp("ann@example.com", "Ann", "a good password");
        SignInViewModel another = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());

        another.chooseForm();

        assertThat(another.signingUpProperty().get()).isFalse();
    }
}
