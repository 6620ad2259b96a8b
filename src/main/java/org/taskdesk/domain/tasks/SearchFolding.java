package org.taskdesk.domain.tasks;

import java.text.Normalizer;

/**
 * Letters as search compares them: case and accents ignored, so "cafe" finds "Café" and "CAFÉ" finds "cafe", as
 * people expect from Todoist or a web search. A character is folded to its base letter (the first character of its
 * canonical decomposition) in lower case; combining accents, as in a decomposed "é" (e and U+0301), are skipped. The filter
 * folds its words once and each task's text one character at a time, so matching allocates nothing.
 */
final class SearchFolding {
    /** Latin, Greek and Cyrillic and their accented forms (Vietnamese included) lie below this: looked up. */
    private static final int TABLE_SIZE = 0x2000;
    private static final char[] TABLE = table();

    private SearchFolding() {
    }

    /** The character as search compares it. */
    static char fold(char c) {
        return c < TABLE_SIZE ? TABLE[c] : caseFolded(c);
    }

    /** Whether {@code c} is a combining accent, which search skips. */
    static boolean isAccent(char c) {
        return c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Between the parts of a task's search text: no word that is looked for holds it, so no match spans two. */
    static final char SEPARATOR = '\0';

    /**
     * The task's title, description and tags as free words are looked for in them: each folded character by character
     * as {@link #fold(char)} folds it, combining accents left out, the parts joined by {@link #SEPARATOR}. A word is
     * in it exactly where the character-by-character comparison finds it in one of the parts.
     */
    static String searchText(Task task) {
        StringBuilder text = new StringBuilder(task.title().length() + 16);
        append(text, task.title());
        text.append(SEPARATOR);
        append(text, task.description());
        for (String tag : task.tags().nameArray()) {
            text.append(SEPARATOR);
            append(text, tag);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part == null) {
            return;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isAccent(c)) {
                text.append(fold(c));
            }
        }
    }

    /**
     * A whole word folded, its accents dropped, exactly as a task's text is: done once per word of the filter. Composed
     * first (NFC), then folded character by character: decomposing it instead turned a Korean syllable (한) or a kana
     * with its sound mark (が) into pieces that no task's text, folded character by character, holds, so such
     * words found nothing.
     */
    static String fold(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (!isAccent(c)) {
                folded.append(fold(c));
            }
        }
        return folded.toString();
    }

    private static char[] table() {
        char[] table = new char[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            char base = c;
            if (c >= 0x80 && !Character.isSurrogate(c)) {
                base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            }
            table[c] = caseFolded(base);
        }
        return table;
    }

    /** Lower case of upper case, as String.regionMatches ignores case: "ſ" and "s" meet. */
    private static char caseFolded(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
