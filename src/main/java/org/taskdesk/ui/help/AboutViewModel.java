package org.taskdesk.ui.help;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.ErrorText;
import org.taskdesk.ui.common.Messages;

/**
 * Help → About TaskDesk and Help → User guide: which TaskDesk this is, the database in use and where the log is, and
 * the user guide opened in the system's viewer. Opening runs in the background: the system's opener may take a
 * while to answer, and the window must not freeze meanwhile.
 */
public final class AboutViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AboutViewModel.class);

    private final String version;
    private final String database;
    private final String logFile;
    private final UserGuide guide;
    private final Consumer<String> openDocument;
    private final BackgroundTasks background;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param openDocument shows a document (a URI) in the system's viewer: the JavaFX host services; may block
     */
    public AboutViewModel(String version, String database, String logFile, UserGuide guide,
                          Consumer<String> openDocument, BackgroundTasks background) {
        this.version = version;
        this.database = database;
        this.logFile = logFile;
        this.guide = guide;
        this.openDocument = openDocument;
        this.background = background;
    }

    /** "Version 0.1.0". */
    public String version() {
        return Messages.format("about.version", version);
    }

    /** The database in use, as the status bar shows it (never a password). */
    public String database() {
        return database;
    }

    public String logFile() {
        return logFile;
    }

    /** Why the user guide could not be opened; empty when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Opens the user guide in the system's viewer, in the background. */
    public void openGuide() {
        error.set("");
        background.run(() -> {
            openDocument.accept(guide.location());
            return null;
        }, opened -> { }, failure -> {
            LOG.warn("Could not open the user guide", failure);
            error.set(Messages.format("about.guide.failed", ErrorText.of(failure)));
        });
    }
}
