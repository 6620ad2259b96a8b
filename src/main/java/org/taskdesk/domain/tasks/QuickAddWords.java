package org.taskdesk.domain.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quick-add line cut into whitespace-separated words, each with where it is and a lower-case form without
 * trailing punctuation ("Tomorrow," reads as "tomorrow"), which is what the matchers compare.
 */
final class QuickAddWords {

    /** One word: its text as typed, its matching form, and its span ({@code normEnd} drops the punctuation). */
    record Word(String raw, String norm, int start, int end, int normEnd) {
    }

    /** What a matcher found at a position, and how many words it used. */
    record Match<T>(T value, int words) {
    }

    private static final String TRAILING_PUNCTUATION = ",.;:";

    private final List<Word> words;

    QuickAddWords(String line) {
        this.words = tokenize(line);
    }

    int size() {
        return words.size();
    }

    Word get(int i) {
        return words.get(i);
    }

    /** The matching form of word {@code i}, or "" past the end, so matchers can look ahead without checks. */
    String norm(int i) {
        return i >= 0 && i < words.size() ? words.get(i).norm() : "";
    }

    private static List<Word> tokenize(String line) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                int normEnd = i;
                while (normEnd > start + 1 && TRAILING_PUNCTUATION.indexOf(line.charAt(normEnd - 1)) >= 0) {
                    normEnd--;
                }
                String norm = line.substring(start, normEnd).toLowerCase(Locale.ROOT);
                if (norm.length() == 1 && TRAILING_PUNCTUATION.indexOf(norm.charAt(0)) >= 0) {
                    norm = ""; // a lone "," between days: a separator, not a word
                }
                out.add(new Word(line.substring(start, i), norm, start, i, normEnd));
            }
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
