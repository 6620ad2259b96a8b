package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.hash;
import static org.taskdesk.persistence.server.SyncCalls.put;
import static org.taskdesk.persistence.server.SyncCalls.stamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Why pull's cursor is a per-person version taken under the users row lock: many writers for one person, each
 * holding its transaction open a random short time before it commits, and a reader pulling all along with its cursor.
 * The reader must see every row. The same workload against a BIGSERIAL cursor (a control table) misses rows: an id
 * is drawn when the row is written, not when it commits, so a reader that has seen id 101 moves past an id 100 that
 * commits a moment later, and never sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncCommitOrderStressTest {
    private static final int WRITERS = 6;
    private static final int ROWS_PER_WRITER = 25;
    private static final int LONGEST_HOLD_MILLIS = 10;
    private static final long SEED = System.nanoTime();

    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;
    private String token;

    @BeforeAll
    void onePersonAndAControlTable() throws SQLException {
        url = server.newDatabase();
        Connection client = server.client(url);
        accounts.signUp(client, "busy@example.com", "Busy", hash("busy's password"));
        token = accounts.signIn(client, "busy@example.com", "busy's password", DAY).orThrow();
        try (Statement owner = server.owner(url).createStatement()) {
            owner.execute("CREATE TABLE stress_control (id BIGSERIAL PRIMARY KEY, uid UUID NOT NULL)");
            owner.execute("GRANT SELECT, INSERT ON stress_control TO " + server.clientRole);
            owner.execute("GRANT USAGE ON SEQUENCE stress_control_id_seq TO " + server.clientRole);
        }
        System.out.println("SyncCommitOrderStressTest seed " + SEED);
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void theVersionCursorSeesEveryRowWhateverOrderTheWritersCommitIn() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Connection reader = signedIn();
        UUID readerId = UUID.randomUUID();
        long[] cursor = {0};

        run((writer, row, connection) -> {
            UUID uid = UUID.randomUUID();
            if ((writer + row) % 2 == 0) {
                // Through sync, one replica per writer.
                JsonNode answer = SyncCalls.push(connection, new UUID(writer, 1), put(row + 1, uid, "title",
                        "w" + writer + " r" + row, stamp(-1_000, row, "w" + writer)));
                assertThat(answer.at("/results/0/status").asText()).isEqualTo("applied");
            } else {
                // Directly, as the app does.
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO tasks (user_id, title, uid) VALUES (public.taskdesk_current_user_id(), ?, ?)")) {
                    insert.setString(1, "w" + writer + " r" + row);
                    insert.setObject(2, uid);
                    insert.executeUpdate();
                }
            }
            return uid.toString();
        }, written, () -> {
            JsonNode page = SyncCalls.pull(reader, readerId, cursor[0], 50);
            for (JsonNode task : page.path("tasks")) {
                seen.add(task.path("uid").asText());
            }
            cursor[0] = page.path("version").asLong();
        });

        assertThat(written).hasSize(WRITERS * ROWS_PER_WRITER);
        assertThat(seen).as("rows the version cursor never saw, seed " + SEED).containsAll(written);
    }

    @Test
    void theSameWorkloadWithABigserialCursorMissesRows() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Connection reader = server.client(url); // the control table is granted to the shared login; no session needed
        long[] cursor = {0};

        run((writer, row, connection) -> {
            UUID uid = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stress_control (uid) VALUES (?)")) {
                insert.setObject(1, uid);
                insert.executeUpdate();
            }
            return uid.toString();
        }, written, () -> {
            try (PreparedStatement select = reader.prepareStatement(
                    "SELECT id, uid FROM stress_control WHERE id > ? ORDER BY id LIMIT 50")) {
                select.setLong(1, cursor[0]);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cursor[0] = rows.getLong(1);
                        seen.add(rows.getString(2));
                    }
                }
            }
        });

        assertThat(written).hasSize(WRITERS * ROWS_PER_WRITER);
        List<String> missed = new ArrayList<>(written);
        missed.removeAll(seen);
        System.out.println("BIGSERIAL cursor missed " + missed.size() + " of " + written.size() + " rows");
        assertThat(missed).as("a BIGSERIAL cursor skips rows that commit late (seed " + SEED + ")").isNotEmpty();
    }

    private interface Write {
        String write(int writer, int row, Connection connection) throws Exception;
    }

    private interface Read {
        void read() throws Exception;
    }

    /**
     * {@link #WRITERS} threads each write {@link #ROWS_PER_WRITER} rows, one transaction each, held open 0 to
     * {@link #LONGEST_HOLD_MILLIS} ms before commit; {@code read} runs all along, and twice more once they are done.
     */
    private void run(Write write, Set<String> written, Read read) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            // The owner's login with the person's session: it may push and write directly (a member's client login
            // may only push since V12, ADR 29); the reader pulls as a member does.
            Connection connection = signedInDirectly();
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Random random = new Random(SEED + w);
                writers.add(pool.submit(() -> {
                    start.await();
                    Connection connection = connections.get(writer);
                    for (int row = 0; row < ROWS_PER_WRITER; row++) {
                        String uid = write.write(writer, row, connection);
                        Thread.sleep(random.nextInt(LONGEST_HOLD_MILLIS + 1));
                        connection.commit();
                        written.add(uid);
                    }
                    return null;
                }));
            }
            start.countDown();
            Future<?> all = pool.submit(() -> {
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                writing.set(false);
                return null;
            });
            while (writing.get()) {
                read.read();
            }
            all.get();
            read.read();
            read.read();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A device's connection: its own login (V14, ADR 30), carrying the session. */
    private Connection signedIn() throws SQLException {
        return server.person(url, token);
    }

    /** The owner's login under the person's session: the direct path that remains, under row-level security. */
    private Connection signedInDirectly() throws SQLException {
        Connection connection = server.owner(url);
        accounts.useSession(connection, token);
        return connection;
    }
}
