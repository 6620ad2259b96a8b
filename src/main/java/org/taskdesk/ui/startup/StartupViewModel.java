package org.taskdesk.ui.startup;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.ServerNotAnsweringException;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.BackupCopy;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.workspace.Workspace;

/**
 * Opening the database behind the first window: says what is happening ("Upgrading your database 1 → 3…") and,
 * when it fails, a headline for the kind of failure and the sentence that says what to do.
 */
public final class StartupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);
    private final StringProperty message = new SimpleStringProperty(Messages.text("startup.opening"));
    private final StringProperty errorHeadline = new SimpleStringProperty("");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final StringProperty restoreText = new SimpleStringProperty("");
    private final BooleanProperty canRestore = new SimpleBooleanProperty(false);
    private final StringProperty notice = new SimpleStringProperty("");
    private BackupCopy offered;
    /** Counts opening attempts, so that a copy looked up for an earlier one is not offered after Try again. */
    private int attempt;
    private final DesktopServices desktop;
    private final BackgroundTasks background;
    private int firstVersion = -1;

    public StartupViewModel(DesktopServices desktop, BackgroundTasks background) {
        this.desktop = desktop;
        this.background = background;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorHeadlineProperty() {
        return errorHeadline;
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** "Restore the copy from 2026-11-28 05:10:00", when a damaged file has a copy to put back. */
    public ReadOnlyStringProperty restoreTextProperty() {
        return restoreText;
    }

    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore;
    }

    /** What a restore did: where the copy came from and where the damaged file went. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /**
     * Puts the offered copy in place of the damaged file in the background (the damaged file is kept aside), then
     * opens the database as {@link #open} does; if the restore fails, says what failed.
     */
    public void restore(Consumer<Workspace> opened) {
        BackupCopy copy = offered;
        if (copy == null) {
            return;
        }
        canRestore.set(false);
        failed.set(false);
        message.set(Messages.format("startup.restoring", copy.takenText()));
        background.run(() -> desktop.restoreBackup(copy), restored -> {
            notice.set(restored.describe());
            open(opened);
        }, this::showFailure);
    }

    /** Opens the database in the background; {@code opened} gets the workspace on the JavaFX thread. */
    public void open(Consumer<Workspace> opened) {
        open(opened, false);
    }

    /** "Try again": reads the settings again first, in case the person fixed them by hand, then opens. */
    public void tryAgain(Consumer<Workspace> opened) {
        open(opened, true);
    }

    private void open(Consumer<Workspace> opened, boolean readSettingsAgain) {
        attempt++;
        offered = null;
        canRestore.set(false);
        failed.set(false);
        firstVersion = -1;
        message.set(Messages.text("startup.opening"));
        background.run(() -> {
            if (readSettingsAgain) {
                desktop.readSettingsAgain();
            }
            // Naming the database reads the settings, and a malformed URL there must become this view's failure.
            String name = desktop.databaseName();
            background.onUiThread(() -> message.set(Messages.format("startup.opening.database", name)));
            return desktop.openWorkspace(step -> background.onUiThread(() -> {
            if (firstVersion < 0) {
                firstVersion = step.from();
            }
            message.set(firstVersion == 0
                    ? Messages.format("startup.creating", step.description())
                    : Messages.format("startup.upgrading", firstVersion, step.to(), step.description()));
            }));
        }, opened, this::showFailure);
    }

    private void showFailure(Throwable error) {
        errorHeadline.set(headline(error));
        errorText.set(ErrorText.of(error));
        message.set("");
        failed.set(true);
        if (error instanceof TaskDeskException known && known.code() == ErrorCode.DATABASE_DAMAGED) {
            int failedAttempt = attempt;
            background.run(desktop::newestBackup, copy -> copy.filter(found -> failedAttempt == attempt)
                            .ifPresent(this::offer),
                    failure -> LOG.info("No copy to offer for the damaged database", failure));
        }
    }

    private void offer(BackupCopy copy) {
        offered = copy;
        restoreText.set(Messages.format("startup.restore", copy.takenText()));
        canRestore.set(true);
    }

    private static String headline(Throwable error) {
        if (error instanceof ServerNotAnsweringException) {
            return Messages.text("startup.failed.server");
        }
        ErrorCode code = error instanceof TaskDeskException known ? known.code() : ErrorCode.INTERNAL;
        return switch (code) {
            case MIGRATION_FAILED -> Messages.text("startup.failed.migration");
            case SCHEMA_MISMATCH -> Messages.text("startup.failed.schema");
            case DATABASE_UNAVAILABLE -> Messages.text("startup.failed.unavailable");
            case DATABASE_IN_USE -> Messages.text("startup.failed.in.use");
            case DISK_FULL -> Messages.text("startup.failed.disk.full");
            case BAD_CONFIGURATION -> Messages.text("startup.failed.configuration");
            case DATABASE_DAMAGED -> Messages.text("startup.failed.damaged");
            default -> Messages.text("startup.failed");
        };
    }
}
