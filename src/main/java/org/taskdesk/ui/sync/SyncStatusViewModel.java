package org.taskdesk.ui.sync;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Formats;
import org.taskdesk.ui.common.Messages;

/**
 * Where sync stands, for the status bar: "Synced 12:03", "Syncing…", "Offline since 11:40, 5 changes waiting", or
 * why the last round failed, with a retry offered. Hidden while the account is not linked. Called on the JavaFX
 * thread.
 */
public final class SyncStatusViewModel {
    private final Clock clock;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    /** When the server was first out of reach in this run of failures; null while it answers. */
    private Instant offlineSince;

    public SyncStatusViewModel(Clock clock) {
        this.clock = clock;
    }

    /** False while the account is not linked: then the bar says nothing about sync. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True after a failure (or a round waiting for an answer): the bar offers "Try again". */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public void notLinked() {
        offlineSince = null;
        shown.set(false);
        canRetry.set(false);
        text.set("");
    }

    public void syncing() {
        show(Messages.text("sync.status.syncing"), false);
    }

    /** A round went through at {@code at}. */
    public void synced(Instant at) {
        offlineSince = null;
        show(Messages.format("sync.status.synced", time(at)), false);
    }

    /**
     * A round failed: the server out of reach ("Offline since 11:40, 5 changes waiting", counted from the first
     * failure in a row), or another reason in one line.
     */
    public void failed(Throwable failure, int waiting) {
        if (unreachable(failure)) {
            if (offlineSince == null) {
                offlineSince = clock.instant();
            }
            show(Messages.format("sync.status.offline", time(offlineSince), Messages.format("sync.waiting", waiting)), true);
        } else {
            offlineSince = null;
            show(Messages.format("sync.status.failed", ErrorText.of(failure)), true);
        }
    }

    /** The pull stopped before deleting {@code wouldDelete} of the {@code tasks} here: it waits for the person. */
    public void deletesHeld(int wouldDelete, int tasks) {
        show(Messages.format("sync.status.deletes.held", wouldDelete, tasks), true);
    }

    private void show(String line, boolean retry) {
        shown.set(true);
        text.set(line.lines().findFirst().orElse(""));
        canRetry.set(retry);
    }

    private String time(Instant at) {
        return Formats.TIME.format(at.atZone(clock.getZone()));
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskDeskException known) {
                return known.code() == ErrorCode.DATABASE_UNAVAILABLE;
            }
        }
        return false;
    }
}
