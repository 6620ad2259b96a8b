package org.taskdesk.domain.tasks;

import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The tags of a task: an immutable, sorted set of normalised names.
 *
 * <p>Normalising (trim, drop a leading {@code #}, lower-case) makes {@code "#Work"} and {@code "work"} the same
 * tag, so filters and chips never show near-duplicates. Names may hold letters, digits, {@code -}, {@code _} and
 * {@code /} ({@code /} builds hierarchies: {@code work/reports} is a child of {@code work}), at most
 * {@value #MAX_LENGTH} characters. Anything else is refused rather than silently changed, so what the
 * person sees is what was saved.
 *
 * <p><b>Storage</b> (the seed's {@code tags TEXT} column): the names, sorted, joined by commas with no spaces,
 * e.g. {@code home,work}. No tags is stored as SQL NULL ({@link #fromStored} also accepts the empty string).
 * A comma can never occur inside a name, so the format needs no escaping.
 */
public final class Tags implements Iterable<String> {

    public static final int MAX_LENGTH = 50;

    public static final Tags EMPTY = new Tags(Collections.emptySortedSet());

    // Sorted so that the stored text and equals() do not depend on the order tags were added in.
    private final SortedSet<String> names;
    // The same names as an array: the filter loops over tags for every task on every keystroke,
    // and an array needs no iterator object.
    private final String[] array;

    private Tags(SortedSet<String> names) {
        this.names = names;
        this.array = names.toArray(new String[0]);
    }

    /** Tags from names as a person typed them; each is normalised, duplicates collapse. */
    public static Tags of(String... names) {
        TreeSet<String> set = new TreeSet<>();
        for (String n : names) {
            set.add(normalise(n));
        }
        return wrap(set);
    }

    /** Tags from any collection of names; each is normalised. */
    public static Tags of(Iterable<String> names) {
        TreeSet<String> set = new TreeSet<>();
        for (String n : names) {
            set.add(normalise(n));
        }
        return wrap(set);
    }

    /**
     * Reads the column value written by {@link #toStored()}.
     *
     * @throws InvalidTaskException if a stored name breaks the rules (the row was written by something else)
     */
    public static Tags fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return EMPTY;
        }
        TreeSet<String> set = new TreeSet<>();
        for (String part : stored.split(",", -1)) {
            if (!part.isBlank()) {
                set.add(normalise(part));
            }
        }
        return wrap(set);
    }

    /** The column value: sorted names joined by commas, or null when there are no tags. */
    public String toStored() {
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** A copy with one more tag (normalised); the same instance if it is already there. */
    public Tags with(String name) {
        String n = normalise(name);
        if (names.contains(n)) {
            return this;
        }
        TreeSet<String> set = new TreeSet<>(names);
        set.add(n);
        return wrap(set);
    }

    /** A copy without the tag (normalised before comparing); the same instance if it was absent. */
    public Tags without(String name) {
        String n = normalise(name);
        if (!names.contains(n)) {
            return this;
        }
        TreeSet<String> set = new TreeSet<>(names);
        set.remove(n);
        return wrap(set);
    }

    /** Whether the tag is present; the argument is normalised the same way, and invalid names are simply absent. */
    public boolean contains(String name) {
        String n = normaliseOrNull(name);
        return n != null && names.contains(n);
    }

    /** The names, sorted, unmodifiable. */
    public Set<String> names() {
        return Collections.unmodifiableSortedSet(names);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public int size() {
        return names.size();
    }

    /** The names in sorted order, for allocation-free loops; callers in this package must not change it. */
    String[] nameArray() {
        return array;
    }

    @Override
    public Iterator<String> iterator() {
        return Collections.unmodifiableSortedSet(names).iterator();
    }

    /**
     * Normalises one tag name: trim, drop one leading {@code #}, lower-case in {@link Locale#ROOT}
     * (so a Turkish locale does not turn "I" into a dotless "ı").
     *
     * @throws InvalidTaskException naming the bad character or the length, and what is allowed
     */
    public static String normalise(String name) {
        if (name == null) {
            throw new InvalidTaskException("A tag cannot be empty; type a name such as #home.");
        }
        String n = name.trim();
        if (n.startsWith("#")) {
            n = n.substring(1);
        }
        n = n.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            throw new InvalidTaskException("A tag cannot be empty; type a name such as #home.");
        }
        int length = n.codePointCount(0, n.length());
        if (length > MAX_LENGTH) {
            throw new InvalidTaskException("Tag " + QuotedInput.quoted(n) + " is " + length + " characters long; keep it to "
                    + MAX_LENGTH + " or fewer.");
        }
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (!isAllowed(cp)) {
                throw new InvalidTaskException("Tag " + QuotedInput.quoted(n) + " contains " + describeChar(cp)
                        + "; use only letters, digits, -, _ and /.");
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /** {@link #normalise} for parsers that must not throw: null when the name is not a valid tag. */
    static String normaliseOrNull(String name) {
        try {
            return normalise(name);
        } catch (InvalidTaskException e) {
            return null;
        }
    }

    private static boolean isAllowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '/';
    }

    private static String describeChar(int cp) {
        return Character.isWhitespace(cp) && cp != '\n' && cp != '\r' ? "a space"
                : QuotedInput.quoted(new String(Character.toChars(cp)));
    }

    private static Tags wrap(TreeSet<String> set) {
        return set.isEmpty() ? EMPTY : new Tags(set);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tags && ((Tags) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "Tags[]" : "Tags" + names;
    }
}
