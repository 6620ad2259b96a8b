package org.taskdesk.app;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.ui.common.Messages;

/**
 * Opens a document (the user guide) in the system's viewer through JavaFX's host services, and says so when it
 * cannot. On Linux the host services run the first of a few programs they find and, when none is installed, print
 * an error to the console and do nothing: the person clicked a link and saw nothing happen.
 */
final class DocumentViewer implements Consumer<String> {
    /** What JavaFX's host services look for on Linux, in their order. */
    static final List<String> LINUX_OPENERS = List.of("xdg-open", "google-chrome", "firefox", "opera", "konqueror",
            "mozilla");

    private final Consumer<String> hostServices;
    private final boolean linux;
    private final Predicate<String> installed;

    DocumentViewer(Consumer<String> hostServices, boolean linux, Predicate<String> installed) {
        this.hostServices = hostServices;
        this.linux = linux;
        this.installed = installed;
    }

    /** The viewer of this machine, over JavaFX's host services. */
    static DocumentViewer of(Consumer<String> hostServices) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return new DocumentViewer(hostServices, linux, DocumentViewer::onPath);
    }

    @Override
    public void accept(String uri) {
        if (linux && LINUX_OPENERS.stream().noneMatch(installed)) {
            String where = uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
            throw new TaskDeskException(ErrorCode.NOT_FOUND, Messages.format("about.guide.no.viewer", where));
        }
        hostServices.accept(uri);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
