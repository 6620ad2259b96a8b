package org.taskdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * An import larger than one batch of rows (the repositories write new tasks and their history a thousand rows at a
 * time): on the command line's plain SQL, on the app's Hibernate, and on PostgreSQL, every task of the file arrives
 * once, in the file's order, with its values and its completion history, and importing the file again adds nothing.
 */
class ImportInBatchesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Crosses two batch boundaries and ends inside a batch. */
    private static final int TASKS = 2_345;
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW, BERLIN);

    @TempDir
    Path folder;

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    static Stream<Arguments> paths() {
        return Stream.of(Arguments.of("command line", DatabaseKind.H2), Arguments.of("app", DatabaseKind.H2),
                Arguments.of("app", DatabaseKind.POSTGRESQL));
    }

    private UserSession open(String path, DatabaseKind kind) {
        String url = TestWorkspaces.freshUrl(kind, folder);
        workspace = path.equals("app") ? TestWorkspaces.open(url, folder, clock)
                : TestWorkspaces.openForCommand(url, folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        return workspace.accounts().signIn("ann@example.com", "ann password", false);
    }

    /** Task i: due on a day, at a time, or never; every fifth done twice in the last thirty days. */
    private static Due due(int i) {
        LocalDate day = LocalDate.of(2026, 12, 1).plusDays(i % 40);
        return i % 3 == 0 ? null : i % 3 == 1 ? Due.on(day) : Due.at(day, LocalTime.of(i % 24, (i * 7) % 60));
    }

    private static List<String> completions(int i) {
        return i % 5 == 0 ? List.of("2026-11-0" + (1 + i % 9) + "T08:00:00Z", "2026-11-1" + (i % 9) + "T09:30:00Z")
                : List.of();
    }

    /** TaskDesk's JSON, written out here by hand rather than by the exporter under test. */
    private static String file(int tasks) {
        StringBuilder json = new StringBuilder("{\"format\": 1, \"application\": \"TaskDesk\", \"zone\": \"Europe/Berlin\","
                + " \"tasks\": [");
        for (int i = 0; i < tasks; i++) {
            Due due = due(i);
            String dueText = due == null ? "null" : "\"" + (due.hasTime() ? due.date() + "T" + due.time() : due.date())
                    + "\"";
            json.append(i == 0 ? "" : ",").append("{\"id\": ").append(i + 1)
                    .append(", \"uid\": \"file-task-").append(i).append("\", \"title\": \"Task ").append(i)
                    .append("\", \"description\": \"\", \"completed\": false, \"priority\": \"none\", \"tags\": [],")
                    .append(" \"due\": ").append(dueText).append(", \"repeat\": null,")
                    .append(" \"created\": \"2026-10-01T00:00:00Z\", \"updated\": \"2026-10-01T00:00:00Z\",")
                    .append(" \"completedAt\": null, \"completions\": [");
            List<String> done = completions(i);
            for (int c = 0; c < done.size(); c++) {
                json.append(c == 0 ? "" : ",").append('"').append(done.get(c)).append('"');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("paths")
    void aFileOfSeveralBatchesArrivesWholeInItsOrderAndOnlyOnce(String path, DatabaseKind kind) {
        UserSession ann = open(path, kind);
        String file = file(TASKS);
        int completed = 0;
        for (int i = 0; i < TASKS; i++) {
            completed += completions(i).size();
        }

        ImportSummary first = workspace.transfer().importText(ann, file, TransferFormat.JSON, false);
        ImportSummary again = workspace.transfer().importText(ann, file, TransferFormat.JSON, false);

        assertThat(first.added()).isEqualTo(TASKS);
        assertThat(again.added()).isZero();
        assertThat(again.updated() + again.unchanged()).isEqualTo(TASKS);
        List<Task> stored = workspace.tasks().list(ann, TaskQuery.of("")).tasks().stream()
                .sorted(Comparator.comparingLong(Task::id)).toList();
        List<String> titles = new ArrayList<>();
        List<Due> dues = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            titles.add("Task " + i);
            dues.add(due(i));
        }
        assertThat(stored).extracting(Task::title).containsExactlyElementsOf(titles);
        assertThat(stored).extracting(Task::due).containsExactlyElementsOf(dues);
        assertThat(workspace.statistics().lastThirtyDays(ann).totalCompleted()).isEqualTo(completed);
    }

    static Stream<Arguments> pathsThatFailedBefore() {
        return Stream.of(Arguments.of("command line", DatabaseKind.H2), Arguments.of("app", DatabaseKind.POSTGRESQL));
    }

    /**
     * An export asks for the history of every task at once: past 65,536 tasks that was one array too long for H2
     * (the command line) and too many parameters for PostgreSQL (the app), and the export failed. Both now take the
     * history in slices of 10,000 task ids or read the owner's whole history; one task past a slice goes through that
     * code (65,600 tasks, the size that failed, kept this test over four minutes on a quiet machine: bench/import-export
     * runs 100,000).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("pathsThatFailedBefore")
    void aJsonExportOfMoreTasksThanOneQueryTakesKeepsEveryTaskAndItsHistory(String path, DatabaseKind kind)
            throws Exception {
        UserSession ann = open(path, kind);
        int tasks = 10_001;
        int completed = 0;
        for (int i = 0; i < tasks; i++) {
            completed += completions(i).size();
        }
        workspace.transfer().importText(ann, file(tasks), TransferFormat.JSON, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int written = workspace.transfer().export(ann, "", TransferFormat.JSON, out);

        JsonNode exported = new ObjectMapper().readTree(out.toByteArray()).get("tasks");
        int history = 0;
        for (JsonNode task : exported) {
            history += task.get("completions").size();
        }
        assertThat(written).isEqualTo(tasks);
        assertThat(exported.size()).isEqualTo(tasks);
        assertThat(history).isEqualTo(completed);
    }
}
