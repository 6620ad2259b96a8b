package org.taskdesk.persistence.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * A {@code .env} file: {@code NAME=value} lines, {@code #} comments, an optional {@code export} in front, values
 * bare or in single or double quotes (double quotes may span lines and know {@code \"} and {@code \\}).
 *
 * <p>Read strictly, because a line that is quietly skipped chooses another database than the one the person
 * meant (dotenv-java, used before, read an unclosed {@code "} as a value running to the end of the file and then
 * dropped it, so the default database was used). Every line it cannot read is an error naming the file and the
 * line, with what to do. Strict only where it protects: a value that opens a quote and never closes it, and a
 * line that is not NAME=value. Quotes inside a bare value are kept as they are, as dotenv-java kept them.
 */
final class DotEnvFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private final Path file;

    DotEnvFile(Path file) {
        this.file = file;
    }

    /** Every entry of the file, in order; a name given twice keeps its last value. */
    Map<String, String> entries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "Cannot read " + file + " (" + e.getMessage()
                    + "): make it readable or remove it.", e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw bad(lineNumber, "'" + shortened(line) + "' is not NAME=value; fix the line or start it with #");
            }
            String rest = line.substring(eq + 1).strip();
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                char quote = rest.charAt(0);
                StringBuilder value = new StringBuilder();
                int end = closingQuote(rest, 1, quote, value);
                int last = i;
                while (end < 0 && quote == '"' && last + 1 < lines.size()) {
                    last++;
                    value.append('\n');
                    rest = lines.get(last);
                    end = closingQuote(rest, 0, quote, value);
                }
                if (end < 0) {
                    throw bad(lineNumber, "the value of " + name + " opens a quote (" + quote + ") that is never "
                            + "closed; add the closing " + quote + " at the end of the value");
                }
                String after = rest.substring(end + 1).strip();
                if (!after.isEmpty() && !after.startsWith("#")) {
                    throw bad(last + 1, "there is text after the closing quote of " + name + " ('" + shortened(after)
                            + "'); put it inside the quotes or after a #");
                }
                entries.put(name, value.toString());
                i = last;
            } else {
                // Quotes inside a bare value are its own characters (APP_CONFIG={"a":1}, NAME=Bob's), as dotenv-java
                // read them: they cannot swallow the lines after them, so refusing them only broke other programs' files.
                entries.put(name, withoutComment(rest));
            }
        }
        return entries;
    }

    /** Finds {@code quote} from {@code from}, copying the text before it into {@code value}; -1 if it is missing. */
    private static int closingQuote(String text, int from, char quote, StringBuilder value) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                value.append(text.charAt(++i));
            } else if (c == quote) {
                return i;
            } else {
                value.append(c);
            }
        }
        return -1;
    }

    /** A bare value ends at " #": the rest of the line is a comment. */
    private static String withoutComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value.startsWith("#") ? "" : value;
    }

    private static String shortened(String text) {
        // The line may hold a password: show only its start, masked like any URL we report.
        String masked = DatabaseUrl.mask(text);
        return masked.length() > 40 ? masked.substring(0, 40) + "…" : masked;
    }

    private TaskDeskException bad(int line, String problem) {
        return new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "Cannot read " + file + ", line " + line + ": "
                + problem + ".");
    }
}
