package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.ServerNotAnsweringException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PulledPage;
import org.taskdesk.sync.PulledRows;
import org.taskdesk.sync.PushAnswer;
import org.taskdesk.sync.SyncServer;
import org.taskdesk.sync.SyncServers;
import org.taskdesk.sync.SyncService;
import org.taskdesk.sync.SyncTokens;
import org.taskdesk.workspace.Workspace;

/**
 * A first pull into an empty replica as rows (PostgreSQL's V18, ADR 0038), on the tests' real PostgreSQL and real H2
 * files through the real {@link SyncService} and {@link PostgresSyncServer}: it must leave the replica that the
 * ordinary pull leaves, field by field and stamp by stamp, also when cut between pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstPullTest {
    private static final int TASKS = 2_500;

    @TempDir
    static Path folder;

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String ownerUrl;
    private DatabaseConnections clientConnections;
    private String template;
    private String email;

    @BeforeAll
    void personWithHistory() throws SQLException {
        ownerUrl = server.newDatabase();
        String clientUrl = ownerUrl.replaceFirst("//[^@]+@", "//" + server.clientRole + ":"
                + URLEncoder.encode(SharedServer.CLIENT_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20") + "@");
        clientConnections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(clientUrl));
        template = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        TestWorkspaces.openForCommand(template, folder, Clock.systemUTC()).close();
        email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Connection owner = server.owner(ownerUrl)) {
            accounts.signUp(owner, email, "Pat", SharedServer.hash("server password"));
        }
        // The laptop pushes 2,500 tasks, a third of them with two completions; then some of the first are edited
        // (their completions now come in a page before them) and some deleted (tombstones), and pushed again.
        Device laptop = new Device();
        laptop.insertTasks(TASKS);
        laptop.service().link(laptop.user, "server", "server password");
        laptop.service().sync(laptop.user);
        List<Long> ids = laptop.taskIds();
        for (int i = 0; i < 30; i++) {
            laptop.workspace.tasks().update(laptop.user, ids.get(i * 3),
                    task -> task.withTitle("Edited after it was completed", Instant.now()));
        }
        for (int i = 0; i < 12; i++) {
            laptop.workspace.tasks().delete(laptop.user, ids.get(100 + i));
        }
        laptop.service().sync(laptop.user);
        laptop.close();
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void aFirstPullAsRowsLeavesWhatTheOrdinaryPullLeaves() throws SQLException {
        Device ordinary = new Device();
        ordinary.rows = false;
        ordinary.service().link(ordinary.user, "server", "server password");
        ordinary.service().sync(ordinary.user);
        Device first = new Device();
        first.service().link(first.user, "server", "server password");

        first.service().sync(first.user);

        assertThat(first.pagesAsRows).as("pages pulled as rows").isGreaterThanOrEqualTo(3);
        assertThat(first.pagesAsJson).as("pages pulled the ordinary way").isZero();
        assertThat(first.tasks()).hasSize(TASKS - 12).isEqualTo(ordinary.tasks());
        assertThat(first.completions()).hasSize(2 * (TASKS / 3 + 1) - 2 * 4).isEqualTo(ordinary.completions());
        assertThat(first.tombstones()).hasSize(12).isEqualTo(ordinary.tombstones());
        assertThat(first.pulledVersion()).isEqualTo(ordinary.pulledVersion()).isPositive();
        first.close();
        ordinary.close();
    }

    @Test
    void aFirstPullCutBetweenPagesGoesOnAndEndsTheSame() throws SQLException {
        Device ordinary = new Device();
        ordinary.rows = false;
        ordinary.service().link(ordinary.user, "server", "server password");
        ordinary.service().sync(ordinary.user);
        Device first = new Device();
        first.service().link(first.user, "server", "server password");
        first.cutAfterPages = 1;

        assertThrows(ServerNotAnsweringException.class, () -> first.service().sync(first.user));
        assertThat(first.tasks()).as("the first page is kept").isNotEmpty().hasSizeLessThan(TASKS - 12);
        first.cutAfterPages = Integer.MAX_VALUE;
        first.service().sync(first.user);

        assertThat(first.tasks()).hasSize(TASKS - 12).isEqualTo(ordinary.tasks());
        assertThat(first.completions()).isEqualTo(ordinary.completions());
        assertThat(first.tombstones()).isEqualTo(ordinary.tombstones());
        assertThat(first.pulledVersion()).isEqualTo(ordinary.pulledVersion());
        first.close();
        ordinary.close();
    }

    @Test
    void pagesAsRowsAreTheOrdinaryPagesItemForItem() throws SQLException {
        Connection person = server.person(ownerUrl, email, "server password");
        for (int limit : new int[] {1, 7, 1000, 5000}) {
            UUID client = UUID.randomUUID();
            long after = 0;
            int pages = 0;
            boolean more = true;
            while (more && pages++ < 40) {
                JsonNode json = SyncCalls.pull(person, client, after, limit);
                List<List<String>> rows = rows(person, client, after, limit);
                List<String> head = rows.get(0);
                assertThat(head.get(0)).as("page kind at %d after %d", limit, after).isEqualTo("h");
                assertThat(Long.parseLong(head.get(1))).as("version").isEqualTo(json.path("version").asLong());
                assertThat(head.get(22)).as("more").isEqualTo(String.valueOf(json.path("more").asBoolean()).substring(0, 1));
                List<String> fromJson = new ArrayList<>();
                for (String kind : new String[] {"tasks", "deleted", "completions"}) {
                    for (JsonNode item : json.path(kind)) {
                        fromJson.add(kind.charAt(0) + " " + item.path("uid").asText() + " " + item.path("version").asLong()
                                + ("tasks".equals(kind) ? " " + item.at("/fields/title/v").asText() + " "
                                + item.at("/fields/title/c").asText() : ""));
                    }
                }
                List<String> fromRows = rows.subList(1, rows.size()).stream()
                        .map(row -> row.get(0) + " " + row.get(2) + " " + row.get(1)
                                + ("t".equals(row.get(0)) ? " " + row.get(5) + " " + row.get(14) : ""))
                        .toList();
                assertThat(fromRows).as("items at %d after %d", limit, after).isEqualTo(fromJson);
                after = json.path("version").asLong();
                more = json.path("more").asBoolean();
            }
            if (limit >= 1000) {
                // The small pages stop after their first 40 pages (of some 4,200).
                assertThat(more).as("the pull at %d a page ended", limit).isFalse();
            }
        }
        // A cursor past the person's version: both answer resync, and nothing else.
        assertThat(SyncCalls.pull(person, UUID.randomUUID(), Long.MAX_VALUE / 2, 10).path("resync").asBoolean()).isTrue();
        assertThat(rows(person, UUID.randomUUID(), Long.MAX_VALUE / 2, 10)).singleElement()
                .satisfies(row -> assertThat(row.get(0)).isEqualTo("r"));
    }

    /** A page of the first pull as rows, each row's columns as text (booleans as PostgreSQL's t and f). */
    private static List<List<String>> rows(Connection person, UUID client, long after, int limit) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = person.prepareStatement(
                "SELECT * FROM public.taskdesk_sync_pull_rows(?, ?, ?)")) {
            statement.setObject(1, client);
            statement.setLong(2, after);
            statement.setInt(3, limit);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A device: an H2 file (a copy of one migrated file), its local account, its server sessions. */
    private final class Device implements SyncServers, SyncTokens {
        final Workspace workspace;
        final UserSession user;
        final String url;
        final Map<String, String> tokens = new ConcurrentHashMap<>();
        /** False: this device's server offers no pull as rows (as an older server), so it pulls the ordinary way. */
        boolean rows = true;
        /** After this many pages as rows, the answer of the next is lost (the connection cut after the server's). */
        int cutAfterPages = Integer.MAX_VALUE;
        int pagesAsRows;
        int pagesAsJson;

        Device() {
            try {
                Path file = folder.resolve("device-" + UUID.randomUUID()).resolve("tasks.mv.db");
                Files.createDirectories(file.getParent());
                Files.copy(Path.of(template), file);
                url = file.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            workspace = TestWorkspaces.openForCommand(url, folder, Clock.systemUTC());
            workspace.accounts().signUp(email, "Pat", "local password");
            user = workspace.accounts().signIn(email, "local password", false);
        }

        SyncService service() {
            return new SyncService(workspace.replica(), this, this, Clock.systemUTC());
        }

        void close() {
            workspace.close();
        }

        /** Tasks made as an import makes them; every third with two completions, one of them with a due time. */
        void insertTasks(int count) throws SQLException {
            LocalDateTime now = LocalDateTime.now().withNano(123_456_000);
            try (Connection connection = connections().open(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tasks (user_id, title, description, completed, created_at, updated_at, priority, tags,"
                            + " due_date, recurrence_pattern, due_has_time, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?)");
                 PreparedStatement completion = connection.prepareStatement("INSERT INTO task_completions (task_id,"
                         + " user_id, completed_at, due_date, due_has_time) SELECT id, user_id, ?, ?, ? FROM tasks"
                         + " WHERE user_id = ? AND title = ?")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < count; i++) {
                    LocalDateTime created = now.minusMinutes(i);
                    String title = "Task number " + i + (i % 11 == 0 ? " with ünïcödé, \"quotes\"\tand a tab" : "");
                    insert.setInt(1, user.account().id());
                    insert.setString(2, title);
                    Columns.text(insert, 3, i % 3 == 0 ? "Notes, with \"quotes\"; and a comma\nand a line" : null);
                    insert.setBoolean(4, i % 5 == 0);
                    Columns.time(insert, 5, created);
                    Columns.time(insert, 6, created);
                    Columns.text(insert, 7, i % 4 == 0 ? null : new String[] {"low", "medium", "high"}[i % 3]);
                    Columns.text(insert, 8, i % 2 == 0 ? "work,home" : null);
                    Columns.time(insert, 9, i % 3 == 2 ? null : created.plusDays(i % 30).withSecond(0).withNano(0));
                    Columns.text(insert, 10, i % 7 == 0 ? "FREQ=WEEKLY" : null);
                    insert.setBoolean(11, i % 3 == 1);
                    Columns.time(insert, 12, i % 5 == 0 ? created.plusHours(1) : null);
                    insert.executeUpdate();
                    if (i % 3 == 0) {
                        for (int k = 0; k < 2; k++) {
                            Columns.time(completion, 1, created.minusDays(k + 1));
                            Columns.time(completion, 2, k == 0 ? created.withSecond(0).withNano(0).minusDays(1)
                                    : created.toLocalDate().atStartOfDay().minusDays(2));
                            completion.setBoolean(3, k == 0);
                            completion.setInt(4, user.account().id());
                            completion.setString(5, title);
                            completion.executeUpdate();
                        }
                    }
                }
                connection.commit();
            }
        }

        List<Long> taskIds() throws SQLException {
            return column("SELECT id FROM tasks WHERE user_id = ? ORDER BY id").stream().map(Long::valueOf).toList();
        }

        /** Every task as the replica keeps it, by uid; all but the local id and the time of the pull. */
        List<String> tasks() throws SQLException {
            return column("SELECT CONCAT_WS(' | ', uid, title, description, priority, tags, due_date, due_has_time,"
                    + " recurrence_pattern, completed, completed_at, created_at, field_clocks, synced) FROM tasks"
                    + " WHERE user_id = ? ORDER BY uid");
        }

        List<String> completions() throws SQLException {
            return column("SELECT CONCAT_WS(' | ', c.uid, t.uid, c.completed_at, c.due_date, c.due_has_time) FROM"
                    + " task_completions c JOIN tasks t ON t.id = c.task_id WHERE c.user_id = ? ORDER BY c.uid");
        }

        List<String> tombstones() throws SQLException {
            return column("SELECT CONCAT_WS(' | ', uid, stamp, task_id) FROM sync_tombstones WHERE user_id = ?"
                    + " ORDER BY uid");
        }

        long pulledVersion() throws SQLException {
            return Long.parseLong(column("SELECT pulled_version FROM sync_link WHERE user_id = ?").get(0));
        }

        private List<String> column(String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (Connection connection = connections().open(); PreparedStatement query = connection.prepareStatement(sql)) {
                query.setInt(1, user.account().id());
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        values.add(row.getString(1));
                    }
                }
            }
            return values;
        }

        private DatabaseConnections connections() {
            return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        }

        @Override
        public String signInOrSignUp(String serverUrl, String email, String name, String password) {
            try (Connection client = server.client(ownerUrl)) {
                String token = accounts.signIn(client, email, password, DAY).orThrow();
                SharedServer.PersonLogin login = server.personLogin(ownerUrl, token);
                return new ServerCredential(token, login.login(), login.password()).stored();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void signOut(String serverUrl, String token) {
        }

        @Override
        public SyncServer connect(String serverUrl, String token) {
            ServerCredential credential = ServerCredential.read(token);
            SyncServer real = PostgresSyncServer.connect(credential.connections(clientConnections), credential.token());
            return new SyncServer() {
                @Override
                public PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
                    return real.push(clientId, mutations);
                }

                @Override
                public PulledPage pull(UUID clientId, long after, int limit) {
                    pagesAsJson++;
                    return real.pull(clientId, after, limit);
                }

                @Override
                public Optional<PulledRows> pullRows(UUID clientId, long after, int limit) {
                    if (!rows) {
                        return Optional.empty();
                    }
                    Optional<PulledRows> page = real.pullRows(clientId, after, limit);
                    if (pagesAsRows++ >= cutAfterPages) {
                        throw new ServerNotAnsweringException("The connection was cut (the test's)", null);
                    }
                    return page;
                }

                @Override
                public void close() {
                    real.close();
                }
            };
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
    }
}
