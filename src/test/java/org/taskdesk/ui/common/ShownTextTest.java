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
 * {@link Messages}. A string literal in {@code org.taskdesk.ui} (text blocks too, read as the compiler reads them:
 * escapes, Unicode escapes included, turned into their characters; comments and character literals passed over)
 * fails this test when it looks like words: letters on both sides of a space (any Unicode space, such as a no-break one), a
 * capitalised word, a word of two letters or more beside a space, or a word that ends a sentence ("done.",
 * "saving…"). It passes when it is a log message (on a line that calls {@code LOG} or {@code log}), a JavaFX
 * style ("-fx-…"), a key combination ("Shortcut+N"), or when its line, or a comment line just above it, says why it
 * is not shown to people with a {@code // not shown: why} comment.
 *
 * <p>What it cannot see: a single lower-case word ("task", "s") that code glues into a sentence; keep sentences
 * whole in the bundle so there is nothing to glue.
 */
class ShownTextTest {
    private static final Path UI = Path.of("src/main/java/org/taskdesk/ui");
    /** The composition root builds a few controls of the app's windows too (menu items of other screens). */
    private static final Path APP = Path.of("src/main/java/org/taskdesk/app");
    private static final String SPACE = "[\\s\\p{Z}]";
    private static final Pattern WORDS = Pattern.compile("(?s).*(\\p{L}" + SPACE + "+\\p{L}|^\\p{Lu}\\p{L}+|" + SPACE
            + "\\p{L}{2,}|\\p{L}{2,}" + SPACE + "|\\p{L}{2,}[.!?…]" + SPACE + "*$).*");
    private static final Pattern NOT_TEXT = Pattern.compile("(?s)-fx-.*|(Shortcut|Ctrl|Alt|Shift|Meta)\\+.*");
    private static final Pattern LOG_CALL = Pattern.compile(".*\\b(LOG|log)\\.\\w+\\(.*");
    private static final Pattern NOT_SHOWN = Pattern.compile(".*// not shown: *\\S.*");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9a-fA-F]{4})");

    /** Files whose text has not moved to the bundle yet; this list only shrinks. */
    private static final Set<String> STILL_TO_MOVE = Set.of(
    );

    @Test
    void everySentenceComesFromTheBundle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (STILL_TO_MOVE.contains(UI.relativize(file).toString().replace('\\', '/'))) {
                    continue;
                }
                found.addAll(shownTextIn(UI, file));
            }
        }
        assertThat(found).as("text for people written in code; move it to messages.properties").isEmpty();
    }

    @Test
    void theCompositionRootsControlsTakeTheirTextFromTheBundleToo() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(file).contains("import javafx.scene.control.")) {
                    found.addAll(shownTextIn(APP, file));
                }
            }
        }
        assertThat(found).as("text for people written in code; move it to messages.properties").isEmpty();
    }

    private static List<String> shownTextIn(Path root, Path file) throws IOException {
        List<String> found = new ArrayList<>();
        for (Literal literal : shownText(Files.readString(file))) {
            found.add(root.relativize(file) + ":" + literal.line() + " \"" + literal.text().replace("\n", "\\n") + "\"");
        }
        return found;
    }

    @Test
    void theCheckSeesWordsButNotStylesOrKeys() {
        assertThat(looksShown("Nothing here yet")).isTrue();
        assertThat(looksShown("Settings")).isTrue();
        assertThat(looksShown(" tasks left")).isTrue();
        assertThat(looksShown("%d tasks left")).as("a String.format pattern").isTrue();
        assertThat(looksShown("tasks\u00a0left")).as("a no-break space").isTrue();
        assertThat(looksShown("3\u202ftasks")).as("a narrow no-break space").isTrue();
        assertThat(looksShown("done.")).as("a word ending a sentence").isTrue();
        assertThat(looksShown("saving…")).isTrue();
        assertThat(looksShown("task-title")).isFalse();
        assertThat(looksShown("list.empty")).isFalse();
        assertThat(looksShown("postgresql://")).isFalse();
        assertThat(looksShown("/icons/taskdesk-")).isFalse();
        assertThat(looksShown(".png")).isFalse();
        assertThat(looksShown("-fx-font-size: 12")).isFalse();
        assertThat(looksShown("Shortcut+N")).isFalse();
    }

    @Test
    void theCheckReadsLiteralsAsTheCompilerDoes() {
        String code = String.join("\n",
                "class A {",
                "    // \"A comment\" is not shown",
                "    /* \"Nor is\n a block comment,\" over two lines */",
                "    char quote = '\"'; String s = \"Then text\";",
                "    String escaped = \"a \\\"quoted\\\" word\";",
                "    String lines = \"first\\nsecond\";",
                "    String spaced = \"tasks\\u00a0left\";",
                "    String block = \"\"\"",
                "        Hello,",
                "        world\"\"\";",
                "    String joined = count + \" tasks\";",
                "    String format = String.format(\"%d items\", n);",
                "    String env = \"GTK_THEME\"; // not shown: an environment variable's name",
                "    // not shown: the line below names an environment variable",
                "    String env2 = \"GTK_THEME\";",
                "    String style = \"-fx-padding: 4 8\";",
                "    void f() { LOG.info(\"Opening the database\"); }",
                "}");
        assertThat(shownText(code)).containsExactly(
                new Literal("Then text", 5),
                new Literal("a \"quoted\" word", 6),
                new Literal("first\nsecond", 7),
                new Literal("tasks\u00a0left", 8),
                new Literal("Hello,\nworld", 9),
                new Literal(" tasks", 12),
                new Literal("%d items", 13));
    }

    /** A string literal's text, as the program sees it, and the line it starts on (from 1). */
    record Literal(String text, int line) {
    }

    /** The literals in {@code source} that look like text for people and do not say why they are not. */
    static List<Literal> shownText(String source) {
        String[] lines = source.split("\n", -1);
        List<Literal> shown = new ArrayList<>();
        for (Literal literal : literals(source)) {
            String line = lines[literal.line() - 1];
            String above = literal.line() > 1 ? lines[literal.line() - 2].strip() : "";
            boolean explained = NOT_SHOWN.matcher(line).matches() || above.startsWith("//") && NOT_SHOWN.matcher(above).matches();
            if (!explained && !LOG_CALL.matcher(line).matches() && looksShown(literal.text())) {
                shown.add(literal);
            }
        }
        return shown;
    }

    static boolean looksShown(String text) {
        return WORDS.matcher(text).matches() && !NOT_TEXT.matcher(text).matches();
    }

    /** Every string literal and text block in {@code source}, skipping comments and character literals. */
    static List<Literal> literals(String source) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = endOf(source, "\n", i + 2) - 1;
            } else if (source.startsWith("/*", i)) {
                end = endOf(source, "*/", i + 2);
            } else if (c == '\'') {
                end = closing(source, '\'', i + 1) + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int from = endOf(source, "\n", i + 3);
                end = from;
                while (end < source.length() && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                found.add(new Literal(read(source.substring(from, Math.min(end, source.length())).stripIndent()), line));
                end = Math.min(end + 3, source.length());
            } else if (c == '"') {
                end = closing(source, '"', i + 1);
                found.add(new Literal(read(source.substring(i + 1, Math.min(end, source.length()))), line));
                end++;
            } else {
                end = i + 1;
            }
            end = Math.min(Math.max(end, i + 1), source.length());
            for (int k = i; k < end; k++) {
                if (source.charAt(k) == '\n') {
                    line++;
                }
            }
            i = end;
        }
        return found;
    }

    /** The index just past {@code token} from {@code from}, or the end of the source. */
    private static int endOf(String source, String token, int from) {
        int at = source.indexOf(token, from);
        return at < 0 ? source.length() : at + token.length();
    }

    /** The index of the unescaped {@code quote} that closes a literal opened before {@code from}. */
    private static int closing(String source, char quote, int from) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** The text a literal stands for: its escapes, Unicode escapes included, turned into characters. */
    private static String read(String literal) {
        Matcher unicode = UNICODE_ESCAPE.matcher(literal);
        StringBuilder text = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(text, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(unicode.group(1), 16))));
        }
        unicode.appendTail(text);
        try {
            return text.toString().translateEscapes();
        } catch (IllegalArgumentException e) {
            return text.toString();
        }
    }
}
