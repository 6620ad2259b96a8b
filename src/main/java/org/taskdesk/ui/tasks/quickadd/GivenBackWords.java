package org.taskdesk.ui.tasks.quickadd;

import java.util.HashSet;
import java.util.Set;

/**
 * Where the words start that the person gave back to the title, kept in step with the line as it is edited: typing
 * before a word moves it, so its start moves with it; a word that was itself edited is no longer given back.
 */
final class GivenBackWords {
    private GivenBackWords() {
    }

    /** {@code starts} plus the start of every word of {@code line} in {@code [from, to)}. */
    static Set<Integer> with(Set<Integer> starts, String line, int from, int to) {
        Set<Integer> out = new HashSet<>(starts);
        for (int i = Math.max(0, from); i < Math.min(to, line.length()); i++) {
            boolean wordStarts = !Character.isWhitespace(line.charAt(i))
                    && (i == 0 || Character.isWhitespace(line.charAt(i - 1)));
            if (wordStarts) {
                out.add(i);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * {@code starts} in {@code before}, moved to where the same words are in {@code after}. An empty line forgets
     * them all: the next task starts afresh.
     */
    static Set<Integer> after(Set<Integer> starts, String before, String after) {
        if (starts.isEmpty() || after == null || after.isBlank() || before == null) {
            return Set.of();
        }
        int prefix = 0;
        int shorter = Math.min(before.length(), after.length());
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        int shift = after.length() - before.length();
        Set<Integer> out = new HashSet<>();
        for (int start : starts) {
            if (start < prefix) {
                out.add(start);
            } else if (start >= before.length() - suffix) {
                out.add(start + shift);
            }
        }
        return Set.copyOf(out);
    }
}
