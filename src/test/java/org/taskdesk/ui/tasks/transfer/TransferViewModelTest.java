package org.taskdesk.ui.tasks.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.testing.QuickAddLines;
import org.taskdesk.ui.common.HeldBackgroundTasks;
import org.taskdesk.workspace.Workspace;

/** File → Export… and File → Import… without JavaFX: busy while the work is held, then the summary or the error. */
class TransferViewModelTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final HeldBackgroundTasks background = new HeldBackgroundTasks();

    @TempDir
    Path folder;

    private Workspace workspace;
    private UserSession ann;
    private UserSession bob;

    @BeforeEach
    void open() {
        workspace = TestWorkspaces.open(TestWorkspaces.freshUrl(DatabaseKind.H2, folder), folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
        workspace.tasks().add(ann, QuickAddLines.quickAdd("Pay rent tomorrow 9am #home !high", clock));
        workspace.tasks().add(ann, QuickAddLines.quickAdd("Quarterly report #work", clock));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theCurrentListIsExportedThenImportedWithItsSummary() throws Exception {
        TransferViewModel annModel = new TransferViewModel(workspace.transfer(), ann, background, () -> "#home");
        Path file = folder.resolve("home.ics");

        annModel.export(file, true);
        assertThat(annModel.busyProperty().get()).isTrue();
        background.replyAll();

        assertThat(annModel.busyProperty().get()).isFalse();
        assertThat(annModel.resultProperty().get()).isEqualTo("1 task exported to home.ics.");
        assertThat(Files.readString(file)).contains("SUMMARY:Pay rent").doesNotContain("Quarterly");

        TransferViewModel bobModel = new TransferViewModel(workspace.transfer(), bob, background, () -> "");
        bobModel.importFrom(file);
        background.replyAll();

        assertThat(bobModel.resultProperty().get()).isEqualTo("1 added, 0 updated.");
        assertThat(workspace.tasks().list(bob, TaskQuery.of("")).tasks()).hasSize(1);
    }

    @Test
    void aFileThatDoesNotReadIsShownAsAnErrorAndChangesNothing() throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\"format\": 1, \"tasks\": [ {\"title\": \"x\"");
        TransferViewModel bobModel = new TransferViewModel(workspace.transfer(), bob, background, () -> "");

        bobModel.importFrom(file);
        background.replyAll();

        assertThat(bobModel.errorProperty().get()).startsWith("The file cannot be imported, line 1, column")
                .endsWith("Nothing was imported.");
        assertThat(bobModel.resultProperty().get()).isEmpty();
        assertThat(workspace.tasks().list(bob, TaskQuery.of("")).tasks()).isEmpty();
    }

    @Test
    void onlyAnImportThatWentThroughAsksForTheListAgain() throws Exception {
        java.util.List<String> reloads = new java.util.ArrayList<>();
        TransferViewModel annModel = new TransferViewModel(workspace.transfer(), ann, background, () -> "");
        annModel.whenImported(() -> reloads.add(annModel.resultProperty().get()));
        Path good = folder.resolve("all.csv");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"format\": 1, \"tasks\": [");

        annModel.export(good, false);
        background.replyAll();
        annModel.importFrom(broken);
        background.replyAll();
        assertThat(reloads).isEmpty();

        annModel.importFrom(good);
        assertThat(reloads).isEmpty();
        background.replyAll();
        assertThat(reloads).hasSize(1).allSatisfy(summary -> assertThat(summary).contains("0 added"));
    }

    @Test
    void aFileNameWithoutAKnownEndingIsRefusedInTheWindowsWords() {
        TransferViewModel annModel = new TransferViewModel(workspace.transfer(), ann, background, () -> "");

        annModel.export(folder.resolve("tasks.txt"), false);
        background.replyAll();

        assertThat(annModel.errorProperty().get())
                .isEqualTo("TaskDesk cannot tell the format of \"tasks.txt\": choose a file ending in .ics, .csv or .json.")
                .doesNotContain("--format");
        assertThat(annModel.busyProperty().get()).isFalse();
        assertThat(folder.resolve("tasks.txt")).doesNotExist();
    }
}
