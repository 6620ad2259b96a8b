package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.CompletedTask;
import org.taskdesk.tasks.DeletedTask;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * Undo through the shared client login, as every desktop on a shared server runs it: only the rights
 * {@code server setup} grants, row-level security on both tables. A restore keeps the owner and the history.
 */
class SharedServerUndoTest {
    private static final SharedServer server = new SharedServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    @AfterAll
    static void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void undoOfACompletionAndOfADeleteRestoreExactlyThroughTheOwnersLogin() throws SQLException {
        // The direct path is the owner's since V12 (ADR 29): a member's client login works on a replica, where undo
        // is the local file's. Row-level security still keeps Ann and Bob apart on this path.
        String ownerUrl = server.newDatabase();
        try (Workspace workspace = TestWorkspaces.openMigrated(ownerUrl, folder, clock)) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
            UserSession bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
            TaskService tasks = workspace.tasks();
            Task plants = tasks.add(ann, quickAdd("Water plants 2026-11-21 every day #home", clock));
            Task bobs = tasks.add(bob, quickAdd("Bob's errand", clock));
            tasks.complete(bob, bobs.id());
            List<Task> before = tasks.list(ann, TaskQuery.of("")).tasks();

            List<CompletedTask> done = tasks.complete(ann, List.of(plants.id()));
            tasks.undoCompletions(ann, done);
            assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isZero();
            assertThat(tasks.list(ann, TaskQuery.of("")).tasks()).isEqualTo(before);
            tasks.redoCompletions(ann, done);
            assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isEqualTo(1);
            List<Task> afterDone = tasks.list(ann, TaskQuery.of("")).tasks();

            List<DeletedTask> deleted = tasks.delete(ann, List.of(plants.id()));
            assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isZero();
            assertThat(tasks.restore(ann, deleted)).isEqualTo(afterDone);
            assertThat(tasks.list(ann, TaskQuery.of("")).tasks()).isEqualTo(afterDone);
            assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isEqualTo(1);

            // Bob's task and history are untouched, and his list does not show Ann's restored task.
            assertThat(tasks.list(bob, TaskQuery.of("")).tasks()).extracting(Task::title).containsExactly("Bob's errand");
            assertThat(workspace.statistics().lastThirtyDays(bob).totalCompleted()).isEqualTo(1);
        }
    }

    @Test
    void aServerSetUpBeforeUndoCouldDeleteHistorySaysToRunTheSetUpAgainAndChangesNothing() throws SQLException {
        String ownerUrl = server.newDatabase();
        try (Statement owner = server.owner(ownerUrl).createStatement()) {
            // A client login as 'server setup' left it before undo (ADR 10) and before V12 (ADR 29) took every table
            // right: the program's direct path on it, which an older TaskDesk uses.
            owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.tasks TO " + server.clientRole);
            owner.execute("GRANT USAGE ON SEQUENCE public.tasks_id_seq TO " + server.clientRole);
            owner.execute("GRANT SELECT, INSERT ON TABLE public.task_completions TO " + server.clientRole);
            owner.execute("GRANT USAGE ON SEQUENCE public.task_completions_id_seq TO " + server.clientRole);
            // And before V14 (ADR 30): the session functions were the shared login's, and it handed out no logins.
            owner.execute("GRANT EXECUTE ON FUNCTION public.taskdesk_current_user_id() TO " + server.clientRole);
            owner.execute("REVOKE EXECUTE ON FUNCTION public.taskdesk_session_login(text) FROM " + server.clientRole);
        }
        String clientUrl = ownerUrl.replaceFirst("//[^@]+@", "//" + server.clientRole + ":"
                + URLEncoder.encode(SharedServer.CLIENT_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20") + "@");
        try (Workspace workspace = TestWorkspaces.openMigrated(clientUrl, folder, clock)) {
            workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
            UserSession ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
            TaskService tasks = workspace.tasks();
            Task plants = tasks.add(ann, quickAdd("Water plants 2026-11-21 every day #home", clock));
            List<CompletedTask> done = tasks.complete(ann, List.of(plants.id()));
            List<Task> afterDone = tasks.list(ann, TaskQuery.of("")).tasks();

            TaskDeskException refused = assertThrows(TaskDeskException.class, () -> tasks.undoCompletions(ann, done));

            assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
            assertThat(refused.getMessage()).contains("does not allow this yet (", "permission denied",
                    "ask its owner to run 'taskdesk server setup' again; nothing was changed.");
            assertThat(tasks.list(ann, TaskQuery.of("")).tasks()).isEqualTo(afterDone);
            assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isEqualTo(1);
        }
    }
}
