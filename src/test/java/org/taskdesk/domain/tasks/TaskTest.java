package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant NOW = Instant.parse("2026-11-18T09:15:00Z");

    @Test
    void titleIsTrimmed() {
        assertThat(Task.create("  Pay rent  ", NOW).title()).isEqualTo("Pay rent");
    }

    @Test
    void emptyTitleIsRefused() {
        assertThatThrownBy(() -> Task.create("   ", NOW))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("The title is empty; type what the task is about.");
    }

    @Test
    void titleOf200CharactersIsAllowedAnd214IsRefusedWithItsLength() {
        assertThat(Task.create("x".repeat(200), NOW).title()).hasSize(200);
        assertThatThrownBy(() -> Task.create("x".repeat(214), NOW))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Title is 214 characters long; keep it to 200 or fewer.");
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String title = "😀".repeat(200); // 400 UTF-16 units
        assertThat(Task.create(title, NOW).title()).isEqualTo(title);
    }

    @Test
    void descriptionIsLimitedTo10000Characters() {
        Task task = Task.create("t", NOW);
        assertThat(task.withDescription("d".repeat(10_000), NOW).description()).hasSize(10_000);
        assertThatThrownBy(() -> task.withDescription("d".repeat(10_001), NOW))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Description is 10,001 characters long; keep it to 10,000 or fewer.");
    }

    @Test
    void missingOptionalPartsGetTheirEmptyValues() {
        Task task = new Task(1, "t", null, false, null, null, null, null, NOW, null, null);
        assertThat(task.description()).isEmpty();
        assertThat(task.priority()).isEqualTo(Priority.NONE);
        assertThat(task.tags()).isEqualTo(Tags.EMPTY);
        assertThat(task.updatedAt()).isEqualTo(NOW);
        assertThat(task.isRecurring()).isFalse();
    }

    @Test
    void withersChangeOnePartAndTheUpdateTime() {
        Instant later = NOW.plusSeconds(60);
        Task task = Task.create("t", NOW).withPriority(Priority.HIGH, later);
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.updatedAt()).isEqualTo(later);
        assertThat(task.createdAt()).isEqualTo(NOW);
    }
}
