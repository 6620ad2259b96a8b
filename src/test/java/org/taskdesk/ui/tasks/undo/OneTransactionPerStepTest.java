package org.taskdesk.ui.tasks.undo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.mapping.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskRepository;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskStorage;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * A bulk action on many tasks, its undo and its redo are each one service call in one transaction (not a loop of
 * per-task calls), counted at the task storage the service uses.
 */
class OneTransactionPerStepTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    /** The real store, counting the transactions it is asked for. */
    private static final class CountingStorage implements TaskStorage {
        private final TaskStorage real;
        private int transactions;

        CountingStorage(TaskStorage real) {
            this.real = real;
        }

        @Override
        public <T> T inOneTransaction(int ownerId, String sessionToken, Function<TaskRepository, T> changes) {
            transactions++;
            return real.inOneTransaction(ownerId, sessionToken, changes);
        }

        int transactionsOf(Supplier<TaskChanges> step) {
            int before = transactions;
            step.get();
            return transactions - before;
        }
    }

    @Test
    void completingEditingAndDeletingThreeTasksAndUndoingAndRedoingEachIsOneTransactionPerStep() {
        String url = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        DatabaseConnections connections = new DatabaseConnections(new DatabaseUrl(folder, folder).parse(url));
        try (Workspace workspace = TestWorkspaces.open(url, folder, clock);
             Transactions transactions = new Transactions(HibernateSetup.validated(connections), connections.target())) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
            CountingStorage store = new CountingStorage(new HibernateTaskStorage(transactions, clock.getZone()));
            TaskService tasks = new TaskService(store, clock);
            List<Task> three = Stream.of("Pay rent tomorrow every month", "Call mum", "Water plants every day")
                    .map(line -> tasks.add(ann, quickAdd(line, clock))).toList();
            TaskCommands commands = new TaskCommands(tasks, ann, clock);

            for (TaskCommand command : List.of(commands.complete(three),
                    commands.edit("Tag 3 tasks", three, task -> task.withTags(Tags.of("home"), clock.instant())),
                    commands.delete(three))) {
                assertThat(store.transactionsOf(command::execute)).as(command.description()).isEqualTo(1);
                assertThat(store.transactionsOf(command::undo)).as("undo " + command.description()).isEqualTo(1);
                assertThat(store.transactionsOf(command::redo)).as("redo " + command.description()).isEqualTo(1);
            }
            assertThat(tasks.list(ann, TaskQuery.of("")).tasks()).isEmpty();
        }
    }
}
