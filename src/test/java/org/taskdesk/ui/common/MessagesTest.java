package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle and the code agree, as JabRef's LocalizationConsistencyTest checks: every key the code asks for is in
 * {@code messages.properties}, every key there is asked for, and each entry suits the method that reads it.
 */
class MessagesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CALL = Pattern.compile("Messages\\.(text|format)\\(");
    private static final Pattern LITERAL_CALL = Pattern.compile("Messages\\.(text|format)\\(\\s*\"([^\"]+)\"");

    private static Properties bundle;
    private static List<Use> uses;
    private static List<String> nonLiteral;

    record Use(String method, String key, Path file) {
    }

    @BeforeAll
    static void readBundleAndCode() throws IOException {
        bundle = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/org/taskdesk/ui/messages.properties")) {
            assertThat(in).as("messages.properties on the class path").isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        uses = new ArrayList<>();
        nonLiteral = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (file.endsWith("Messages.java")) {
                    continue;
                }
                int calls = 0;
                Matcher any = CALL.matcher(code);
                while (any.find()) {
                    calls++;
                }
                int literal = 0;
                Matcher m = LITERAL_CALL.matcher(code);
                while (m.find()) {
                    literal++;
                    uses.add(new Use(m.group(1), m.group(2), file));
                }
                if (literal != calls) {
                    nonLiteral.add(file + ": " + (calls - literal) + " call(s) with a key that is not a literal");
                }
            }
        }
    }

    @Test
    void everyKeyIsALiteralSoItCanBeChecked() {
        assertThat(nonLiteral).isEmpty();
    }

    @Test
    void everyKeyUsedIsInTheBundle() {
        List<String> missing = uses.stream().filter(u -> !bundle.containsKey(u.key()))
                .map(u -> u.key() + " (" + u.file() + ")").toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyInTheBundleIsUsed() {
        Set<String> used = new TreeSet<>();
        uses.forEach(u -> used.add(u.key()));
        Set<String> unused = new TreeSet<>(bundle.stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    @Test
    void textEntriesHaveNoPlaceholdersAndFormatEntriesParse() {
        List<String> wrong = new ArrayList<>();
        for (Use use : uses) {
            String value = bundle.getProperty(use.key());
            if (value == null) {
                continue;
            }
            if (use.method().equals("text") && value.matches("(?s).*\\{\\d.*")) {
                wrong.add(use.key() + " has a placeholder but is read with Messages.text: use Messages.format");
            }
            if (use.method().equals("format")) {
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    wrong.add(use.key() + " does not parse as a MessageFormat: " + e.getMessage());
                }
                // MessageFormat drops a lone apostrophe and everything it quotes: "can't" would show as "cant".
                if (value.replace("''", "").contains("'")) {
                    wrong.add(use.key() + " is read with Messages.format, so write its apostrophe as ''");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTextIsShownWithItsPlaceholderFilled() {
        assertThat(Messages.format("priority.in.sentence", "high")).isEqualTo("high priority");
        assertThat(Messages.text("priority.none.alone")).isEqualTo("No priority");
    }
}
