package org.taskdesk.ui.tasks.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** The main window's status, without JavaFX running; 11:00 in Berlin. */
class StatusViewModelTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final StatusViewModel status = new StatusViewModel(clock);

    @Test
    void aSavedChangeSaysWhenAndClearsTheLastFailure() {
        status.failed(new IllegalStateException("boom"));
        assertThat(status.errorProperty().get()).isNotEmpty();

        status.saved(List.of());

        assertThat(status.errorProperty().get()).isEmpty();
        assertThat(status.savedTextProperty().get()).isEqualTo("Saved 11:00");
        assertThat(status.messageProperty().get()).isEmpty();
    }

    @Test
    void aFailureOfTaskDeskItselfIsShownInItsOwnWords() {
        status.failed(new RuntimeException(new TaskDeskException(ErrorCode.INVALID_INPUT, "There is no task 7.")));
        assertThat(status.errorProperty().get()).isEqualTo("There is no task 7.");
    }

    @Test
    void theSameNoteTwiceIsToldTwice() {
        List<String> told = new ArrayList<>();
        status.messageProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                told.add(now);
            }
        });
        status.tell("Buy milk");
        status.tell("Buy milk");
        assertThat(told).containsExactly("Buy milk", "Buy milk");
    }

    @Test
    void busyFollowsWhatItWasGiven() {
        SimpleBooleanProperty working = new SimpleBooleanProperty();
        status.showBusyWhile(working);
        assertThat(status.busyProperty().get()).isFalse();
        working.set(true);
        assertThat(status.busyProperty().get()).isTrue();
    }
}
