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
        CompletableFuture<Void> released = holdPersonsRow(token, 2_500);
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
        // Held through both tries: each waits for the row until the push's lock timeout (5 s).
        CompletableFuture<Void> released = holdPersonsRow(token, 14_000);
        long started = System.nanoTime();
        try (PostgresSyncServer sync = PostgresSyncServer.connect(connections(), token)) {
            TaskDeskException failed = assertThrows(TaskDeskException.class,
                    () -> sync.push(UUID.randomUUID(), List.of(newTask(1, "Call the plumber"))));

            assertThat(failed.getMessage()).startsWith("The server at ")
                    .contains(" was too busy to push the changes (ERROR: canceling statement due to lock timeout)")
                    .contains("nothing is lost").doesNotContain("\n");
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("two tries of 5 s each and the pause between, not one and not three")
                .isBetween(11_000L, 14_000L);
        released.get(20, TimeUnit.SECONDS);
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

    /** The person's row locked as a push locks it, in a transaction that ends after {@code millis}; once held. */
    private CompletableFuture<Void> holdPersonsRow(String token, long millis) throws SQLException {
        Connection holder = server.owner(url);
        accounts.useSession(holder, token);
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement(
                "SELECT id FROM users WHERE id = public.taskdesk_current_user_id() FOR NO KEY UPDATE")) {
            assertThat(lock.executeQuery().next()).as("the person's row is there to hold").isTrue();
        }
        return CompletableFuture.runAsync(() -> {
            try (holder) {
                Thread.sleep(millis);
                holder.rollback();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
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
