package org.taskdesk.app;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.SharedServerAccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.migrations.BackupCopy;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.migrations.RestoredBackup;
import org.taskdesk.persistence.database.DatabaseChoice;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.server.SharedServerAccounts;
import org.taskdesk.persistence.secrets.FileTokenStore;
import org.taskdesk.persistence.secrets.KeyringTokenStore;
import org.taskdesk.persistence.secrets.SessionTokenStore;
import org.taskdesk.persistence.settings.SettingsFile;
import org.taskdesk.sync.Replica;
import org.taskdesk.sync.SyncService;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.StartupProbe;
import org.taskdesk.ui.common.Theme;
import org.taskdesk.ui.common.WindowPlace;
import org.taskdesk.workspace.Workspace;

/** What the desktop app gets from the program: the chosen database, settings, the remembered session. */
final class DesktopBackend implements DesktopServices {
    /** Where remembered sessions go when there is no keyring, in the data folder. */
    static final String TOKEN_FILE = "remembered-sessions.properties";

    private final Clock clock;
    private final Passwords passwords;
    private final SettingsFile settings;
    private final SessionTokenStore tokens;
    /** Resolved once; replaced, never read again from the files, when the person chooses another database. */
    private volatile Configuration configuration;
    private volatile DatabaseTarget opened;
    /** The database being opened since the program started, until the start-up view takes it; else null. */
    private EarlyOpening early;
    /** The first screen read on the opening thread after it, and the workspace it was read on once taken. */
    private FirstScreen firstScreen;
    private Workspace firstScreenOf;
    /** Opened once the first screen's task list is on screen (see startOpening): Hibernate's start waits for it. */
    private CompletableFuture<Void> hibernateMayStart = CompletableFuture.completedFuture(null);
    /** Where Hibernate starts while the window already works in plain SQL (ADR 0027); tests hold it back. */
    private final Executor hibernateThread;
    /** Told when Hibernate has taken over: a start-up stage. */
    private volatile StartupProbe probe = StartupProbe.NONE;

    DesktopBackend(Configuration configuration, Clock clock, Passwords passwords, SessionTokenStore tokens) {
        this(configuration, clock, passwords, tokens, HibernateHandover.ownThread());
    }

    DesktopBackend(Configuration configuration, Clock clock, Passwords passwords, SessionTokenStore tokens,
                   Executor hibernateThread) {
        this.hibernateThread = hibernateThread;
        this.configuration = configuration;
        this.clock = clock;
        this.passwords = passwords;
        this.settings = new SettingsFile(configuration.settingsFile());
        this.tokens = tokens;
    }

    /** The real thing: tokens in the OS keyring, else an owner-only file in the data folder. */
    static DesktopBackend create(Configuration configuration, Clock clock, Passwords passwords) {
        SessionTokenStore file = new FileTokenStore(configuration.dataFolder().resolve(TOKEN_FILE));
        return new DesktopBackend(configuration, clock, passwords, new KeyringTokenStore(file));
    }

    @Override
    public void readSettingsAgain() {
        configuration = configuration.readAgain();
    }

    @Override
    public boolean isFirstRun() {
        DatabaseChoice choice = configuration.database();
        return choice.isDefault() && choice.target().isMissingLocalFile();
    }

    /** The database that is open, else the one that would be opened now. */
    @Override
    public String databaseName() {
        DatabaseTarget open = opened;
        return open != null ? open.displayName() : chosen().displayName();
    }

