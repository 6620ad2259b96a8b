package org.taskdesk.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.secrets.FileTokenStore;
import org.taskdesk.workspace.Workspace;

/**
 * The training run behind the packaged app's class-data (AppCDS) archive. It does what people do at start-up, so those
 * classes load from the archive: the commands on a scratch database, then — when there is a display (the build uses
 * Xvfb) — the window itself, signed in through a remembered session, until the task list is on screen (the start-up
 * probe then quits). Without a display (a package being installed) it loads, without initialising them, the window's
 * classes that the build's run recorded in {@code window-classes.txt} beside the jar: JDK 17's archives only work at
 * the path they were made at, so an installed package makes its own. Not for people: it prints nothing useful.
 */
public final class CdsTraining {
    private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);
    /** The window's classes, as the build's training run loaded them; shipped beside the jar. */
    public static final String WINDOW_CLASSES = "window-classes.txt";

    private CdsTraining() {
    }

    /** Run with XDG_DATA_HOME and XDG_CONFIG_HOME pointing at scratch folders and TASKDESK_STARTUP_PROBE set. */
    public static void main(String[] args) {
        UserEnvironment environment = UserEnvironment.ofThisProcess();
        run(environment, "db", "upgrade", "head");
        run(environment, "db", "current");
        run(environment, "account", "create", "--name", "Training");
        run(environment, "tasks", "add", "Train the archive tomorrow 9am #cds !high every week");
        run(environment, "tasks", "list", "#cds | due:7d");
        rememberSession(environment);
        loadPostgresqlDriver();
        if (Main.run(environment) != 0) {
            loadRecordedWindowClasses();
        }
    }

    private static void loadRecordedWindowClasses() {
        try {
            Path jar = Path.of(
                    CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path list = jar.resolveSibling(WINDOW_CLASSES);
            if (!Files.isRegularFile(list)) {
                LOG.info("No display and no {}: the archive covers the commands only", WINDOW_CLASSES);
                return;
            }
            int loaded = 0;
            for (String name : Files.readAllLines(list)) {
                try {
                    Class.forName(name.strip(), false, CdsTraining.class.getClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class of another platform's build: not needed here
                }
            }
            LOG.info("No display: loaded {} recorded window classes", loaded);
        } catch (IOException | URISyntaxException e) {
            LOG.warn("Could not read the recorded window classes", e);
        }
    }

    /**
     * Loads, without initialising them, the PostgreSQL driver's classes: the training has no server to talk to, so
     * without this every command on a shared server ({@code db current} against a server included) loaded and
     * verified the driver's 180-odd classes from the jar (ADR 0035).
     */
    private static void loadPostgresqlDriver() {
        try (JarFile jar = new JarFile(Path.of(
                CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            int loaded = 0;
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("org/postgresql/") && name.endsWith(".class") && !name.contains("-")) {
                    try {
                        Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                                CdsTraining.class.getClassLoader());
                        loaded++;
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class for a library the program does not carry (OSGi, Waffle): never used here
                    }
                }
            }
            LOG.info("Loaded {} classes of the PostgreSQL driver", loaded);
        } catch (IOException | URISyntaxException e) {
            LOG.warn("Could not list the PostgreSQL driver's classes", e);
        }
    }

    private static void run(UserEnvironment environment, String... args) {
        int code = Main.run(environment, args);
        if (code != 0) {
            throw new IllegalStateException("Training command failed with " + code + ": " + String.join(" ", args));
        }
    }

    /** Signs in with "keep me signed in", as the app's sign-in form would, so the window opens on the task list. */
    private static void rememberSession(UserEnvironment environment) {
        Configuration configuration = Configuration.configure(environment).load();
        AppServices services = new AppServices(configuration, Clock.systemDefaultZone());
        try (Workspace workspace = services.openWorkspace()) {
            UserSession session = workspace.accounts().signIn(environment.variable("TASKDESK_EMAIL"),
                    environment.variable("TASKDESK_PASSWORD"), true);
            new FileTokenStore(configuration.dataFolder().resolve(DesktopBackend.TOKEN_FILE))
                    .save(workspace.databaseName(), session.token());
        }
    }
}
