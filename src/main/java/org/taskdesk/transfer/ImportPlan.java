package org.taskdesk.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.PastCompletion;
import org.taskdesk.tasks.TaskRepository;

/**
 * What an import does to a person's tasks, decided before anything is written: which tasks of the file are new,
 * which update a task already there, which are already equal, and which rows are skipped. A task of the file is the
 * same as one already there when it has that task's UID; else when title and creation time are equal (a file from
 * another account or app); else, for a file that says neither (Todoist's), when title and due date are equal. Each
 * task already there is matched once.
 */
final class ImportPlan {
    private final List<TransferTask> additions = new ArrayList<>();
    private final Map<Long, TransferTask> updates = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private int unchanged;

    private ImportPlan() {
    }

    static ImportPlan of(List<Task> existing, ReadFile file, int accountId) {
        ImportPlan plan = new ImportPlan();
        plan.skipped.addAll(file.skipped());
        Map<String, Task> byUid = new HashMap<>();
        Map<List<Object>, Deque<Task>> byCreated = new HashMap<>();
        Map<List<Object>, Deque<Task>> byDue = new HashMap<>();
        for (Task task : existing) {
            byUid.put(TaskUids.of(accountId, task.id()), task);
            byCreated.computeIfAbsent(createdKey(task), k -> new ArrayDeque<>()).add(task);
            byDue.computeIfAbsent(dueKey(task), k -> new ArrayDeque<>()).add(task);
        }
        Set<Long> matched = new HashSet<>();
        Map<String, String> uidsSeen = new HashMap<>();
        for (ReadFile.Located located : file.tasks()) {
            TransferTask incoming = located.task();
            if (incoming.uid() != null) {
                String earlier = uidsSeen.putIfAbsent(incoming.uid(), located.position());
                if (earlier != null) {
                    plan.skipped.add(located.position() + " has the same UID as " + earlier);
                    continue;
                }
            }
            Task target = incoming.uid() == null ? null : byUid.get(incoming.uid());
            if (target == null || matched.contains(target.id())) {
                target = firstUnmatched(incoming.knowsCreated() ? byCreated.get(createdKey(incoming.task()))
                        : byDue.get(dueKey(incoming.task())), matched);
            }
            if (target == null) {
                plan.additions.add(incoming);
                continue;
            }
            matched.add(target.id());
            if (sameValues(target, incoming.task()) && incoming.completions().isEmpty()) {
                plan.unchanged++;
            } else {
                plan.updates.put(target.id(), incoming);
            }
        }
        return plan;
    }

    /**
     * Writes the plan: updates first, then the new tasks in the file's order. {@code history} holds the completions
     * already recorded for the tasks updated, so that a re-import does not record them twice.
     */
    void apply(TaskRepository changes, Map<Long, List<Instant>> history) {
        List<PastCompletion> completions = new ArrayList<>();
        for (Map.Entry<Long, TransferTask> update : updates.entrySet()) {
            long id = update.getKey();
            Task stored = changes.find(id).orElseThrow();
            Task incoming = update.getValue().task();
            if (!sameValues(stored, incoming)) {
                stored = changes.update(id, incoming);
            }
            newCompletions(stored, update.getValue().completions(), history.getOrDefault(id, List.of()), completions);
        }
        List<Task> added = changes.addAll(additions.stream().map(TransferTask::task).toList());
        for (int i = 0; i < added.size(); i++) {
            newCompletions(added.get(i), additions.get(i).completions(), List.of(), completions);
        }
        if (!completions.isEmpty()) {
            changes.recordCompletions(completions);
        }
    }

    /**
     * Adds to {@code into} the completions of {@code task} that are not {@code recorded} already (to the second),
     * each with the task's due date, as recording a completion keeps it.
     */
    private static void newCompletions(Task task, List<Instant> completions, List<Instant> recorded,
                                       List<PastCompletion> into) {
        Set<Instant> known = new HashSet<>();
        recorded.forEach(at -> known.add(at.truncatedTo(ChronoUnit.SECONDS)));
        for (Instant at : completions) {
            if (known.add(at.truncatedTo(ChronoUnit.SECONDS))) {
                into.add(new PastCompletion(task.id(), at, task.due()));
            }
        }
    }

    List<TransferTask> additions() {
        return additions;
    }

    Map<Long, TransferTask> updates() {
        return updates;
    }

    int unchanged() {
        return unchanged;
    }

    List<String> skipped() {
        return skipped;
    }

    /**
     * Whether the file's task says what the stored one does, in every field people see (not the id or the time of
     * the last change). Times to the second: iCalendar carries no more.
     */
    static boolean sameValues(Task stored, Task incoming) {
        return stored.title().equals(incoming.title()) && stored.description().equals(incoming.description())
                && stored.completed() == incoming.completed() && stored.priority() == incoming.priority()
                && stored.tags().equals(incoming.tags()) && Objects.equals(stored.due(), incoming.due())
                && Objects.equals(stored.recurrence(), incoming.recurrence())
                && Objects.equals(seconds(stored.completedAt()), seconds(incoming.completedAt()));
    }

    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<Object> createdKey(Task task) {
        return List.of(task.title(), seconds(task.createdAt()));
    }

    private static List<Object> dueKey(Task task) {
        return task.due() == null ? List.of(task.title()) : List.of(task.title(), task.due());
    }

    private static Task firstUnmatched(Deque<Task> candidates, Set<Long> matched) {
        if (candidates == null) {
            return null;
        }
        for (Task candidate : candidates) {
            if (!matched.contains(candidate.id())) {
                return candidate;
            }
        }
        return null;
    }
}
