package org.taskdesk.ui.tasks.detail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/** When the shown task was created and last changed, under the form: "Created Sat 21 Nov 2026, 11:00". */
public final class TaskStampsViewModel {
    private final Clock clock;
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");

    /** @param clock whose zone the stamps are read in */
    TaskStampsViewModel(Clock clock) {
        this.clock = clock;
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    void show(Task task) {
        created.set(task == null ? "" : Messages.format("detail.created", day(task.createdAt()), time(task.createdAt())));
        updated.set(task == null ? "" : Messages.format("detail.updated", day(task.updatedAt()), time(task.updatedAt())));
    }

    private String day(Instant instant) {
        return Formats.DAY.format(at(instant));
    }

    private String time(Instant instant) {
        return Formats.TIME.format(at(instant));
    }

    private ZonedDateTime at(Instant instant) {
        return instant.atZone(clock.getZone());
    }
}
