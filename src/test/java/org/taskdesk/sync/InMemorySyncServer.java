package org.taskdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.sync.HybridClock;

/**
 * A test double of the server that follows protocol v1 in memory, for one person: push with seq dedup, per-field
 * stamps, tombstones winning over puts, restores, completions as an append-only set, clock_ahead, and pull by a
 * version counter with resync below a floor. The replicas it talks to are real H2 files.
 */
public final class InMemorySyncServer implements SyncServers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HybridClock clock;
    private final Clock serverTime;
    private final Map<UUID, ObjectNode> tasks = new LinkedHashMap<>();
    private final Map<UUID, Long> taskVersions = new HashMap<>();
    private final Map<UUID, String> tombstones = new HashMap<>();
    private final Map<UUID, Long> tombstoneVersions = new HashMap<>();
    private final Map<UUID, ObjectNode> completions = new HashMap<>();
    private final Map<UUID, Long> lastSeq = new HashMap<>();
    private long version;
    private long floor;
    boolean reachable = true;
    /** Titles the server refuses (as it refuses a title over 200 characters). */
    String refusedTitle = "\u0000never";
    int pushes;
    /** At most this many items per pulled page, whatever the device asks: a test spreads a pull over pages with it. */
    int pageLimit = Integer.MAX_VALUE;
    /** Runs once after the next page is served: another device's change between two pages of a pull. */
    Runnable afterNextPage;

    public InMemorySyncServer(Clock serverTime) {
        this.serverTime = serverTime;
        this.clock = new HybridClock(HybridClock.SERVER_NODE, serverTime::millis, 0);
    }

    @Override
    public String signInOrSignUp(String serverUrl, String email, String name, String password) {
        return "token of " + email;
    }

    /** Whether connecting works; a test of the app's status turns it off to be offline. */
    public void reachable(boolean answers) {
        reachable = answers;
    }

    @Override
    public void signOut(String serverUrl, String token) {
    }

    @Override
    public SyncServer connect(String serverUrl, String token) {
        if (!reachable) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot reach the server: test says so.");
        }
        return new SyncServer() {
            @Override
            public PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
                return InMemorySyncServer.this.push(clientId, mutations);
            }

            @Override
            public PulledPage pull(UUID clientId, long after, int limit) {
                PulledPage page = InMemorySyncServer.this.pull(after, Math.min(limit, pageLimit));
                Runnable between = afterNextPage;
                afterNextPage = null;
                if (between != null) {
                    between.run();
                }
                return page;
            }

            @Override
            public void close() {
            }
        };
    }

    synchronized PushAnswer push(UUID clientId, List<PendingMutation> mutations) {
        if (mutations.size() > SyncService.PUSH_BATCH) {
            throw new IllegalArgumentException("more than 1000 mutations in one push");
        }
        pushes++;
        List<MutationResult> results = new ArrayList<>();
        for (PendingMutation pending : mutations) {
            JsonNode m = read(pending.body());
            UUID id = UUID.fromString(m.get("id").asText());
            if (pending.seq() <= lastSeq.getOrDefault(clientId, 0L)) {
                results.add(new MutationResult(id, MutationResult.DUPLICATE, null, null));
                continue;
            }
            if (ahead(m)) {
                results.add(new MutationResult(id, MutationResult.CLOCK_AHEAD, null, null));
                continue;
            }
            lastSeq.put(clientId, pending.seq());
            results.add(apply(id, m));
        }
        return new PushAnswer(clock.stamp(), results);
    }

    private boolean ahead(JsonNode m) {
        long limit = serverTime.millis() + HybridClock.MAX_AHEAD_MILLIS;
        boolean ahead = m.has("c") && HybridClock.millis(m.get("c").asText()) > limit;
        for (JsonNode field : m.path("fields")) {
            ahead |= HybridClock.millis(field.get("c").asText()) > limit;
        }
        return ahead;
    }

    private MutationResult apply(UUID id, JsonNode m) {
        UUID uid = UUID.fromString(m.get("task").asText());
        m.path("fields").forEach(field -> clock.receive(field.get("c").asText()));
        if (m.has("c")) {
            clock.receive(m.get("c").asText());
        }
        switch (m.get("op").asText()) {
            case "delete" -> {
                tasks.remove(uid);
                taskVersions.remove(uid);
                if (HybridClock.later(m.get("c").asText(), tombstones.get(uid))) {
                    tombstones.put(uid, m.get("c").asText());
                }
                tombstoneVersions.put(uid, ++version);
                return new MutationResult(id, MutationResult.APPLIED, null, null);
            }
            case "restore" -> {
                if (!HybridClock.later(m.get("c").asText(), tombstones.get(uid)) || tasks.containsKey(uid)) {
                    return new MutationResult(id, MutationResult.APPLIED, null, "deleted");
                }
                tombstones.remove(uid);
                tombstoneVersions.remove(uid);
                return insert(id, uid, m);
            }
            default -> {
                if (tombstones.containsKey(uid)) {
                    return new MutationResult(id, MutationResult.APPLIED, null, "deleted");
                }
                if (!tasks.containsKey(uid)) {
                    if (!m.path("fields").has("title")) {
                        return new MutationResult(id, MutationResult.REJECTED, "a new task needs a title", null);
                    }
                    return insert(id, uid, m);
                }
                MutationResult refused = refused(id, m);
                if (refused != null) {
                    return refused;
                }
                ObjectNode stored = tasks.get(uid);
                m.path("fields").properties().forEach(entry -> {
                    String current = stored.path("fields").path(entry.getKey()).path("c").asText(null);
                    if (HybridClock.later(entry.getValue().get("c").asText(), current)) {
                        ((ObjectNode) stored.get("fields")).set(entry.getKey(), entry.getValue().deepCopy());
                    }
                });
                taskVersions.put(uid, ++version);
                addCompletions(uid, m);
                return new MutationResult(id, MutationResult.APPLIED, null, null);
            }
        }
    }

    private MutationResult refused(UUID id, JsonNode m) {
        JsonNode title = m.path("fields").path("title").path("v");
        return title.asText("").equals(refusedTitle)
                ? new MutationResult(id, MutationResult.REJECTED, "the title '" + refusedTitle + "' is refused", null)
                : null;
    }

    private MutationResult insert(UUID id, UUID uid, JsonNode m) {
        MutationResult refused = refused(id, m);
        if (refused != null) {
            return refused;
        }
        ObjectNode task = JSON.createObjectNode().put("uid", uid.toString());
        task.put("created", m.path("created").asText("2026-11-28T10:00:00"));
        task.set("fields", m.get("fields").deepCopy());
        tasks.put(uid, task);
        taskVersions.put(uid, ++version);
        addCompletions(uid, m);
        return new MutationResult(id, MutationResult.APPLIED, null, null);
    }

    private void addCompletions(UUID task, JsonNode m) {
        for (JsonNode completion : m.path("completions")) {
            UUID uid = UUID.fromString(completion.get("uid").asText());
            if (!completions.containsKey(uid)) {
                ObjectNode stored = completion.deepCopy();
                stored.put("task", task.toString()).put("version", ++version);
                completions.put(uid, stored);
            }
        }
    }

    synchronized PulledPage pull(long after, int limit) {
        if (after > 0 && after < floor) {
            return new PulledPage(clock.stamp(), true, after, false, JSON.createObjectNode()
                    .put("server_clock", clock.stamp()).put("resync", true).toString());
        }
        record Item(long version, String kind, UUID uid) {
        }
        List<Item> items = new ArrayList<>();
        taskVersions.forEach((uid, v) -> items.add(new Item(v, "tasks", uid)));
        tombstoneVersions.forEach((uid, v) -> items.add(new Item(v, "deleted", uid)));
        completions.forEach((uid, c) -> items.add(new Item(c.get("version").asLong(), "completions", uid)));
        List<Item> newer = items.stream().filter(item -> item.version() > after)
                .sorted(java.util.Comparator.comparingLong(Item::version)).toList();
        List<Item> page = newer.subList(0, Math.min(limit, newer.size()));
        ObjectNode answer = JSON.createObjectNode().put("server_clock", clock.stamp()).put("resync", false);
        long last = page.isEmpty() ? after : page.get(page.size() - 1).version();
        answer.put("version", last).put("more", newer.size() > page.size());
        ArrayNode taskList = answer.putArray("tasks");
        ArrayNode deletedList = answer.putArray("deleted");
        ArrayNode completionList = answer.putArray("completions");
        for (Item item : page) {
            switch (item.kind()) {
                case "tasks" -> taskList.add(tasks.get(item.uid()).deepCopy().put("version", item.version()));
                case "deleted" -> deletedList.add(JSON.createObjectNode().put("uid", item.uid().toString())
                        .put("version", item.version()).put("c", tombstones.get(item.uid())));
                default -> completionList.add(completions.get(item.uid()).deepCopy()
                        .put("uid", item.uid().toString()));
            }
        }
        return new PulledPage(answer.get("server_clock").asText(), false, last, answer.get("more").asBoolean(),
                answer.toString());
    }

    /** Purges every tombstone, as the server does with those older than 90 days; pulls from before need a resync. */
    synchronized void purgeTombstones() {
        floor = version;
        tombstones.clear();
        tombstoneVersions.clear();
    }

    /** Deletes a task on the server directly, leaving no tombstone (what a purge leaves behind). */
    synchronized void forget(UUID uid) {
        tasks.remove(uid);
        taskVersions.remove(uid);
    }

    synchronized Map<UUID, ObjectNode> tasks() {
        return new LinkedHashMap<>(tasks);
    }

    synchronized int completionCount() {
        return completions.size();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
