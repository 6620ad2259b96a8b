package org.taskdesk.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.HeldBackgroundTasks;

/** Help → User guide and the About window's facts, without JavaFX running. */
class AboutViewModelTest {
    @TempDir
    Path folder;

    private final List<String> opened = new ArrayList<>();
    private final HeldBackgroundTasks background = new HeldBackgroundTasks();

    private AboutViewModel about() {
        return new AboutViewModel("0.1.0", "/home/ann/.local/share/taskdesk/taskdesk.mv.db", "/home/ann/taskdesk.log",
                new UserGuide(folder), opened::add, background);
    }

    @Test
    void theGuideIsTheBuiltInReadmeOpenedInTheBackground() throws Exception {
        AboutViewModel about = about();

        about.openGuide();
        assertThat(opened).as("nothing opened on the caller's (JavaFX) thread").isEmpty();
        assertThat(background.waiting()).isEqualTo(1);
        background.replyAll();

        assertThat(opened).hasSize(1);
        Path guide = Path.of(URI.create(opened.get(0)));
        assertThat(guide.getParent()).isEqualTo(folder);
        assertThat(Files.readString(guide)).contains("## The desktop app").contains("### The main window");
        assertThat(about.errorProperty().get()).isEmpty();
    }

    @Test
    void aViewerThatFailsIsShownAsOneSentence() {
        AboutViewModel about = new AboutViewModel("0.1.0", "db", "log", new UserGuide(folder), uri -> {
            throw new UnsupportedOperationException("no browser found");
        }, background);

        about.openGuide();
        background.replyAll();

        assertThat(about.errorProperty().get()).startsWith("The user guide could not be opened").doesNotContain("Exception");
    }

    @Test
    void theFactsAreTheVersionDatabaseAndLogFile() {
        AboutViewModel about = about();

        assertThat(about.version()).isEqualTo("Version 0.1.0");
        assertThat(about.database()).isEqualTo("/home/ann/.local/share/taskdesk/taskdesk.mv.db");
        assertThat(about.logFile()).isEqualTo("/home/ann/taskdesk.log");
    }
}
