package org.taskdesk.ui.tasks.transfer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taskdesk.ui.common.Messages;

/** Asks for the file with the system's file chooser, owned by the main window. FX thread only. */
public final class ChooserTransferFiles implements TransferFiles {
    /** Where the last file was, so the next chooser opens there. */
    private File lastFolder;

    @Override
    public Optional<Path> fileToImport(Window owner) {
        FileChooser chooser = chooser(Messages.text("transfer.choose.import"));
        chooser.getExtensionFilters().add(0, new ExtensionFilter(Messages.text("transfer.files.all"),
                "*.ics", "*.csv", "*.json"));
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        return remember(keepingMaximised(owner, () -> chooser.showOpenDialog(owner)));
    }

    @Override
    public Optional<Path> fileToExport(Window owner) {
        FileChooser chooser = chooser(Messages.text("transfer.choose.export"));
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        File chosen = keepingMaximised(owner, () -> chooser.showSaveDialog(owner));
        if (chosen == null) {
            return Optional.empty();
        }
        // GTK's chooser does not add the ending itself, and the ending is what chooses the format.
        if (!chosen.getName().contains(".") && chooser.getSelectedExtensionFilter() != null) {
            String pattern = chooser.getSelectedExtensionFilter().getExtensions().get(0);
            chosen = new File(chosen.getParentFile(), chosen.getName() + pattern.substring(1));
        }
        return remember(chosen);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(List.of(
                new ExtensionFilter(Messages.text("transfer.files.ics"), "*.ics"),
                new ExtensionFilter(Messages.text("transfer.files.csv"), "*.csv"),
                new ExtensionFilter(Messages.text("transfer.files.json"), "*.json")));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    /**
     * The system's chooser is modal, and under openbox a modal window un-maximises its owner (JDK-8332222); it cannot
     * go through OwnedDialogs as our own dialogs do, so a maximised main window is maximised again when it closes.
     */
    private static File keepingMaximised(Window owner, Supplier<File> ask) {
        boolean maximised = owner instanceof Stage stage && stage.isMaximized();
        File chosen = ask.get();
        if (maximised) {
            Stage stage = (Stage) owner;
            // JavaFX may still believe the window maximised when the window manager has already un-maximised it, so
            // the state is set afresh, after the chooser's window has gone.
            Platform.runLater(() -> {
                stage.setMaximized(false);
                stage.setMaximized(true);
            });
        }
        return chosen;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
