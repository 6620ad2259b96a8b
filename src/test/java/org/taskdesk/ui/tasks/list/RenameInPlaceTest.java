package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;

/** Renaming a task in its row, without JavaFX running: a real H2 workspace and the synchronous background. */
class RenameInPlaceTest {
    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;
    private RenameInPlace rename;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
        fixture.add("Pay rent #home !high", "Call mum");
        models = new MainWindowModels(fixture.workspace.tasks(), fixture.workspace.savedSearches(), fixture.user,
                new DirectBackgroundTasks(),
                fixture.dialogs, fixture.clock);
        models.store().load();
        rename = models.rename();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Task visible(String title) {
        return models.list().visibleTasks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private Task stored(long id) {
        return fixture.workspace.tasks().list(fixture.user, TaskQuery.of("")).tasks().stream()
                .filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Test
    void enterSavesTheNewTitleAsOneUndoableStepAndKeepsTheOtherFields() {
        Task rent = visible("Pay rent");
        rename.start(rent);
        assertThat(rename.renamingProperty().get()).isEqualTo(rent);
        assertThat(rename.textProperty().get()).isEqualTo("Pay rent");

        rename.textProperty().set("  Pay the rent  ");
        assertThat(rename.save()).isTrue();

        assertThat(rename.renamingProperty().get()).isNull();
        Task saved = stored(rent.id());
        assertThat(saved.title()).isEqualTo("Pay the rent");
        assertThat(saved.tags()).isEqualTo(rent.tags());
        assertThat(saved.priority()).isEqualTo(rent.priority());
        assertThat(models.undo().undoDescriptionProperty().get()).isEqualTo("Undo Rename \"Pay rent\"");

        models.undo().undo();
        assertThat(stored(rent.id()).title()).isEqualTo("Pay rent");
    }

    @Test
    void cancelSavesNothing() {
        Task mum = visible("Call mum");
        rename.start(mum);
        rename.textProperty().set("Call dad");

        rename.cancel();

        assertThat(rename.renamingProperty().get()).isNull();
        assertThat(stored(mum.id()).title()).isEqualTo("Call mum");
        assertThat(models.undo().canUndoProperty().get()).isFalse();
    }

    @Test
    void anInvalidTitleIsMarkedWhileTypingAndNeverSaved() {
        Task mum = visible("Call mum");
        rename.start(mum);

        rename.textProperty().set("   ");
        assertThat(rename.errorProperty().get()).isEqualTo("The title is empty; type what the task is about.");
        assertThat(rename.save()).isFalse();
        assertThat(rename.renamingProperty().get()).as("the field stays open to be corrected").isEqualTo(mum);
        assertThat(models.status().errorProperty().get()).contains("The title is empty");

        rename.textProperty().set("x".repeat(201));
        assertThat(rename.errorProperty().get()).contains("201").contains("200");
        assertThat(rename.save()).isFalse();

        assertThat(stored(mum.id()).title()).isEqualTo("Call mum");
        assertThat(models.undo().canUndoProperty().get()).isFalse();

        rename.textProperty().set("Call mum back");
        assertThat(rename.errorProperty().get()).isEmpty();
        assertThat(rename.save()).isTrue();
        assertThat(stored(mum.id()).title()).isEqualTo("Call mum back");
    }

    @Test
    void anUnchangedTitleEndsTheRenameWithoutAStep() {
        rename.start(visible("Call mum"));

        assertThat(rename.save()).isTrue();

        assertThat(rename.renamingProperty().get()).isNull();
        assertThat(models.undo().canUndoProperty().get()).isFalse();
    }
}
