package org.taskdesk.app;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.accounts.Account;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.accounts.AccountRules;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.server.ServerLogins;
import org.taskdesk.sync.Replica;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.transfer.TransferService;
import org.taskdesk.workspace.Workspace;

/**
 * A shared server as a member's device works on it (issue 10, ADR 0029): through a replica of the person's account,
 * an H2 file in the data folder per (server, account), made at the first sign-in there and synced at every sign-in.
 * The server itself is reached only through its account and sync functions. When it cannot be reached at sign-in, an
 * existing replica opens with its own password check, as the last sync left it ({@link #serverUnreachable()}).
 */
final class ReplicaWorkspace implements Workspace {
    /** The replicas' folder, in the data folder. */
    static final String FOLDER = "replicas";
    /** Sessions handed out name their replica, so that a remembered one reopens it: "replica KEY LOCALTOKEN". */
    private static final String TOKEN_PREFIX = "replica ";
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWorkspace.class);

    private final DatabaseTarget server;
    /** The server's URL with its login, as a link keeps it (what {@code sync link --server} would be given). */
    private final String serverUrl;
    private final Path folder;
    private final AccountService serverAccounts;
    private final SyncServers servers;
    private final SyncTokens tokens;
    private final Clock clock;
    private final Function<DatabaseTarget, Workspace> openReplica;
    private final AccountService accounts = new Accounts();
    private Workspace current;
    private String currentKey;
    private TaskDeskException unreachable;

    /**
     * @param serverAccounts the server's account functions
     * @param servers        its sync functions (every link of these replicas is to {@code server}, at its URL of today)
     * @param openReplica    opens (creating and migrating) a replica file as a local workspace
     */
    ReplicaWorkspace(DatabaseTarget server, Path dataFolder, AccountService serverAccounts, SyncServers servers,
                     SyncTokens tokens, Clock clock, Function<DatabaseTarget, Workspace> openReplica) {
        this.server = server;
        this.serverUrl = urlWithLogin(server);
        this.folder = dataFolder.resolve(FOLDER);
        this.serverAccounts = serverAccounts;
        this.servers = pinned(servers, serverUrl);
        this.tokens = tokens;
        this.clock = clock;
        this.openReplica = openReplica;
    }

    /**
     * Whether {@code connections} reach a shared server as a member (its client login), who works through a replica;
     * the schema's owner works on the server directly (it migrates it). A server that cannot be reached is taken as
     * a member's when this device keeps a replica of it (signing in then says whether it is that person's); else
     * its failure is what opening says, as before replicas.
     */
    static boolean isFor(DatabaseConnections connections, Path dataFolder) {
        if (connections.target().kind() != DatabaseKind.POSTGRESQL) {
            return false;
        }
        try {
            return !ServerLogins.ownsTheSchema(connections);
        } catch (TaskDeskException e) {
            if (isUnreachable(e) && Files.exists(serverMark(dataFolder.resolve(FOLDER), connections.target()))) {
                return true;
            }
            throw e;
        }
    }

    /** Left beside the replicas of {@code server}, to tell that this device keeps some, without naming anyone. */
    private static Path serverMark(Path folder, DatabaseTarget server) {
        return folder.resolve(key(server, "") + ".server");
    }

    /**
     * The replica file of {@code email} on {@code server}: the first 16 hex digits of the SHA-256 of the server's URL
     * without its password and the lower-cased email, so that neither shows in the file name.
     */
    static Path replicaFile(Path dataFolder, DatabaseTarget server, String email) {
        return dataFolder.resolve(FOLDER).resolve(key(server, email) + ".mv.db");
    }

    private static String key(DatabaseTarget server, String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((server.displayName() + "\n"
                    + AccountRules.normaliseEmail(email).toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A URL that {@link DatabaseUrl#parse} reads back into {@code target}, login included. */
    private static String urlWithLogin(DatabaseTarget target) {
        String url = target.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "user=" + encode(target.user()) + "&password="
                + encode(target.password());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sync functions always at today's URL: a link made before the client login's password changed still works. */
    private static SyncServers pinned(SyncServers servers, String url) {
        return new SyncServers() {
            @Override
            public String signInOrSignUp(String serverUrl, String email, String name, String password) {
                return servers.signInOrSignUp(url, email, name, password);
            }

            @Override
            public SyncServer connect(String serverUrl, String token) {
                return servers.connect(url, token);
            }

            @Override
            public void signOut(String serverUrl, String token) {
                servers.signOut(url, token);
            }
        };
    }

    private static boolean isUnreachable(TaskDeskException e) {
        return e.code() == ErrorCode.DATABASE_UNAVAILABLE;
    }

    private synchronized Workspace current() {
        if (current == null) {
            throw new IllegalStateException("Nobody has signed in to " + server.displayName()
                    + " yet: the replica opens at sign-in");
        }
        return current;
    }

    /** Opens the replica {@code key} (made and migrated if new), closing the one of someone signed in before. */
    private synchronized Workspace open(String key) {
        if (key.equals(currentKey)) {
            return current;
        }
        closeCurrent();
        Workspace opened = openReplica.apply(DatabaseUrl.localFile(folder.resolve(key + ".mv.db")));
        markServer();
        current = opened;
        currentKey = key;
        return opened;
    }

    private void markServer() {
        Path mark = serverMark(folder, server);
        try {
            if (!Files.exists(mark)) {
                Files.createFile(mark);
            }
        } catch (IOException e) {
            // Only an offline start is lost without it (opening then says the server cannot be reached).
            LOG.warn("Could not mark {} as kept on this device: {}", server.displayName(), e.getMessage());
        }
    }

    private synchronized void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
            currentKey = null;
        }
    }

    private SyncService sync(Workspace replica) {
        return new SyncService(replica.replica(), servers, tokens, clock);
    }

    /**
     * The round before work: pull (and push what waits). An unreachable server leaves the replica as it is and is
     * remembered for {@link #serverUnreachable()}; a replica made just now has nothing to show without it.
     */
    private void roundBefore(Workspace replica, UserSession local, boolean made) {
        synchronized (this) {
            unreachable = null;
        }
        try {
            sync(replica).sync(local);
        } catch (TaskDeskException e) {
            if (made || !isUnreachable(e)) {
                throw e;
            }
            LOG.info("{} cannot be reached; working on this device's copy: {}", server.displayName(), e.getMessage());
            synchronized (this) {
                unreachable = e;
            }
        }
    }

    private static UserSession outward(String key, UserSession local) {
        return new UserSession(local.account(), TOKEN_PREFIX + key + " " + local.token());
    }

    /** The replica's own session behind one handed out by {@link #outward}. */
    private static UserSession inward(UserSession session) {
        String token = session.token();
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return session;
        }
        String rest = token.substring(TOKEN_PREFIX.length());
        return new UserSession(session.account(), rest.substring(rest.indexOf(' ') + 1));
    }

    @Override
    public synchronized Optional<TaskDeskException> serverUnreachable() {
        return Optional.ofNullable(unreachable);
    }

    @Override
    public Optional<SyncRound> sendChanges(UserSession user) {
        return Optional.of(sync(current()).sync(inward(user)));
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public TaskService tasks() {
        return current().tasks();
    }

    @Override
    public StatisticsService statistics() {
        return current().statistics();
    }

    @Override
    public SavedSearchService savedSearches() {
        return current().savedSearches();
    }

    @Override
    public TransferService transfer() {
        return current().transfer();
    }

    @Override
    public Replica replica() {
        return current().replica();
    }

    @Override
    public String databaseName() {
        return server.displayName();
    }

    @Override
    public void close() {
        closeCurrent();
    }

    /** Accounts on the server, mirrored by the local account in each replica that opens it offline. */
    private final class Accounts implements AccountService {
        @Override
        public Account signUp(String email, String name, String password) {
            return serverAccounts.signUp(email, name, password); // the replica is made at the first sign-in
        }

        @Override
        public boolean hasAccounts() {
            return true; // as on the server itself: the client login cannot tell
        }

        @Override
        public UserSession signIn(String email, String password, boolean keepSignedIn) {
            String key = key(server, email);
            String normalised = AccountRules.normaliseEmail(email);
            UserSession onServer;
            try {
                onServer = serverAccounts.signIn(normalised, password, true); // the link keeps it, like sync link
            } catch (TaskDeskException e) {
                if (!isUnreachable(e) || !Files.exists(folder.resolve(key + ".mv.db"))) {
                    throw e;
                }
                UserSession local = open(key).accounts().signIn(normalised, password, keepSignedIn);
                LOG.info("{} cannot be reached; signed in on this device's copy: {}", server.displayName(),
                        e.getMessage());
                synchronized (ReplicaWorkspace.this) {
                    unreachable = e;
                }
                return outward(key, local);
            }
            Workspace replica = open(key);
            boolean made = !replica.accounts().hasAccounts();
            if (made) {
                // The same password, so that the replica opens offline later with it.
                replica.accounts().signUp(normalised, onServer.account().name(), password);
            }
            // The server has just accepted this password: the replica takes it if it was changed on another device.
            UserSession local = replica.accounts().signInWithServerPassword(normalised, password, keepSignedIn);
            SyncService sync = sync(replica);
            if (sync.status(local).isEmpty()) {
                sync.link(local, serverUrl, onServer.account().email(), onServer.token());
            } else {
                sync.renewSession(local, onServer.token());
            }
            roundBefore(replica, local, made);
            return outward(key, local);
        }

        @Override
        public Optional<UserSession> resume(String token) {
            if (token == null || !token.startsWith(TOKEN_PREFIX)) {
                return Optional.empty();
            }
            String rest = token.substring(TOKEN_PREFIX.length());
            int space = rest.indexOf(' ');
            String key = space < 0 ? "" : rest.substring(0, space);
            if (!key.matches("[0-9a-f]{16}") || !Files.exists(folder.resolve(key + ".mv.db"))) {
                return Optional.empty();
            }
            Workspace replica = open(key);
            Optional<UserSession> local = replica.accounts().resume(rest.substring(space + 1));
            if (local.isEmpty() || sync(replica).status(local.get()).isEmpty()) {
                return Optional.empty();
            }
            try {
                roundBefore(replica, local.get(), false);
            } catch (TaskDeskException e) {
                if (e.code() != ErrorCode.NOT_AUTHORIZED) {
                    throw e;
                }
                // The server session has ended: signing in again with the password makes a new one.
                LOG.info("The session on {} has ended: {}", server.displayName(), e.getMessage());
                return Optional.empty();
            }
            return Optional.of(outward(key, local.get()));
        }

        @Override
        public void signOut(UserSession session) {
            // The server session stays with the link, for syncing what is still waiting (as after 'sync link').
            current().accounts().signOut(inward(session));
        }

        @Override
        public void changePassword(UserSession session, String oldPassword, String newPassword) {
            UserSession local = inward(session);
            serverAccounts.changePassword(onServer(local), oldPassword, newPassword);
            current().accounts().changePassword(local, oldPassword, newPassword);
        }

        @Override
        public void deleteAccount(UserSession session, String password) {
            UserSession local = inward(session);
            serverAccounts.deleteAccount(onServer(local), password);
            current().accounts().deleteAccount(local, password);
        }

        private UserSession onServer(UserSession local) {
            String token = sync(current()).session(local).orElseThrow(() -> new TaskDeskException(
                    ErrorCode.NOT_AUTHORIZED, "This device has no session on " + server.displayName()
                    + " any more: sign in again."));
            return new UserSession(local.account(), token);
        }
    }
}
