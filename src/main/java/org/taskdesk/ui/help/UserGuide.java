package org.taskdesk.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.taskdesk.ui.common.Messages;

/**
 * The user guide: the README that is built into the program (so it always matches this version and needs no
 * network), put in a file the system's viewer can open.
 */
public final class UserGuide {
    /** Where the build puts the README (see the pom's resources). */
    static final String RESOURCE = "/org/taskdesk/ui/help/README.md";

    private final Path folder;

    /** @param folder where the guide is written for the viewer (the temporary folder) */
    public UserGuide(Path folder) {
        this.folder = folder;
    }

    /** The guide written out, as a URI for the viewer. Blocks (writes a file). */
    public String location() {
        try (InputStream readme = UserGuide.class.getResourceAsStream(RESOURCE)) {
            if (readme == null) {
                throw new IllegalStateException(Messages.text("about.guide.missing"));
            }
            Path file = folder.resolve("taskdesk-user-guide.md");
            Files.copy(readme, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
