package org.taskdesk.ui.tasks.transfer;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.transfer.TransferFormat;
import org.taskdesk.transfer.TransferService;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;

/**
 * File → Import… and File → Export…: runs the transfer service in the background (never on the JavaFX thread), says
 * it is busy meanwhile, and holds the sentence to show at the end: the import's summary, how many tasks were
 * exported, or what went wrong. The file comes from the view's file chooser.
 */
public final class TransferViewModel {
    private final TransferService transfer;
    private final UserSession user;
    private final BackgroundTasks background;
    /** The filter of the list on screen, for "export the current list". */
    private final Supplier<String> currentFilter;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private Runnable imported = () -> { };

    public TransferViewModel(TransferService transfer, UserSession user, BackgroundTasks background,
                             Supplier<String> currentFilter) {
        this.transfer = transfer;
        this.user = user;
        this.background = background;
        this.currentFilter = currentFilter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** What the last import or export came to, for people; empty while none has finished. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    /** Why the last import or export failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Calls {@code then} after each import that went through (FX thread), e.g. to show the list again. */
    public void whenImported(Runnable then) {
        imported = then;
    }

    /** Writes every task, or only the current list's, to {@code file}, in the format its name says. */
    public void export(Path file, boolean currentListOnly) {
        String filter = currentListOnly ? currentFilter.get() : "";
        start(file, () -> {
            TransferFormat format = TransferFormat.ofFileName(file.getFileName().toString());
            int count = transfer.exportToFile(user, filter, format, file);
            return Messages.format("transfer.exported", count, file.getFileName().toString());
        }, () -> { });
    }

    /** Adds or updates tasks from {@code file}, in the format its name says (a Todoist CSV by its header). */
    public void importFrom(Path file) {
        start(file, () -> transfer.importFile(user, file, TransferFormat.ofFileName(file.getFileName().toString()), false)
                .describe(), () -> imported.run());
    }

    private void start(Path file, java.util.concurrent.Callable<String> work, Runnable afterwards) {
        result.set("");
        error.set("");
        // The service's own message names the command line's --format, which the window does not have.
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ics|ical|ifb|csv|json)")) {
            error.set(Messages.format("transfer.unknown.ending", file.getFileName().toString()));
            return;
        }
        busy.set(true);
        background.run(work, done -> {
            busy.set(false);
            result.set(done);
            afterwards.run();
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }
}
