package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No sentence for people is written in the desktop app's code: it comes from {@code messages.properties} through
 * {@link Messages}. A string literal in {@code org.taskdesk.ui} that looks like words (it has a space between
 * letters, or is a capitalised word) fails this test, unless it is a log message, a JavaFX style ("-fx-…"), a key
 * combination ("Shortcut+N"), or its line says why it is not shown to people with a {@code // not shown:} comment.
 */
class ShownTextTest {
    private static final Path UI = Path.of("src/main/java/org/taskdesk/ui");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORDS = Pattern.compile("(?s).*(\\p{L}\\s+\\p{L}|^\\p{Lu}\\p{L}+|\\s\\p{L}{2,}|\\p{L}{2,}\\s).*");
    private static final Pattern NOT_TEXT = Pattern.compile("(?s)-fx-.*|(Shortcut|Ctrl|Alt|Shift|Meta)\\+.*");

    /** Files whose text has not moved to the bundle yet; this list only shrinks. */
    private static final Set<String> STILL_TO_MOVE = Set.of(
            "DesktopApp.java",
            "common/ErrorText.java",
            "common/FxDialogService.java",
            "common/Theme.java",
            "firstrun/FirstRunView.java",
            "reminders/ReminderSchedule.java",
            "reminders/TrayNotifier.java",
            "settings/SettingsView.java",
            "settings/SettingsViewModel.java",
            "signin/SignInView.java",
            "signin/SignInViewModel.java",
            "startup/StartupView.java",
            "startup/StartupViewModel.java",
            "stats/StatisticsView.java",
            "stats/StatisticsViewModel.java",
            "tasks/MainWindowView.java",
            "tasks/OverlayLayer.java",
            "tasks/Shortcuts.java",
            "tasks/list/SmartList.java",
            "tasks/list/TaskCell.java",
            "tasks/list/TaskListViewModel.java",
            "tasks/quickadd/QuickAddViewModel.java",
            "tasks/undo/AddTaskCommand.java",
            "tasks/undo/CompleteTasksCommand.java",
            "tasks/undo/DeleteTasksCommand.java",
            "tasks/undo/TaskCommands.java",
            "tasks/undo/UndoManager.java"
    );

    @Test
    void everySentenceComesFromTheBundle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (STILL_TO_MOVE.contains(UI.relativize(file).toString().replace('\\', '/'))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")
                            || line.contains("// not shown:") || line.matches(".*\\b(LOG|log)\\.\\w+\\(.*")) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(line);
                    while (m.find()) {
                        String literal = m.group(1);
                        if (WORDS.matcher(literal).matches() && !NOT_TEXT.matcher(literal).matches()) {
                            found.add(UI.relativize(file) + ":" + (i + 1) + " \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).as("text for people written in code; move it to messages.properties").isEmpty();
    }

    @Test
    void theCheckSeesWordsButNotStylesOrKeys() {
        assertThat(WORDS.matcher("Nothing here yet").matches()).isTrue();
        assertThat(WORDS.matcher("Settings").matches()).isTrue();
        assertThat(WORDS.matcher(" tasks left").matches()).isTrue();
        assertThat(WORDS.matcher("task-title").matches()).isFalse();
        assertThat(WORDS.matcher("list.empty").matches()).isFalse();
        assertThat(NOT_TEXT.matcher("-fx-font-size: 12").matches()).isTrue();
        assertThat(NOT_TEXT.matcher("Shortcut+N").matches()).isTrue();
    }
}
