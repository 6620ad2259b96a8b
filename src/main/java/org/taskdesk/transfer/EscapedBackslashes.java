package org.taskdesk.transfer;

/**
 * Works around ical4j 4.1.1's reading of text values: it turns {@code \\\n} (an escaped backslash, then an escaped
 * new line) into a backslash and the letter n. Before ical4j reads the file, each escaped backslash becomes a
 * private-use character the file does not contain, which {@link #restore} turns back into a backslash. Folded lines
 * are joined first, so that an escape cut by folding is still seen.
 */
final class EscapedBackslashes {
    private final String text;
    private final char mark;

    EscapedBackslashes(String original) {
        String unfolded = original.contains("\\\\") || original.contains("\\\r\n ") || original.contains("\\\n ")
                ? original.replaceAll("\r?\n[ \t]", "") : original;
        if (!unfolded.contains("\\\\")) {
            this.text = original;
            this.mark = 0;
            return;
        }
        char unused = '\uE000';
        while (unfolded.indexOf(unused) >= 0 && unused < '\uF8FF') {
            unused++;
        }
        this.mark = unused;
        this.text = unfolded.replace("\\\\", String.valueOf(unused));
    }

    /** The text to give ical4j. */
    String text() {
        return text;
    }

    /** A value ical4j read, with its backslashes back. */
    String restore(String value) {
        return mark == 0 ? value : value.replace(mark, '\\');
    }
}
