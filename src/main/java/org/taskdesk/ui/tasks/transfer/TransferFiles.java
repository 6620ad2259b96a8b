package org.taskdesk.ui.tasks.transfer;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Which file to import from or export to, asked of the person over {@code owner}; empty when they cancel. A seam:
 * the app asks with a file chooser ({@link ChooserTransferFiles}), a test answers with a file of its own.
 */
public interface TransferFiles {
    Optional<Path> fileToImport(Window owner);

    Optional<Path> fileToExport(Window owner);
}
