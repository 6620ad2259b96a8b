package org.taskdesk.ui;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DialogService;
import org.taskdesk.ui.common.FxDialogService;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.ui.firstrun.FirstRunView;
import org.taskdesk.ui.firstrun.FirstRunViewModel;
import org.taskdesk.ui.signin.SignInView;
import org.taskdesk.ui.signin.SignInViewModel;
import org.taskdesk.ui.startup.StartupView;
import org.taskdesk.ui.startup.StartupViewModel;
import org.taskdesk.ui.tasks.MainContext;
import org.taskdesk.workspace.Workspace;

/**
 * The desktop app's one window and the path through it: a window at once with the start-up view, the first run's
 * question, opening (and upgrading) the database in the background, the sign-in form or a remembered session, then
 * the main screen. Nothing here blocks the JavaFX thread.
 */
public final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private final DesktopServices desktop;
    private final BackgroundTasks background;
    private final Function<MainContext, MainScreen> mainScreens;
    private final StartupProbe probe;
    private Stage stage;
    private Scene scene;
    private DialogService dialogs;
    private Workspace workspace;
    private MainScreen mainScreen;
    private WindowPlacing placing;

    public DesktopApp(DesktopServices desktop, BackgroundTasks background, Function<MainContext, MainScreen> mainScreens) {
        this(desktop, background, mainScreens, StartupProbe.NONE);
    }

    public DesktopApp(DesktopServices desktop, BackgroundTasks background, Function<MainContext, MainScreen> mainScreens,
                      StartupProbe probe) {
        this.desktop = desktop;
        this.background = background;
        this.mainScreens = mainScreens;
        this.probe = probe;
    }

    /** Shows the window on {@code stage}; must run on the JavaFX thread. */
    public void show(Stage window) {
        this.stage = window;
        this.dialogs = new FxDialogService(() -> stage);
        desktop.theme().apply(desktop.environment());
        StartupViewModel startup = new StartupViewModel(desktop, background);
        scene = new Scene(startupView(startup).root());
        stage.setTitle(Messages.text("app.name"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DesktopApp.class.getResourceAsStream("/icons/taskdesk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setMinWidth(WindowPlace.MIN_WIDTH);
        stage.setMinHeight(WindowPlace.MIN_HEIGHT);
        stage.setScene(scene);
        placing = new WindowPlacing(stage);
        // Read once, like the theme above, before the first frame: a small file, and the window must open in place.
        placing.restore(desktop.windowPlace());
        // Quit from every screen, not only from the main window's menu (whose Quit has the same shortcut).
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q,
                KeyCombination.SHORTCUT_DOWN), stage::hide);
        // Added, not set: the launcher listens for the same event to end the process.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closeEverything());
        // Before the window is hidden, while its bounds and maximised state are still the ones the person saw.
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> rememberPlace());
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(firstFrame[0]);
            probe.firstFrame();
        };
        scene.addPostLayoutPulseListener(firstFrame[0]);
        stage.show();
        placing.settle();
        background.run(desktop::isFirstRun, firstRun -> {
            if (firstRun) {
                FirstRunViewModel question = new FirstRunViewModel(desktop, background);
                scene.setRoot(new FirstRunView(question, () -> showStartupAndOpen(startup)).root());
            } else {
                open(startup);
            }
        }, failure -> open(startup));
    }

    private void showStartupAndOpen(StartupViewModel startup) {
        scene.setRoot(startupView(startup).root());
        open(startup);
    }

    private StartupView startupView(StartupViewModel startup) {
        return new StartupView(startup, () -> startup.tryAgain(this::opened), () -> startup.restore(this::opened), Platform::exit);
    }

    private void open(StartupViewModel startup) {
        startup.open(this::opened);
    }

    private void opened(Workspace opened) {
        workspace = opened;
        stage.setTitle(Messages.format("app.title.database", opened.databaseName()));
        resumeOrSignIn();
    }

    private void resumeOrSignIn() {
        background.run(() -> desktop.rememberedSession(workspace),
                remembered -> remembered.ifPresentOrElse(this::showMain, this::showSignIn),
                failure -> {
                    LOG.info("Could not resume the remembered session", failure);
                    showSignIn();
                });
    }

    private void showSignIn() {
        SignInViewModel model = new SignInViewModel(workspace.accounts(), desktop, background);
        SignInView view = new SignInView(model, workspace.databaseName(), this::showMain);
        model.chooseForm();
        setRoot(view.root());
        view.focus();
    }

    private void showMain(UserSession user) {
        probe.reached("signed in"); // not shown: a start-up stage for the log
        MainContext context = new MainContext(workspace, user, background, dialogs, desktop, desktop.clock(),
                () -> signOut(user));
        mainScreen = mainScreens.apply(context);
        mainScreen.placeDividers(placing.dividers());
        setRoot(mainScreen.root());
        probe.reached("main window built"); // not shown: a start-up stage for the log
    }

    private void signOut(UserSession user) {
        closeMainScreen();
        background.run(() -> {
            desktop.forgetToken();
            workspace.accounts().signOut(user);
            return null;
        }, ignored -> showSignIn(), failure -> {
            dialogs.showError(Messages.text("app.signout.failed"), failure);
            showSignIn();
        });
    }

    private void setRoot(Parent root) {
        scene.setRoot(root);
    }

    private void rememberPlace() {
        if (mainScreen != null) {
            placing.rememberDividers(mainScreen.dividers());
        }
        WindowPlace place = placing.now();
        background.run(() -> {
            desktop.saveWindowPlace(place);
            return null;
        }, ignored -> { }, failure -> LOG.warn("Could not remember where the window was", failure));
    }

    private void closeMainScreen() {
        if (mainScreen != null) {
            placing.rememberDividers(mainScreen.dividers());
            mainScreen.close();
            mainScreen = null;
        }
    }

    private void closeEverything() {
        closeMainScreen();
        Workspace open = workspace;
        if (open != null) {
            background.run(() -> {
                open.close();
                return null;
            }, ignored -> { }, failure -> LOG.warn("Closing the database failed", failure));
        }
    }
}
