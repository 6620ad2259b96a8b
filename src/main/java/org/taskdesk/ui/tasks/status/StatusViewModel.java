package org.taskdesk.ui.tasks.status;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.DueWords;
import org.taskdesk.ui.common.Messages;

/**
 * What the main window tells the person about its work: the last failure, when it last saved, whether it is busy,
 * and short notes (shown as toasts). Every view model that saves or fails reports here, so there is one status.
 */
public final class StatusViewModel {
    private final Clock clock;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "savedText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public StatusViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Empty, or the last failure in words. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Saved 10:42" after the first change, else empty. */
    public ReadOnlyStringProperty savedTextProperty() {
        return savedText.getReadOnlyProperty();
    }

    /** A short note about the last action worth telling, e.g. where a repeating task moved to. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last note with an action (a delete's Undo), or null; each new one replaces it. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Offers the person {@code offered}: a toast with its button. */
    public void offer(Notice offered) {
        notice.set(null); // so the same notice twice is shown twice
        notice.set(offered);
    }

    /** True while anything is being loaded or saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Makes the busy mark follow {@code working} (loading or saving), once, when the window is put together. */
    public void showBusyWhile(ObservableBooleanValue working) {
        busy.bind(working);
    }

    /** Shows a short note to the person (a toast in the window). */
    public void tell(String note) {
        // Cleared first, so the same note twice is told twice.
        message.set("");
        message.set(note);
    }

    /** Shows {@code failure} in words until the next change is saved. */
    public void failed(Throwable failure) {
        error.set(ErrorText.of(failure));
    }

    /**
     * A change was saved: clears the last failure, says when, and tells where repeating tasks that the change
     * completed are due next ({@code movedOn}: their new versions; may be empty).
     */
    public void saved(List<Task> movedOn) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        StringBuilder moved = new StringBuilder();
        for (Task task : movedOn) {
            if (moved.length() > 0) {
                moved.append("; ");
            }
            moved.append(Messages.format("status.next.due", task.title(), DueWords.describe(task.due(), now)));
        }
        error.set("");
        message.set("");
        message.set(moved.toString());
        savedText.set(Messages.format("status.saved", Formats.TIME.format(clock.instant().atZone(clock.getZone()))));
    }
}
