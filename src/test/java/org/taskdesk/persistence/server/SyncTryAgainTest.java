package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.hash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.sync.PostgresSyncServer;
import org.taskdesk.sync.PendingMutation;
import org.taskdesk.sync.PushAnswer;
import org.taskdesk.testing.TestPostgres;

/**
 * A push the server stops for time while it waits for the person's row (held here as another device's push holds it)
 * is tried once more, and only once: on the tests' real PostgreSQL, with a longest statement of 1 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncTryAgainTest {
    private static final Duration LONGEST_STATEMENT = Duration.ofSeconds(1);

    @TempDir
    Path folder;

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;

    @BeforeAll
    void database() throws SQLException {
        url = server.newDatabase(new SharedServerLimits(4, LONGEST_STATEMENT, null));
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void aPushStoppedWhileAnotherHeldThePersonsRowIsTriedAgainAndApplied() throws Exception {
        String token = newPerson();
        // Held past the longest statement: the push gets the row after 2.5 s, its first trigger finds the statement
        // too old and the server stops it; the second try, a second or two later, finds the row free.
        Connection holder = holdPersonsRow(token);
        CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
            try (holder) {
                Thread.sleep(2_500);
                holder.rollback();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try (PostgresSyncServer sync = PostgresSyncServer.connect(connections(), token)) {
            PushAnswer answer = sync.push(UUID.randomUUID(), List.of(newTask(1, "Water the plants")));

            assertThat(answer.results()).singleElement()
                    .satisfies(result -> assertThat(result.status()).isEqualTo("applied"));
        }
        released.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPushStoppedTwiceFailsWithTheServersReasonAndNothingApplied() throws Exception {
        String token = newPerson();
        // Held through both tries, however long they take: each waits for the row until the push's lock timeout (5 s).
        long tookMillis;
        try (Connection holder = holdPersonsRow(token);
             PostgresSyncServer sync = PostgresSyncServer.connect(connections(), token)) {
            long started = System.nanoTime();
            TaskDeskException failed = assertThrows(TaskDeskException.class,
                    () -> sync.push(UUID.randomUUID(), List.of(newTask(1, "Call the plumber"))));
            tookMillis = (System.nanoTime() - started) / 1_000_000;
            holder.rollback();

            assertThat(failed.getMessage()).startsWith("The server at ")
                    .contains(" was too busy to push the changes (ERROR: canceling statement due to lock timeout)")
                    .contains("nothing is lost").doesNotContain("\n");
        }
        // One try is 5 s; two are 10 s and a pause of 1 to 2 s; three would be at least 17 s.
        assertThat(tookMillis).as("two tries and the pause between, not one and not three")
                .isBetween(11_000L, 16_500L);
        try (Connection reader = server.owner(url)) {
            accounts.useSession(reader, token);
            assertThat(SharedServer.column(reader, "SELECT count(*) FROM tasks")).containsExactly("0");
        }
    }

    private String newPerson() throws SQLException {
        try (Connection owner = server.owner(url)) {
            String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            accounts.signUp(owner, email, "Pat", hash("pat's password"));
            return accounts.signIn(owner, email, "pat's password", DAY).orThrow();
        }
    }

    /**
     * A connection (of its own, closed by the caller) holding the person's row as a push holds it, until its
     * transaction ends.
     */
    private Connection holdPersonsRow(String token) throws SQLException {
        Connection holder = TestPostgres.connect(url);
        accounts.useSession(holder, token);
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement(
                "SELECT id FROM users WHERE id = public.taskdesk_current_user_id() FOR NO KEY UPDATE")) {
            assertThat(lock.executeQuery().next()).as("the person's row is there to hold").isTrue();
        }
        return holder;
    }

    private DatabaseConnections connections() {
        return new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
    }

    private static PendingMutation newTask(long seq, String title) {
        UUID id = UUID.randomUUID();
        String stamp = SyncCalls.stamp(-1_000, 0, "device");
        return new PendingMutation(seq, id, "{\"id\": \"" + id + "\", \"op\": \"put\", \"task\": \"" + UUID.randomUUID()
                + "\", \"fields\": {\"title\": {\"v\": \"" + title + "\", \"c\": \"" + stamp + "\"}}}");
    }
}
