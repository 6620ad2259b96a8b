package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.ui.common.ErrorText;

/**
 * Help → User guide on a Linux desktop with no xdg-open and no browser: JavaFX's host services printed "No
 * application is registered as handling this file" to the console and nothing happened in the window.
 */
class DocumentViewerTest {
    private final List<String> shown = new ArrayList<>();

    @Test
    void withNothingToOpenItThePersonIsToldWhereTheGuideIs() {
        DocumentViewer viewer = new DocumentViewer(shown::add, true, program -> false);

        assertThatThrownBy(() -> viewer.accept("file:///tmp/taskdesk-user-guide.md"))
                .isInstanceOf(TaskDeskException.class)
                .satisfies(e -> assertThat(ErrorText.of(e)).contains("xdg-open").contains("/tmp/taskdesk-user-guide.md")
                        .doesNotContain("\n"));
        assertThat(shown).isEmpty();
    }

    @Test
    void anyProgramTheHostServicesUseIsEnoughAndElsewhereTheyAreAskedDirectly() {
        new DocumentViewer(shown::add, true, "firefox"::equals).accept("file:///tmp/guide.md");
        new DocumentViewer(shown::add, false, program -> false).accept("file:///tmp/guide2.md");

        assertThat(shown).containsExactly("file:///tmp/guide.md", "file:///tmp/guide2.md");
    }
}