    /**
     * Opens the chosen database on a thread of its own once the window's first frame is on screen, and goes on there
     * with the first screen: the remembered session, then its tasks (ADR 0027, 0034); {@link #openWorkspace},
     * {@link #rememberedSession} and {@link #firstTasks} then take them. Not on a first run, where the person chooses
     * the database first, nor when the settings cannot be read (the start-up view reports that).
     *
     * @return the probe to give the window: its first frame lets the opening begin
     */
    StartupProbe startOpening(StartupProbe probe) {
        DatabaseTarget target;
        try {
            if (isFirstRun()) {
                return probe;
            }
            target = chosen();
        } catch (TaskDeskException e) {
            return probe;
        }
        this.probe = probe;
        DatabaseConnections connections = connections(target);
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        // Hibernate's start, the most CPU of the whole start, waits until the task list is on screen, or until it is
        // clear that no list follows at once (no remembered session: the sign-in form), or the start is abandoned.
        CompletableFuture<Void> listShown = new CompletableFuture<>();
        Executor afterTheList = work -> hibernateThread.execute(() -> {
            listShown.join();
            work.run();
        });
        FirstScreen first = new FirstScreen();
        EarlyOpening opening = EarlyOpening.start(target, firstFrame, steps -> {
            try {
                Workspace workspace = open(connections, steps, afterTheList);
                probe.reached("database opened");
                return workspace;
            } catch (RuntimeException | Error e) {
                listShown.complete(null);
                throw e;
            }
        }, workspace -> {
            boolean listFollows = false;
            try {
                listFollows = first.read(workspace, () -> tokens.load(target.displayName()), probe);
            } finally {
                if (!listFollows) {
                    listShown.complete(null);
                }
            }
        });
        synchronized (this) {
            early = opening;
            firstScreen = first;
            hibernateMayStart = listShown;
        }
        return new StartupProbe() {
            @Override
            public void firstFrame() {
                probe.firstFrame();
                firstFrame.complete(null);
            }

            @Override
            public void taskListShown(int tasks) {
                probe.taskListShown(tasks);
                listShown.complete(null);
            }

            @Override
            public void reached(String stage) {
                probe.reached(stage);
            }
        };
    }

    /** Closes the database opened at start-up if the start-up view never took it (the window closed first). */
    void abandonEarlyOpening() {
        CompletableFuture<Void> hibernate;
        synchronized (this) {
            hibernate = hibernateMayStart;
        }
        // The window closed, perhaps before its list was shown: closing the workspace waits for Hibernate's start.
        hibernate.complete(null);
        EarlyOpening opening = takeEarlyOpening();
        if (opening != null) {
            opening.abandon();
        }
    }

    private synchronized EarlyOpening takeEarlyOpening() {
        EarlyOpening opening = early;
        early = null;
        return opening;
    }

    @Override
    public Workspace openWorkspace(Consumer<MigrationStep> progress) {
        DatabaseTarget target = chosen();
        EarlyOpening opening = takeEarlyOpening();
        Workspace workspace;
        if (opening != null && opening.target().equals(target)) {
            workspace = opening.take(progress);
            synchronized (this) {
                firstScreenOf = workspace;
            }
        } else {
            if (opening != null) {
                opening.abandon(); // the settings chose another database meanwhile
            }
            workspace = open(connections(target), progress);
        }
        // Remembered sessions belong to this database until the app restarts, even if Settings chooses another.
        opened = target;
        return workspace;
    }

    /**
     * Opens {@code connections}' database; a shared server's client login works on this device's replica of the
     * person who signs in (ADR 0029), the local file and the server's owner as they are.
     */
    private Workspace open(DatabaseConnections connections, Consumer<MigrationStep> steps) {
        return open(connections, steps, hibernateThread);
    }

    private Workspace open(DatabaseConnections connections, Consumer<MigrationStep> steps, Executor hibernateStart) {
        if (!ReplicaWorkspace.isFor(connections, configuration.dataFolder())) {
            // The list is shown from plain SQL while Hibernate starts on its own thread (ADR 0027).
            return OpenedWorkspace.openForWindow(connections, passwords, clock, steps, hibernateStart,
                    () -> probe.reached("Hibernate started"));
        }
        Configuration settings = configuration;
        return new ReplicaWorkspace(connections.target(), settings.dataFolder(),
                new SharedServerAccountService(SharedServerAccounts.over(connections), passwords),
                AppServices.syncServers(settings, passwords), AppServices.syncTokens(tokens), clock,
                replica -> OpenedWorkspace.open(connections(replica), passwords, clock, step -> { }));
    }

    @Override
    public Optional<BackupCopy> newestBackup() {
        return chosenMigrations().newestUsableCopy();
    }

    @Override
    public RestoredBackup restoreBackup(BackupCopy copy) {
        return chosenMigrations().restore(copy.file().toString());
    }

    private MigrationService chosenMigrations() {
        return new MigrationService(DatabaseSchemas.of(new DatabaseConnections(chosen()), clock));
    }

    private DatabaseTarget chosen() {
        return configuration.database().target();
    }

