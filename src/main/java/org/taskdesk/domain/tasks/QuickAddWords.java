package org.taskdesk.domain.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A quick-add line cut into whitespace-separated words, each with where it is and a lower-case form without
 * trailing punctuation ("Tomorrow," reads as "tomorrow"), which is what the matchers compare. Words between
 * double quotes ({@code Watch "Friday Night Lights"}) are literal: their matching form matches nothing, and
 * the quotes themselves are not part of the title.
 */
final class QuickAddWords {

    /**
     * One word: its text for the title, its matching form, its span ({@code normEnd} drops the punctuation), and
     * whether it was quoted.
     */
    record Word(String raw, String norm, int start, int end, int normEnd, boolean literal) {
    }

    /** What a matcher found at a position, and how many words it used. */
    record Match<T>(T value, int words) {
    }

    private static final String TRAILING_PUNCTUATION = ",.;:";
    private static final char QUOTE = '"';
    /** What a quoted word matches as: no keyword, tag or priority starts with a quote, so nothing. */
    private static final String LITERAL = "\"";

    private final List<Word> words;

    QuickAddWords(String line) {
        this(line, Set.of());
    }

    /** @param givenBack where words start that the person gave back to the title: literal, as if quoted */
    QuickAddWords(String line, Set<Integer> givenBack) {
        this.words = givenBack(quoted(tokenize(line)), givenBack);
    }

    int size() {
        return words.size();
    }

    /** Whether word {@code i} ends with punctuation that closes a phrase ("Monday, notes"). */
    boolean endsWithPunctuation(int i) {
        Word w = words.get(i);
        return !w.literal() && w.normEnd() < w.end();
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
                out.add(new Word(line.substring(start, i), norm, start, i, normEnd, false));
            }
        }
        return out;
    }

    private static List<Word> givenBack(List<Word> in, Set<Integer> starts) {
        if (starts.isEmpty()) {
            return in;
        }
        List<Word> out = new ArrayList<>(in);
        for (int k = 0; k < out.size(); k++) {
            Word w = out.get(k);
            if (starts.contains(w.start()) && !w.literal()) {
                out.set(k, new Word(w.raw(), LITERAL + w.norm(), w.start(), w.end(), w.end(), true));
            }
        }
        return out;
    }

    /**
     * Marks the words from one that starts with a quote to the next that ends with one as literal, and drops
     * those two quotes from their text. A quote that is never closed is an ordinary character.
     */
    private static List<Word> quoted(List<Word> in) {
        List<Word> out = new ArrayList<>(in);
        for (int open = 0; open < out.size(); open++) {
            if (out.get(open).raw().charAt(0) != QUOTE) {
                continue;
            }
            int close = closingWord(out, open);
            if (close < 0) {
                continue;
            }
            for (int k = open; k <= close; k++) {
                Word w = out.get(k);
                String raw = w.raw();
                if (k == close) {
                    int quote = closingQuote(raw);
                    raw = raw.substring(0, quote) + raw.substring(quote + 1);
                }
                if (k == open) {
                    raw = raw.substring(1);
                }
                out.set(k, new Word(raw, LITERAL + raw.toLowerCase(Locale.ROOT), w.start(), w.end(), w.end(), true));
            }
            open = close;
        }
        return out;
    }

    /** The word that closes a quote opened by word {@code open} (itself, if it is quoted alone), or -1. */
    private static int closingWord(List<Word> words, int open) {
        for (int k = open; k < words.size(); k++) {
            int quote = closingQuote(words.get(k).raw());
            if (quote > 0 || (quote == 0 && k > open)) {
                return k;
            }
        }
        return -1;
    }

    /** Where a quote ends the word, before any trailing punctuation ("Lights",), or -1. */
    private static int closingQuote(String raw) {
        int end = raw.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && raw.charAt(end - 1) == QUOTE ? end - 1 : -1;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
