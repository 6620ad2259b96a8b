package org.taskdesk.cli;

import java.util.Locale;

/**
 * Text from a task or an account made safe to print to a terminal. Control characters (C0, DEL, C1) would be
 * obeyed by the terminal, not shown: an ESC sequence in a title can set the window's title, clear the screen or
 * colour what follows. Bidi overrides and isolates reorder the rest of the line, so U+202E then "gnp.exe" reads
 * as "exe.png". Each is shown in a visible form instead: backslash-e for ESC, backslash-t, -n, -r for the usual
 * ones, backslash-u and four hex digits (U+202E as backslash-u202E) for the rest. Only human output goes through here; {@code --json}
 * keeps the exact text (escaped the JSON way).
 */
final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} on one line, everything a terminal would obey shown escaped. */
    static String escape(String text) {
        return escape(text, false);
    }

    /** As {@link #escape(String)}, but line breaks are kept: for multi-line text such as a description. */
    static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /** Whether the terminal would obey {@code c} rather than show it. */
    static boolean isUnsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c);
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null || text.chars().noneMatch(TerminalText::isUnsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c) || (keepLines && c == '\n')) {
                out.append(c);
            } else {
                out.append(visible(c));
            }
        }
        return out.toString();
    }

    private static String visible(char c) {
        return switch (c) {
            case 0x1b -> "\\e";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> String.format(Locale.ROOT, "\\u%04X", (int) c);
        };
    }
}
