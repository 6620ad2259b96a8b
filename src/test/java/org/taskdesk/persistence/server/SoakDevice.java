package org.taskdesk.persistence.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.taskdesk.accounts.AccountServer;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PushAnswer;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.workspace.Workspace;

/**
 * One honest device of the soak: a real H2 replica (a copy of one migrated file) with a local account of its person,
 * linked to the person's server account, syncing through the real {@link SyncService}, {@link PostgresSyncServer}
 * (a connection of its own each round, as {@code taskdesk sync} and the app's background sync make) and the
 * production {@link AccountServer} for signing in. Every page it pulls is checked: each row must be one its person's
 * devices pushed, with its person's title prefix.
 */
final class SoakDevice implements SyncServers, SyncTokens {
    static final String SERVER_URL = "soak server";
    static final String SERVER_PASSWORD = "server password";
    private static final ObjectMapper JSON = new ObjectMapper();

    final int index;
    final int person;
    final String email;
    final String file;
    private final Path folder;
    private final DatabaseConnections server;
    private final AccountServer accounts;
    private final Set<UUID> personsUids;
    private final SoakTally tally;
    private final SoakIntel intel;
    private final Random random;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Workspace workspace;
    private final UserSession user;
    private int added;

    SoakDevice(int index, int person, String file, Path folder, DatabaseConnections server, Set<UUID> personsUids,
               SoakTally tally, SoakIntel intel) {
        this.index = index;
        this.person = person;
        this.email = email(person);
        this.file = file;
        this.folder = folder;
        this.server = server;
        this.accounts = SharedServerAccounts.over(server);
        this.personsUids = personsUids;
        this.tally = tally;
        this.intel = intel;
        this.random = new Random(index);
        workspace = TestWorkspaces.openForCommand(file, folder, Clock.systemUTC());
        workspace.accounts().signUp(email, "Person " + person, "local password");
        user = workspace.accounts().signIn(email, "local password", false);
    }

    static String email(int person) {
        return "person" + person + "@example.com";
    }

    /** The title prefix of a person's tasks: a pulled title without it is another person's row. */
    static String prefix(int person) {
        return "p" + person + " ";
    }

    /** A few tasks, the link (a sign-in on the server) and the first round, before the soak begins. */
    void start() {
        for (int i = 0; i < 3; i++) {
            add();
        }
        service().link(user, SERVER_URL, SERVER_PASSWORD);
        intel.clientId(service().status(user).orElseThrow().clientId());
        service().sync(user);
    }

    /** One change as a person makes it in the app, written to the replica with its outbox entry. */
    void edit() {
        List<Task> tasks = workspace.tasks().list(user, TaskQuery.of("")).tasks();
        int roll = random.nextInt(100);
        if (tasks.isEmpty() || roll < 35) {
            add();
            return;
        }
        Task task = tasks.get(random.nextInt(tasks.size()));
        var now = Clock.systemUTC().instant();
        if (roll < 80) {
            workspace.tasks().update(user, task.id(), switch (random.nextInt(4)) {
                case 0 -> t -> t.withTitle(prefix(person) + "renamed on device " + index + " " + random.nextInt(1000),
                        now);
                case 1 -> t -> t.withPriority(Priority.values()[random.nextInt(Priority.values().length)], now);
                case 2 -> t -> t.withTags(random.nextBoolean() ? Tags.EMPTY : Tags.of("t" + random.nextInt(5)), now);
                default -> t -> t.withDue(Due.on(LocalDate.of(2027, 1, 1).plusDays(random.nextInt(60))), now);
            });
        } else if (roll < 93 || tasks.size() < 10) {
            workspace.tasks().complete(user, task.id());
        } else {
            // Rarely, and only among many: the pull guard asks before a round deletes a fifth of the tasks here.
            workspace.tasks().delete(user, List.of(task.id()));
        }
    }

    private void add() {
        String line = prefix(person) + "errand " + index + "-" + added++ + (random.nextInt(3) == 0 ? " #home" : "");
        workspace.tasks().add(user, new QuickAddParser().parse(line, ZonedDateTime.now(Clock.systemUTC())));
    }

    /** Signs in on the server again and keeps the new session, as a later sign-in on a replica does (ADR 29). */
    void signInAgain() {
        service().renewSession(user, signInOrSignUp(SERVER_URL, email, "Person " + person, SERVER_PASSWORD));
        tally.signedIn();
    }

    SyncRound round(boolean allowDeletes) {
        return service().sync(user, allowDeletes);
    }

    int waiting() {
        return service().status(user).orElseThrow().waiting();
    }

    int localUserId() {
        return user.account().id();
    }

    /** A plain connection to the replica's file, to read its rows. */
    Connection replica() {
        return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(file)).open();
    }

    private SyncService service() {
        return new SyncService(workspace.replica(), this, this, Clock.systemUTC());
    }

    void close() {
        workspace.close();
    }

    @Override
    public String signInOrSignUp(String serverUrl, String email, String name, String password) {
        return accounts.signIn(email, password, Duration.ofDays(1)).token();
    }

    @Override
    public void signOut(String serverUrl, String token) {
        try {
            accounts.signOut(token);
        } catch (TaskDeskException e) {
            // As the app does: the session runs out on the server by itself.
        }
    }

    @Override
    public SyncServer connect(String serverUrl, String token) {
        // As the app's ServerSync: the device's own login when sign-in handed it one (ADR 30).
        ServerCredential credential = ServerCredential.read(token);
        return new Checked(PostgresSyncServer.connect(credential.connections(server), credential.token()));
    }

    @Override
    public Optional<String> load(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void save(String key, String token) {
        tokens.put(key, token);
    }

    @Override
    public void forget(String key) {
        tokens.remove(key);
    }

    /** The real server, with what goes out remembered and what comes back checked. */
    private final class Checked implements SyncServer {
        private final SyncServer real;

        Checked(SyncServer real) {
            this.real = real;
        }

        @Override
        public PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
            for (PendingMutation mutation : mutations) {
                JsonNode body = parse(mutation.body());
                UUID task = UUID.fromString(body.path("task").asText());
                personsUids.add(task);
                for (JsonNode completion : body.path("completions")) {
                    personsUids.add(UUID.fromString(completion.path("uid").asText()));
                }
                intel.pushed(mutation.id(), task);
            }
            return real.push(clientId, mutations);
        }

        @Override
        public PulledPage pull(UUID clientId, long after, int limit) {
            PulledPage page = real.pull(clientId, after, limit);
            JsonNode json = parse(page.json());
            for (String list : List.of("tasks", "deleted", "completions")) {
                for (JsonNode item : json.path(list)) {
                    if (!personsUids.contains(UUID.fromString(item.path("uid").asText()))) {
                        tally.foreignRow("device " + index + " of person " + person + " pulled " + list + " " + item);
                    }
                }
            }
            for (JsonNode task : json.path("tasks")) {
                if (!task.at("/fields/title/v").asText().startsWith(prefix(person))) {
                    tally.foreignRow("device " + index + " of person " + person + " pulled the title of " + task);
                }
            }
            intel.pulledUpTo(page.version());
            return page;
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