    @Override
    public void useLocalDatabase() {
        settings.put(SettingsFile.DATABASE_URL, null);
        configuration = configuration.withDatabaseFromSettingsFile(null);
        // Create the local database now, so that the next start is no longer a first run. Only when its file does
        // not exist yet: it may be the very database open in this window, and checking or copying an open file
        // closes a descriptor of it, which drops H2's POSIX lock (see LocalDatabaseFile). An existing file is
        // brought up to date at the next start anyway.
        DatabaseTarget target = configuration.defaultDatabase();
        if (target.h2File().filter(file -> Files.exists(file, LinkOption.NOFOLLOW_LINKS)).isPresent()) {
            return;
        }
        DatabaseConnections local = connections(target);
        new MigrationService(DatabaseSchemas.of(local, clock)).upgradeToHead(step -> { });
    }

    @Override
    public void useServer(String url) {
        UserEnvironment environment = configuration.environment();
        DatabaseTarget target = new DatabaseUrl(environment.workingDirectory(), environment.userHome()).parse(url);
        if (target.kind() != DatabaseKind.POSTGRESQL) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "That is not a PostgreSQL server URL: write it like "
                    + "postgresql://taskdesk_client:password@host:5432/taskdesk?sslmode=require.");
        }
        new MigrationService(DatabaseSchemas.of(connections(target), clock)).requireAtHead();
        settings.put(SettingsFile.DATABASE_URL, url.strip());
        configuration = configuration.withDatabaseFromSettingsFile(target);
    }

    /** Connections to {@code target}, waiting on a server no longer than TASKDESK_SERVER_TIMEOUT allows. */
    private DatabaseConnections connections(DatabaseTarget target) {
        return new DatabaseConnections(target, configuration.serverTimeouts());
    }

    /** On the database opened at start-up: the session the opening thread resumed (once); else resumed now. */
    @Override
    public Optional<UserSession> rememberedSession(Workspace workspace) {
        FirstScreen first;
        synchronized (this) {
            first = firstScreenOf == workspace ? firstScreen : null;
            firstScreenOf = null; // once: signing out and in again resumes afresh
        }
        return first != null ? first.session() : DesktopServices.super.rememberedSession(workspace);
    }

    /** The tasks the opening thread read for {@code user}, once; empty otherwise. */
    @Override
    public Optional<List<Task>> firstTasks(UserSession user) {
        FirstScreen first;
        synchronized (this) {
            first = firstScreen;
        }
        return first != null ? first.tasksOf(user) : Optional.empty();
    }

    @Override
    public Optional<String> rememberedToken() {
        return tokens.load(databaseName());
    }

    @Override
    public void rememberToken(String token) {
        tokens.save(databaseName(), token);
    }

    @Override
    public void forgetToken() {
        tokens.forget(databaseName());
    }

    @Override
    public Theme theme() {
        try {
            return Theme.fromSetting(settings.get(SettingsFile.THEME).orElse(null));
        } catch (TaskDeskException e) {
            // The theme is asked for before the first frame; an unreadable settings file is reported by the
            // start-up view when it reads the database setting, so here it only means the default look.
            return Theme.SYSTEM;
        }
    }

    @Override
    public void saveTheme(Theme theme) {
        settings.put(SettingsFile.THEME, theme.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<WindowPlace> windowPlace() {
        try {
            return settings.get(SettingsFile.WINDOW).flatMap(WindowPlace::fromSetting);
        } catch (TaskDeskException e) {
            // As for the theme: an unreadable file is reported when the database setting is read.
            return Optional.empty();
        }
    }

    @Override
    public void saveWindowPlace(WindowPlace place) {
        settings.put(SettingsFile.WINDOW, place.toSetting());
    }

    @Override
    public String snoozedReminders() {
        try {
            return settings.get(SettingsFile.SNOOZED_REMINDERS).orElse("");
        } catch (TaskDeskException e) {
            // As for the window's place: an unreadable file is reported when the database setting is read.
            return "";
        }
    }

    @Override
    public void saveSnoozedReminders(String entries) {
        settings.put(SettingsFile.SNOOZED_REMINDERS, entries.isEmpty() ? null : entries);
    }

    @Override
    public Optional<SyncService> sync(Workspace workspace) {
        Replica replica;
        try {
            replica = workspace.replica();
        } catch (TaskDeskException | UnsupportedOperationException sharedServer) {
            return Optional.empty(); // a shared server is no replica: nothing to sync
        }
        UserEnvironment environment = configuration.environment();
        ServerSync servers = new ServerSync(url -> new DatabaseUrl(environment.workingDirectory(), environment.userHome())
                .parse(url), configuration.serverTimeouts(), passwords);
        return Optional.of(new SyncService(replica, servers, new SyncSessions(tokens), clock));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> environment() {
        return configuration.environment().variables();
    }
}
