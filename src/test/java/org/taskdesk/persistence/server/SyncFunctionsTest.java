package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.persistence.server.SharedServer.DAY;
import static org.taskdesk.persistence.server.SharedServer.column;
import static org.taskdesk.persistence.server.SharedServer.hash;
import static org.taskdesk.persistence.server.SharedServer.update;
import static org.taskdesk.persistence.server.SyncCalls.completion;
import static org.taskdesk.persistence.server.SyncCalls.delete;
import static org.taskdesk.persistence.server.SyncCalls.json;
import static org.taskdesk.persistence.server.SyncCalls.pull;
import static org.taskdesk.persistence.server.SyncCalls.pullAll;
import static org.taskdesk.persistence.server.SyncCalls.push;
import static org.taskdesk.persistence.server.SyncCalls.put;
import static org.taskdesk.persistence.server.SyncCalls.restore;
import static org.taskdesk.persistence.server.SyncCalls.stamp;
import static org.taskdesk.persistence.server.SyncCalls.statuses;
import static org.taskdesk.persistence.server.SyncCalls.task;
import static org.taskdesk.persistence.server.SyncCalls.uids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sync functions (migration 10) as the shared client role calls them, signed in, on the tests' real PostgreSQL:
 * per-field merge by stamp, tombstones, restore, idempotency by seq, refusals, completions, paging, resync after a
 * purge, and direct writes (the app's plain SQL) seen by pull with server stamps. Each test is a new person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFunctionsTest {
    private final SharedServer server = new SharedServer();
    private final PostgresAccounts accounts = new PostgresAccounts();
    private String url;
    private Connection client;
    /** The owner's login with the same session: direct writes, as the app makes them there (ADR 29). */
    private Connection direct;
    private int person;
    private final UUID laptop = UUID.randomUUID();

    @BeforeAll
    void database() throws SQLException {
        url = server.newDatabase();
    }

    @BeforeEach
    void newPerson() throws SQLException {
        client = server.client(url);
        String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        person = accounts.signUp(client, email, "Pat", hash("pat's password"));
        String token = accounts.signIn(client, email, "pat's password", DAY).orThrow();
        client = server.person(url, token); // the device's own login since V14 (ADR 30)
        direct = server.owner(url);
        accounts.useSession(direct, token);
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void aPutInsertsANewTaskAndLaterPutsMergeEachFieldByItsStamp() throws SQLException {
        UUID task = UUID.randomUUID();
        String early = stamp(-60_000, 0, laptop.toString());
        String later = stamp(-30_000, 0, "desktop");
        String latest = stamp(-10_000, 0, laptop.toString());
        JsonNode due = json("{\"date\": \"2026-12-24\", \"time\": \"09:00\"}");

        JsonNode first = push(client, laptop, put(1, task, "title", "Buy milk", later, "due", due, later));
        // The title's stamp is older than the stored one: it loses. The priority is newer: it wins.
        JsonNode second = push(client, laptop, put(2, task, "title", "Buy oat milk", early, "priority", "high", latest));

        assertThat(statuses(first)).containsExactly("applied");
        assertThat(statuses(second)).containsExactly("applied");
        JsonNode pulled = task(pullAll(client, laptop, 0, 100), task);
        assertThat(pulled.at("/fields/title/v").asText()).isEqualTo("Buy milk");
        assertThat(pulled.at("/fields/title/c").asText()).isEqualTo(later);
        assertThat(pulled.at("/fields/priority/v").asText()).isEqualTo("high");
        assertThat(pulled.at("/fields/priority/c").asText()).isEqualTo(latest);
        assertThat(pulled.at("/fields/due/v")).isEqualTo(due);
        assertThat(pulled.at("/fields/description/v").asText()).isEmpty();
        assertThat(pulled.at("/fields/completed/v")).isEqualTo(json("{\"done\": false}"));
        assertThat(pulled.path("fields").size()).isEqualTo(7);

        // An equal stamp does not replace either: only a greater one does.
        push(client, laptop, put(3, task, "title", "Buy soy milk", later));
        assertThat(task(pullAll(client, laptop, 0, 100), task).at("/fields/title/v").asText()).isEqualTo("Buy milk");
    }

    @Test
    void aDeleteWinsOverEditsWithGreaterStampsAndAPutNeverBringsTheTaskBack() throws SQLException {
        UUID task = UUID.randomUUID();
        push(client, laptop, put(1, task, "title", "Old plan", stamp(-50_000, 0, "a")));

        JsonNode answer = push(client, laptop, delete(2, task, stamp(-40_000, 0, "a")),
                put(3, task, "title", "Edited later elsewhere", stamp(-1_000, 0, "b")));

        assertThat(statuses(answer)).containsExactly("applied", "applied");
        assertThat(answer.at("/results/1/note").asText()).isEqualTo("deleted");
        List<JsonNode> pages = pullAll(client, laptop, 0, 100);
        assertThat(uids(pages, "tasks")).doesNotContain(task.toString());
        assertThat(uids(pages, "deleted")).containsExactly(task.toString());
        assertThat(column(direct, "SELECT count(*) FROM tasks")).containsExactly("0");
        // Deleting it again, or a uid never seen, is applied and keeps (or records) a tombstone.
        UUID neverSeen = UUID.randomUUID();
        assertThat(statuses(push(client, laptop, delete(4, task, stamp(-30_000, 0, "a")),
                delete(5, neverSeen, stamp(-30_000, 0, "a"))))).containsExactly("applied", "applied");
        assertThat(uids(pullAll(client, laptop, 0, 100), "deleted")).containsExactlyInAnyOrder(task.toString(),
                neverSeen.toString());
    }

    @Test
    void aRestoreNewerThanTheDeleteBringsTheTaskBackAndAnOlderOneDoesNot() throws SQLException {
        UUID task = UUID.randomUUID();
        push(client, laptop, put(1, task, "title", "Plan", stamp(-50_000, 0, "a")));
        push(client, laptop, delete(2, task, stamp(-40_000, 0, "a")));

        JsonNode older = push(client, laptop, restore(3, task, stamp(-45_000, 0, "b"), "title", "Plan", stamp(-45_000, 0, "b")));
        assertThat(older.at("/results/0/note").asText()).isEqualTo("deleted");
        assertThat(uids(pullAll(client, laptop, 0, 100), "tasks")).isEmpty();

        String restoredAt = stamp(-20_000, 0, "b");
        JsonNode newer = push(client, laptop, restore(4, task, restoredAt, "title", "Plan, again", restoredAt,
                "tags", "home", restoredAt));

        assertThat(statuses(newer)).containsExactly("applied");
        assertThat(newer.at("/results/0/note").isMissingNode()).isTrue();
        List<JsonNode> pages = pullAll(client, laptop, 0, 100);
        assertThat(uids(pages, "deleted")).isEmpty();
        JsonNode back = task(pages, task);
        assertThat(back.at("/fields/title/v").asText()).isEqualTo("Plan, again");
        assertThat(back.at("/fields/tags/v").asText()).isEqualTo("home");
        assertThat(back.at("/fields/priority/v").isNull()).isTrue();
        assertThat(back.at("/fields/priority/c").asText()).as("a field the restore left out").isEqualTo(restoredAt);
    }

    @Test
    void aSeqAlreadySeenIsADuplicateAndAReplayedPushChangesNothing() throws SQLException {
        UUID task = UUID.randomUUID();
        ObjectNode create = put(1, task, "title", "Once", stamp(-50_000, 0, "a"));
        ObjectNode rename = put(2, task, "title", "Twice", stamp(-40_000, 0, "a"));
        JsonNode first = push(client, laptop, create, rename, create);
        long version = pullAll(client, laptop, 0, 100).get(0).path("version").asLong();

        JsonNode replay = push(client, laptop, create, rename);

        assertThat(statuses(first)).containsExactly("applied", "applied", "duplicate");
        assertThat(statuses(replay)).containsExactly("duplicate", "duplicate");
        assertThat(replay.at("/results/0/id").asText()).isEqualTo(create.path("id").asText());
        JsonNode after = pull(client, laptop, version, 100);
        assertThat(after.path("tasks")).as("nothing written by the replay").isEmpty();
        assertThat(column(direct, "SELECT title FROM tasks")).containsExactly("Twice");
        // Another replica of the same person has its own sequence.
        assertThat(statuses(push(client, UUID.randomUUID(), put(1, task, "title", "Thrice", stamp(-30_000, 0, "b")))))
                .containsExactly("applied");
    }

    @Test
    void aRejectedMutationSaysWhyInOneLineAndStillAdvancesTheSequence() throws SQLException {
        UUID task = UUID.randomUUID();
        String s = stamp(-50_000, 0, "a");
        JsonNode answer = push(client, laptop,
                put(1, task, "title", "", s),
                put(2, task, "title", "x".repeat(201), s),
                put(3, task, "due", json("{\"date\": \"2026-02-30\"}"), s),
                put(4, task, "title", "Fine", s, "priority", "urgent", s),
                put(5, UUID.randomUUID(), "priority", "low", s),
                put(6, task, "title", "Fine", s));

        assertThat(statuses(answer)).containsExactly("rejected", "rejected", "rejected", "rejected", "rejected",
                "applied");
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reasons.add(answer.at("/results/" + i + "/reason").asText());
        }
        assertThat(reasons).containsExactly("the title is empty", "the title is 201 characters long; the limit is 200",
                "the due date is not a real date or time: 2026-02-30", "the priority must be high, medium, low or null",
                "a new task needs a title");
        assertThat(reasons).allSatisfy(reason -> assertThat(reason).doesNotContain("\n"));
        // The queue is not wedged: the rejected seqs are done with.
        assertThat(statuses(push(client, laptop, put(1, task, "title", "", s), put(7, task, "tags", "x", s))))
                .containsExactly("duplicate", "applied");
    }

    @Test
    void aStampTooFarAheadIsRefusedWithoutAdvancingSoTheRestampedMutationIsApplied() throws SQLException {
        UUID task = UUID.randomUUID();
        String threeHoursFast = stamp(3 * 60 * 60 * 1000, 0, laptop.toString());
        ObjectNode ahead = put(1, task, "title", "From a fast clock", threeHoursFast);
        ObjectNode next = put(2, task, "tags", "later", threeHoursFast);

        JsonNode refused = push(client, laptop, ahead, next);

        assertThat(statuses(refused)).containsExactly("clock_ahead", "clock_ahead");
        assertThat(column(direct, "SELECT count(*) FROM tasks")).containsExactly("0");
        String serverClock = refused.path("server_clock").asText();
        assertThat(serverClock).matches("[0-9a-f]{13}-[0-9a-f]{4}-server");
        long serverMillis = Long.parseLong(serverClock.substring(0, 13), 16);
        assertThat(serverMillis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
        // Four minutes ahead is within the bound; the same seq, stamped again, goes in.
        String restamped = stamp(4 * 60 * 1000, 0, laptop.toString());
        JsonNode applied = push(client, laptop, put(1, task, "title", "From a fast clock", restamped));
        assertThat(statuses(applied)).containsExactly("applied");
        assertThat(applied.path("server_clock").asText()).as("the server clock took the stamp in")
                .isGreaterThanOrEqualTo(restamped.substring(0, 18));
    }

    @Test
    void completionsAreASetByUidKeptEvenWhenTheCompletedFieldLoses() throws SQLException {
        UUID task = UUID.randomUUID();
        UUID monday = UUID.randomUUID();
        UUID tuesdayOnLaptop = UUID.randomUUID();
        UUID tuesdayOnDesktop = UUID.randomUUID();
        String newer = stamp(-10_000, 0, "desktop");
        ObjectNode first = put(1, task, "title", "Water plants", stamp(-60_000, 0, "laptop"),
                "due", json("{\"date\": \"2026-12-02\"}"), newer);
        first.set("completions", SyncCalls.JSON.createArrayNode().add(completion(monday, "2026-11-30T08:00:00", "2026-11-30")));
        ObjectNode laptopDone = put(2, task, "due", json("{\"date\": \"2026-12-03\"}"), stamp(-20_000, 0, "laptop"));
        laptopDone.set("completions", SyncCalls.JSON.createArrayNode()
                .add(completion(monday, "2026-11-30T08:00:00", "2026-11-30"))
                .add(completion(tuesdayOnLaptop, "2026-12-01T07:00:00", "2026-12-01")));
        ObjectNode desktopDone = put(1, task, "due", json("{\"date\": \"2026-12-03\"}"), stamp(-5_000, 0, "desktop"));
        desktopDone.set("completions", SyncCalls.JSON.createArrayNode()
                .add(completion(tuesdayOnDesktop, "2026-12-01T09:30:00", null)));

        push(client, laptop, first, laptopDone);
        push(client, UUID.randomUUID(), desktopDone);

        List<JsonNode> pages = pullAll(client, laptop, 0, 100);
        assertThat(uids(pages, "completions")).containsExactlyInAnyOrder(monday.toString(), tuesdayOnLaptop.toString(),
                tuesdayOnDesktop.toString());
        JsonNode due = task(pages, task).at("/fields/due/v");
        assertThat(due).isEqualTo(json("{\"date\": \"2026-12-03\"}"));
        for (JsonNode page : pages) {
            for (JsonNode done : page.path("completions")) {
                assertThat(done.path("task").asText()).isEqualTo(task.toString());
                if (done.path("uid").asText().equals(tuesdayOnDesktop.toString())) {
                    assertThat(done.path("at").asText()).isEqualTo("2026-12-01T09:30:00");
                    assertThat(done.path("due").isNull()).isTrue();
                }
            }
        }
    }

    @Test
    void pullPagesInVersionOrderAndSaysWhenMoreRemain() throws SQLException {
        ArrayNode mutations = SyncCalls.JSON.createArrayNode();
        for (int i = 1; i <= 7; i++) {
            mutations.add(put(i, UUID.randomUUID(), "title", "Task " + i, stamp(-50_000, i, "a")));
        }
        SyncCalls.pushArray(client, laptop, mutations);

        JsonNode first = pull(client, laptop, 0, 3);
        JsonNode second = pull(client, laptop, first.path("version").asLong(), 3);
        JsonNode third = pull(client, laptop, second.path("version").asLong(), 3);
        JsonNode empty = pull(client, laptop, third.path("version").asLong(), 3);

        assertThat(List.of(first, second, third, empty)).extracting(page -> page.path("more").asBoolean())
                .containsExactly(true, true, false, false);
        assertThat(List.of(first, second, third)).extracting(page -> page.path("tasks").size()).containsExactly(3, 3, 1);
        List<Long> versions = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            for (JsonNode task : page.path("tasks")) {
                versions.add(task.path("version").asLong());
                titles.add(task.at("/fields/title/v").asText());
            }
            assertThat(page.path("version").asLong()).isEqualTo(versions.get(versions.size() - 1));
        }
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(titles).containsExactly("Task 1", "Task 2", "Task 3", "Task 4", "Task 5", "Task 6", "Task 7");
        assertThat(empty.path("version").asLong()).isEqualTo(third.path("version").asLong());
        assertThat(empty.path("tasks")).isEmpty();
        assertThat(empty.path("resync").asBoolean()).isFalse();
    }

    @Test
    void afterAPurgeAnOlderCursorIsToldToResyncAndANewerOneIsNot() throws SQLException {
        UUID kept = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        push(client, laptop, put(1, kept, "title", "Kept", stamp(-50_000, 0, "a")),
                put(2, gone, "title", "Gone", stamp(-50_000, 0, "a")));
        long beforeDelete = pull(client, laptop, 0, 100).path("version").asLong();
        push(client, laptop, delete(3, gone, stamp(-40_000, 0, "a")));
        long afterDelete = pull(client, laptop, 0, 100).path("version").asLong();
        Connection owner = server.owner(url);
        ageTombstones(owner, 100);

        List<String> purged = column(owner, "SELECT public.taskdesk_sync_purge(90)");

        assertThat(Long.parseLong(purged.get(0))).isGreaterThanOrEqualTo(1);
        JsonNode stale = pull(client, laptop, beforeDelete, 100);
        assertThat(stale.path("resync").asBoolean()).isTrue();
        assertThat(stale.has("tasks")).isFalse();
        assertThat(stale.path("server_clock").asText()).endsWith("-server");
        JsonNode fresh = pull(client, laptop, 0, 100);
        assertThat(fresh.path("resync").asBoolean()).isFalse();
        assertThat(uids(List.of(fresh), "tasks")).containsExactly(kept.toString());
        assertThat(uids(List.of(fresh), "deleted")).isEmpty();
        assertThat(pull(client, laptop, afterDelete, 100).path("resync").asBoolean()).isFalse();
        // The client role may not purge.
        SQLException refused = assertThrows(SQLException.class,
                () -> column(client, "SELECT public.taskdesk_sync_purge(1)"));
        assertThat(refused.getSQLState()).isEqualTo("42501");
    }

    /**
     * A resync longer than one page: its later pages start below the purge floor and are still answered (only the
     * device that started it from 0 may go on below the floor), and its last page gives the person's newest version,
     * so the round after it is not another resync. Both failed before V15: the second page said "resync" again, and
     * the last page's version (its newest live item) stayed below the floor.
     */
    @Test
    void aResyncLongerThanOnePageEndsAndTheNextRoundIsNotAnotherResync() throws SQLException {
        List<UUID> kept = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID gone = UUID.randomUUID();
        push(client, laptop, put(1, kept.get(0), "title", "One", stamp(-50_000, 0, "a")),
                put(2, kept.get(1), "title", "Two", stamp(-50_000, 0, "a")),
                put(3, kept.get(2), "title", "Three", stamp(-50_000, 0, "a")),
                put(4, gone, "title", "Gone", stamp(-50_000, 0, "a")));
        push(client, laptop, delete(5, gone, stamp(-40_000, 0, "a")));
        Connection owner = server.owner(url);
        ageTombstones(owner, 100);
        column(owner, "SELECT public.taskdesk_sync_purge(90)");
        UUID desktop = UUID.randomUUID();

        JsonNode first = pull(client, desktop, 0, 2);
        JsonNode second = pull(client, desktop, first.path("version").asLong(), 2);

        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(second.path("resync").asBoolean()).as("the resync's second page").isFalse();
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(uids(List.of(first, second), "tasks"))
                .containsExactlyInAnyOrderElementsOf(kept.stream().map(UUID::toString).toList());
        JsonNode next = pull(client, desktop, second.path("version").asLong(), 2);
        assertThat(next.path("resync").asBoolean()).as("the round after the resync").isFalse();
        assertThat(next.path("tasks")).isEmpty();
        // Another device may not go on from the same place below the floor: it has not pulled from 0.
        assertThat(pull(client, UUID.randomUUID(), first.path("version").asLong(), 2).path("resync").asBoolean())
                .isTrue();
    }

    /**
     * Nobody has to run the owner's purge (V13): a push first purges its person's tombstones older than 90 days, at
     * most once a day, and raises their floor, so an older cursor resyncs; other people's tombstones stay.
     */
    @Test
    void aPushPurgesItsPersonsOldTombstonesOnceADay() throws SQLException {
        Connection shared = server.client(url);
        String otherEmail = "o" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        int otherPerson = accounts.signUp(shared, otherEmail, "Olive", hash("olive's password"));
        Connection other = server.person(url, accounts.signIn(shared, otherEmail, "olive's password", DAY).orThrow());
        UUID othersTask = UUID.randomUUID();
        push(other, laptop, put(1, othersTask, "title", "Olive's", stamp(-50_000, 0, "o")),
                delete(2, othersTask, stamp(-40_000, 0, "o")));
        UUID gone = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        push(client, laptop, put(1, gone, "title", "Gone", stamp(-50_000, 0, "a")),
                put(2, later, "title", "Later", stamp(-50_000, 0, "a")),
                delete(3, gone, stamp(-40_000, 0, "a")));
        long afterFirstDelete = pull(client, laptop, 0, 100).path("version").asLong();
        Connection owner = server.owner(url);
        ageTombstones(owner, 100);
        ageTombstonesOf(owner, otherPerson, 100);
        // The first push of the day (above) purged nothing old yet; make that yesterday's.
        update(owner, "UPDATE users SET sync_purged_at = sync_purged_at - interval '1 day' WHERE id = ?", person);

        push(client, laptop);

        assertThat(column(owner, "SELECT count(*) FROM task_tombstones WHERE user_id = " + person)).containsExactly("0");
        assertThat(column(owner, "SELECT count(*) FROM task_tombstones WHERE user_id = " + otherPerson))
                .containsExactly("1");
        assertThat(pull(client, laptop, afterFirstDelete - 1, 100).path("resync").asBoolean()).isTrue();
        // The same day, a tombstone grown old since stays until tomorrow's first push.
        push(client, laptop, delete(4, later, stamp(-30_000, 0, "a")));
        ageTombstones(owner, 100);
        push(client, laptop);
        assertThat(column(owner, "SELECT count(*) FROM task_tombstones WHERE user_id = " + person)).containsExactly("1");
        update(owner, "UPDATE users SET sync_purged_at = sync_purged_at - interval '1 day' WHERE id = ?", person);
        push(client, laptop);
        assertThat(column(owner, "SELECT count(*) FROM task_tombstones WHERE user_id = " + person)).containsExactly("0");
    }

    @Test
    void directWritesAsTheAppMakesThemArePulledWithServerStamps() throws SQLException {
        // Direct writes are the owner's path since V12 (ADR 29); the client login only pushes and pulls.
        assertThat(assertThrows(SQLException.class, () -> update(client, "INSERT INTO tasks (user_id, title) "
                + "VALUES (?, 'Typed in the app')", person)).getSQLState()).isEqualTo("42501");
        update(direct, "INSERT INTO tasks (user_id, title, description) VALUES (?, 'Typed in the app', 'notes')", person);
        JsonNode inserted = pull(client, laptop, 0, 100);
        JsonNode task = inserted.at("/tasks/0");
        UUID uid = UUID.fromString(task.path("uid").asText());
        String insertStamp = task.at("/fields/title/c").asText();
        assertThat(insertStamp).matches("[0-9a-f]{13}-[0-9a-f]{4}-server");
        for (String field : SyncCalls.FIELDS) {
            assertThat(task.at("/fields/" + field + "/c").asText()).as(field).isEqualTo(insertStamp);
        }
        assertThat(task.at("/fields/description/v").asText()).isEqualTo("notes");

        // A pushed stamp a little ahead of the server: a later direct edit must still stamp above it.
        String pushedAhead = stamp(3 * 60 * 1000, 0, laptop.toString());
        push(client, laptop, put(1, uid, "description", "pushed", pushedAhead));
        update(direct, "UPDATE tasks SET title = 'Renamed in the app', updated_at = now()");
        long cursor = inserted.path("version").asLong();
        JsonNode updated = pull(client, laptop, cursor, 100).at("/tasks/0");
        assertThat(updated.at("/fields/title/v").asText()).isEqualTo("Renamed in the app");
        assertThat(updated.at("/fields/title/c").asText()).isGreaterThan(pushedAhead).endsWith("-server");
        assertThat(updated.at("/fields/description/c").asText()).as("unchanged field keeps its stamp")
                .isEqualTo(pushedAhead);
        assertThat(updated.at("/fields/priority/c").asText()).isEqualTo(insertStamp);

        update(direct, "INSERT INTO task_completions (task_id, user_id, completed_at) SELECT id, user_id, now() FROM tasks");
        JsonNode completed = pull(client, laptop, updated.path("version").asLong(), 100);
        assertThat(completed.path("completions")).hasSize(1);
        assertThat(completed.at("/completions/0/task").asText()).isEqualTo(uid.toString());
        assertThat(completed.at("/completions/0/uid").asText()).matches("[0-9a-f-]{36}");
        update(direct, "DELETE FROM tasks");
        JsonNode deleted = pull(client, laptop, completed.path("version").asLong(), 100);
        assertThat(deleted.path("tasks")).isEmpty();
        assertThat(deleted.at("/deleted/0/uid").asText()).isEqualTo(uid.toString());
        assertThat(deleted.at("/deleted/0/c").asText()).isGreaterThan(updated.at("/fields/title/c").asText());
        // The deleted task stays deleted for sync: a put of it does not bring it back.
        JsonNode put = push(client, laptop, put(2, uid, "title", "Back?", stamp(0, 5, laptop.toString())));
        assertThat(put.at("/results/0/note").asText()).isEqualTo("deleted");
    }

    /**
     * A first sync in pushes of the protocol's limit: 5,000 new tasks (all seven fields, or a title only, some with
     * completions) are each applied once, a replay of every push changes nothing, a push that mixes new tasks with
     * edits, a uid twice, a delete, a put after it and a refusal answers each in its own place, and a pull gives back
     * exactly what was pushed, once each, in version order.
     */
    @Test
    void fiveThousandNewTasksInFullPushesAreAppliedOnceAndPulledBackAsPushed() throws SQLException {
        String[] priorities = {"low", "medium", "high", null};
        Map<UUID, ObjectNode> sent = new LinkedHashMap<>();
        Map<String, UUID> completions = new HashMap<>();
        List<ArrayNode> pushes = new ArrayList<>();
        long seq = 0;
        for (int p = 0; p < 5; p++) {
            ArrayNode batch = SyncCalls.JSON.createArrayNode();
            for (int i = 0; i < 1000; i++) {
                int n = p * 1000 + i;
                UUID uid = UUID.randomUUID();
                String s = stamp(-60_000, n, laptop.toString());
                ObjectNode m = n % 10 == 3 ? put(++seq, uid, "title", "Task " + n, s)
                        : put(++seq, uid, "title", "Task " + n, s, "description", n % 3 == 0 ? "Notes " + n : "", s,
                                "priority", priorities[n % 4], s, "tags", n % 2 == 0 ? "home,bench" : null, s,
                                "due", n % 3 == 2 ? null : json("{\"date\": \"2026-12-" + (10 + n % 20) + "\""
                                        + (n % 3 == 1 ? ", \"time\": \"09:30\"" : "") + "}"), s,
                                "repeat", n % 7 == 0 ? "FREQ=WEEKLY" : null, s,
                                "completed", json(n % 5 == 0 ? "{\"done\": true, \"at\": \"2026-11-20T10:00:00\"}"
                                        : "{\"done\": false}"), s);
                if (n % 250 == 0) {
                    UUID done = UUID.randomUUID();
                    completions.put(done.toString(), uid);
                    m.set("completions", SyncCalls.JSON.createArrayNode().add(completion(done, "2026-11-2"
                            + (n % 9) + "T08:00:00", n % 500 == 0 ? null : "2026-11-20")));
                }
                batch.add(m);
                sent.put(uid, m);
            }
            pushes.add(batch);
        }
        List<UUID> first = new ArrayList<>(sent.keySet());
        UUID twice = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        String later = stamp(-1_000, 0, "desktop");
        ArrayNode mixed = SyncCalls.JSON.createArrayNode()
                .add(put(++seq, fresh, "title", "Fresh", later))
                .add(put(++seq, twice, "title", "Twice", stamp(-2_000, 0, "desktop")))
                .add(put(++seq, twice, "priority", "high", later))
                .add(delete(++seq, first.get(1), later))
                .add(put(++seq, first.get(1), "title", "After its delete", stamp(-500, 0, "desktop")))
                .add(put(++seq, UUID.randomUUID(), "priority", "low", later))
                .add(put(++seq, first.get(0), "title", "Renamed", later));
        pushes.add(mixed);

        List<JsonNode> answers = new ArrayList<>();
        for (ArrayNode push : pushes) {
            answers.add(SyncCalls.pushArray(client, laptop, push));
        }
        for (int p = 0; p < 5; p++) {
            assertThat(statuses(answers.get(p))).hasSize(1000).containsOnly("applied");
            for (int i = 0; i < 1000; i++) {
                assertThat(answers.get(p).at("/results/" + i + "/id").asText())
                        .isEqualTo(pushes.get(p).get(i).path("id").asText());
            }
        }
        JsonNode last = answers.get(5);
        assertThat(statuses(last)).containsExactly("applied", "applied", "applied", "applied", "applied", "rejected",
                "applied");
        assertThat(last.at("/results/4/note").asText()).isEqualTo("deleted");
        assertThat(last.at("/results/5/reason").asText()).isEqualTo("a new task needs a title");
        for (ArrayNode push : pushes) {
            assertThat(statuses(SyncCalls.pushArray(client, laptop, push))).containsOnly("duplicate");
        }

        List<JsonNode> pages = pullAll(client, UUID.randomUUID(), 0, 5000);
        List<String> pulled = uids(pages, "tasks");
        assertThat(pulled).hasSize(5001).doesNotHaveDuplicates().doesNotContain(first.get(1).toString());
        assertThat(uids(pages, "deleted")).containsExactly(first.get(1).toString());
        long previous = 0;
        for (JsonNode page : pages) {
            for (JsonNode item : page.path("tasks")) {
                assertThat(item.path("version").asLong()).isGreaterThan(previous);
                previous = item.path("version").asLong();
            }
        }
        for (UUID uid : first.subList(2, first.size())) {
            JsonNode fields = sent.get(uid).path("fields");
            JsonNode got = task(pages, uid).path("fields");
            assertThat(got.size()).isEqualTo(7);
            for (String name : SyncCalls.FIELDS) {
                if (fields.has(name)) {
                    assertThat(got.get(name)).as("%s of %s", name, uid).isEqualTo(fields.get(name));
                } else {
                    // Not sent: no value, stamped with the least stamp given (the title's).
                    assertThat(got.at("/" + name + "/c")).isEqualTo(fields.at("/title/c"));
                }
            }
        }
        assertThat(task(pages, first.get(0)).at("/fields/title/v").asText()).isEqualTo("Renamed");
        assertThat(task(pages, twice).at("/fields/title/v").asText()).isEqualTo("Twice");
        assertThat(task(pages, twice).at("/fields/priority/v").asText()).isEqualTo("high");
        assertThat(task(pages, fresh).at("/fields/title/v").asText()).isEqualTo("Fresh");
        Map<String, String> pulledCompletions = new HashMap<>();
        for (JsonNode page : pages) {
            for (JsonNode done : page.path("completions")) {
                pulledCompletions.put(done.path("uid").asText(), done.path("task").asText());
            }
        }
        Map<String, String> expected = new HashMap<>();
        completions.forEach((done, task) -> expected.put(done, task.toString()));
        expected.values().remove(first.get(1).toString());
        assertThat(pulledCompletions).isEqualTo(expected);
    }

    @Test
    void aPushOfMoreThanAThousandMutationsIsRefusedWhole() throws SQLException {
        ArrayNode mutations = SyncCalls.JSON.createArrayNode();
        for (int i = 1; i <= 1001; i++) {
            mutations.add(put(i, UUID.randomUUID(), "title", "T" + i, stamp(-50_000, 0, "a")));
        }
        SQLException e = assertThrows(SQLException.class, () -> SyncCalls.pushArray(client, laptop, mutations));
        assertThat(e.getSQLState()).isEqualTo("22023");
        assertThat(e.getMessage()).contains("at most 1000 mutations");
        assertThat(column(direct, "SELECT count(*) FROM tasks")).containsExactly("0");
    }

    /** Makes this person's tombstones look {@code days} old (the owner lifts forced row-level security for it). */
    private void ageTombstones(Connection owner, int days) throws SQLException {
        ageTombstonesOf(owner, person, days);
    }

    private static void ageTombstonesOf(Connection owner, int person, int days) throws SQLException {
        owner.setAutoCommit(false);
        try (Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE task_tombstones NO FORCE ROW LEVEL SECURITY");
            // Ageing is not a change for sync: no new version.
            statement.execute("ALTER TABLE task_tombstones DISABLE TRIGGER task_tombstones_sync_version");
            statement.execute("UPDATE task_tombstones SET deleted_at = deleted_at - interval '" + days + " days' "
                    + "WHERE user_id = " + person);
            statement.execute("ALTER TABLE task_tombstones ENABLE TRIGGER task_tombstones_sync_version");
            statement.execute("ALTER TABLE task_tombstones FORCE ROW LEVEL SECURITY");
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
    }
}
