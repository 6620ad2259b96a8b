package org.taskdesk.persistence.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * What the soak's attackers know of the honest devices: more than a member could learn (ids travel only as bind
 * parameters, which {@code pg_stat_activity} does not show), so that the attacks on push and pull are the worst case.
 * The devices add to it as they push and pull; thread-safe.
 */
final class SoakIntel {
    private static final int KEPT = 200;

    private final List<UUID> clientIds = new ArrayList<>();
    private final List<UUID> taskUids = new ArrayList<>();
    private final List<UUID> mutationIds = new ArrayList<>();
    private final List<Long> versions = new ArrayList<>();

    synchronized void clientId(UUID id) {
        keep(clientIds, id);
    }

    synchronized void pushed(UUID mutation, UUID task) {
        keep(mutationIds, mutation);
        keep(taskUids, task);
    }

    synchronized void pulledUpTo(long version) {
        keep(versions, version);
    }

    synchronized Optional<UUID> clientId(Random random) {
        return pick(clientIds, random);
    }

    synchronized Optional<UUID> taskUid(Random random) {
        return pick(taskUids, random);
    }

    synchronized Optional<UUID> mutationId(Random random) {
        return pick(mutationIds, random);
    }

    synchronized Optional<Long> version(Random random) {
        return pick(versions, random);
    }

    private static <T> void keep(List<T> list, T item) {
        if (list.size() >= KEPT) {
            list.remove(0);
        }
        list.add(item);
    }

    private static <T> Optional<T> pick(List<T> list, Random random) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(random.nextInt(list.size())));
    }
}
