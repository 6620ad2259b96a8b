package org.taskdesk.ui.tasks.quickadd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;

/** The quick-add bar saves what its chips showed, read once: never a second reading of the line at another time. */
class QuickAddSavesWhatItShowedTest {
    @TempDir
    Path folder;

    private MainWindowFixture fixture;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTomorrowTypedBeforeMidnightAndSavedAfterItIsTheDayTheChipShowed() {
        // 23:59:59 on Saturday 28 November 2026 in Berlin (UTC+1).
        fixture.clock.advance(Duration.between(fixture.clock.instant(), Instant.parse("2026-11-28T22:59:59Z")));
        MainWindowModels models = new MainWindowModels(fixture.workspace.tasks(), fixture.user,
                new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
        QuickAddViewModel quickAdd = models.quickAdd();
        models.store().load();

        quickAdd.textProperty().set("Call mum tomorrow");
        assertThat(quickAdd.chips()).extracting(QuickAddChip::text).containsExactly("Tomorrow");

        fixture.clock.advance(Duration.ofSeconds(2)); // 00:00:01 on Sunday the 29th
        quickAdd.submit();

        Task saved = fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().get(0);
        assertThat(saved.title()).isEqualTo("Call mum");
        assertThat(saved.due()).isEqualTo(Due.on(LocalDate.of(2026, 11, 29)));
    }

    @Test
    void aWordGivenBackIsSavedInTheTitle() {
        MainWindowModels models = new MainWindowModels(fixture.workspace.tasks(), fixture.user,
                new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
        QuickAddViewModel quickAdd = models.quickAdd();
        models.store().load();

        quickAdd.textProperty().set("Read Tomorrow Never Dies");
        assertThat(quickAdd.chips()).hasSize(1);
        quickAdd.giveBack(quickAdd.chips().get(0));
        quickAdd.submit();

        Task saved = fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().get(0);
        assertThat(saved.title()).isEqualTo("Read Tomorrow Never Dies");
        assertThat(saved.due()).isNull();
    }

    @Test
    void anOverLongTitleIsNotSentAndNoDialogOpens() {
        MainWindowModels models = new MainWindowModels(fixture.workspace.tasks(), fixture.user,
                new DirectBackgroundTasks(), fixture.dialogs, fixture.clock);
        QuickAddViewModel quickAdd = models.quickAdd();
        models.store().load();

        String line = "y".repeat(250) + " tomorrow";
        quickAdd.textProperty().set(line);
        quickAdd.submit();

        assertThat(fixture.dialogs.errors).isEmpty();
        assertThat(quickAdd.textProperty().get()).isEqualTo(line); // kept, to be shortened
        assertThat(quickAdd.titleErrorProperty().get()).contains("250");
        assertThat(fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks()).isEmpty();
    }
}
