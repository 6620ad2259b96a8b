package org.taskdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Task;

/**
 * The due orders compare due dates without making a date-time per comparison (ADR 0034); they must order exactly as
 * the due moment does: a date without a time at the end of its day, no due date last, then priority, then the id.
 */
class TaskSortDueTest {
    private static final Instant NOW = Instant.parse("2026-11-10T09:00:00Z");

    @Property(tries = 300)
    void dueOrdersAsTheDueMomentWithTheDayOnlyTasksAtTheEndOfTheirDay(@ForAll("tasks") List<Task> tasks) {
        Comparator<Task> byMoment = Comparator.<Task, LocalDateTime>comparing(
                        task -> task.due() == null ? null : task.due().toLocalDateTime(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(task -> -task.priority().ordinal())
                .thenComparingLong(Task::id);

        assertThat(sorted(tasks, TaskSort.DUE.order())).containsExactlyElementsOf(sorted(tasks, byMoment));
    }

    @Property(tries = 300)
    void priorityOrdersSoonestDueWithinEachPriority(@ForAll("tasks") List<Task> tasks) {
        Comparator<Task> byMoment = Comparator.<Task>comparingInt(task -> -task.priority().ordinal())
                .thenComparing(task -> task.due() == null ? null : task.due().toLocalDateTime(),
                        Comparator.nullsLast(Comparator.<LocalDateTime>naturalOrder()))
                .thenComparingLong(Task::id);

        assertThat(sorted(tasks, TaskSort.PRIORITY.order())).containsExactlyElementsOf(sorted(tasks, byMoment));
    }

    @Provide
    Arbitrary<List<Task>> tasks() {
        // Few days and times, so that equal dates, equal times and a day-only task beside 23:59 all come up.
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 3).map(n -> LocalDate.of(2026, 11, 10).plusDays(n));
        Arbitrary<LocalTime> times = Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(9, 0), LocalTime.of(23, 59))
                .injectNull(0.4);
        Arbitrary<Due> dues = Combinators.combine(days, times).as(Due::new).injectNull(0.2);
        Arbitrary<Priority> priorities = Arbitraries.of(Priority.class);
        Arbitrary<Task> oneTask = Combinators.combine(dues, priorities)
                .as((due, priority) -> Task.create("Task", NOW).withDue(due, NOW).withPriority(priority, NOW));
        return oneTask.list().ofMaxSize(12).map(list -> {
            List<Task> withIds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                withIds.add(list.get(i).withId(list.size() - i));
            }
            return withIds;
        });
    }

    private static List<Task> sorted(List<Task> tasks, Comparator<Task> order) {
        List<Task> copy = new ArrayList<>(tasks);
        copy.sort(order);
        return copy;
    }
}
