package org.taskdesk.ui.tasks.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taskdesk.ui.tasks.sidebar.SidebarEntry;

/**
 * Tag completion for a text field: while the person types a tag, the tags in use that start like it, each with
 * its count of open tasks (the sidebar's, sub-tags included), one of them chosen with the arrow keys, taken with
 * Tab or Enter, closed with Esc. In quick add the tag is the {@code #word} at the cursor; in the Add-tag dialog
 * the whole field is the tag, with or without its {@code #}.
 *
 * <p>Enter does not turn a whole tag into a longer one: after {@code #work}, with {@code #work/reports} offered, Enter
 * keeps {@code #work} (and adds the task) unless the person chose the suggestion with the arrows; Tab still takes it.
 * Otherwise a person who types a tag in full and presses Enter would get a tag they never typed.
 */
public final class TagCompletion {
    /** At most this many suggestions: a short list to choose from, not a browser of every tag. */
    static final int MAX_SUGGESTIONS = 8;

    /** A tag to offer, without its {@code #}, and how many open tasks carry it. */
    public record Suggestion(String tag, int count) {
    }

    /** The field's text and cursor after a suggestion was taken. */
    public record Completed(String text, int caret) {
    }

    private final ObservableList<SidebarEntry> tagsInUse;
    private final boolean wholeField;
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> readSuggestions = FXCollections.unmodifiableObservableList(suggestions);
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(this, "chosen", -1);
    private String text = "";
    private String typedTag = "";
    private boolean choseWithArrows;
    private int wordStart;
    private int wordEnd;

    private TagCompletion(ObservableList<SidebarEntry> tagsInUse, boolean wholeField) {
        this.tagsInUse = tagsInUse;
        this.wholeField = wholeField;
    }

    /** Completion of the {@code #tag} being typed anywhere in a line (the quick-add bar). */
    public static TagCompletion inLine(ObservableList<SidebarEntry> tagsInUse) {
        return new TagCompletion(tagsInUse, false);
    }

    /** Completion of a field that holds one tag (the Add-tag dialog). */
    public static TagCompletion ofWholeField(ObservableList<SidebarEntry> tagsInUse) {
        return new TagCompletion(tagsInUse, true);
    }

    /** The tags offered now; empty when nothing is being completed. */
    public ObservableList<Suggestion> suggestions() {
        return readSuggestions;
    }

    /** The index of the suggestion Tab or Enter would take, -1 when none is offered. */
    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The person typed or moved the cursor: offers the tags that start like the tag at {@code caret}. */
    public void typed(String newText, int caret) {
        text = newText == null ? "" : newText;
        int at = Math.max(0, Math.min(caret, text.length()));
        List<Suggestion> found = new ArrayList<>();
        typedTag = "";
        choseWithArrows = false;
        wordFor(at).ifPresent(prefix -> {
            typedTag = prefix;
            for (SidebarEntry entry : tagsInUse) {
                String tag = entry.label().substring(1);
                if (matches(tag, prefix)) {
                    found.add(new Suggestion(tag, entry.count()));
                }
                if (found.size() == MAX_SUGGESTIONS) {
                    break;
                }
            }
        });
        if (!found.equals(suggestions)) {
            suggestions.setAll(found);
        }
        chosen.set(suggestions.isEmpty() ? -1 : 0);
    }

    /** Down arrow: the next suggestion, round to the first. */
    public void next() {
        if (!suggestions.isEmpty()) {
            chosen.set((chosen.get() + 1) % suggestions.size());
            choseWithArrows = true;
        }
    }

    /** Up arrow: the previous suggestion, round to the last. */
    public void previous() {
        if (!suggestions.isEmpty()) {
            chosen.set((chosen.get() - 1 + suggestions.size()) % suggestions.size());
            choseWithArrows = true;
        }
    }

    /** Chooses the suggestion at {@code index} (a click on it) and takes it. */
    public Optional<Completed> take(int index) {
        if (index < 0 || index >= suggestions.size()) {
            return Optional.empty();
        }
        chosen.set(index);
        return take();
    }

    /**
     * Tab or Enter: the text with the tag being typed replaced by the chosen suggestion, and the cursor after it
     * (and after a space, in a line, so the next word can follow); empty when nothing is offered.
     */
    public Optional<Completed> take() {
        int index = chosen.get();
        if (index < 0 || index >= suggestions.size()) {
            return Optional.empty();
        }
        String tag = suggestions.get(index).tag();
        String replacement;
        String after = text.substring(wordEnd);
        if (wholeField) {
            replacement = tag;
        } else {
            replacement = "#" + tag + (after.startsWith(" ") ? "" : " ");
        }
        String completed = text.substring(0, wordStart) + replacement + after;
        int caret = wordStart + replacement.length() + (after.startsWith(" ") && !wholeField ? 1 : 0);
        close();
        return Optional.of(new Completed(completed, caret));
    }

    /**
     * Enter: takes the chosen suggestion as {@link #take()} does, unless what was typed is already a whole tag (one in
     * use, or the parent of the suggestion) and the person did not choose with the arrows; then the list closes and
     * Enter is left to the field, which adds the task (or the tag) as typed.
     */
    public Optional<Completed> takeOnEnter() {
        if (!choseWithArrows && typedIsWholeTag()) {
            close();
            return Optional.empty();
        }
        return take();
    }

    private boolean typedIsWholeTag() {
        if (typedTag.isEmpty()) {
            return false;
        }
        int index = chosen.get();
        if (index >= 0 && index < suggestions.size() && suggestions.get(index).tag().startsWith(typedTag + "/")) {
            return true;
        }
        return tagsInUse.stream().anyMatch(entry -> entry.label().substring(1).equalsIgnoreCase(typedTag));
    }

    /** Esc: nothing offered until the person types again. */
    public void close() {
        suggestions.clear();
        chosen.set(-1);
    }

    /** The tag typed so far (lower case, without {@code #}) in the word that ends at {@code caret}, if any. */
    private Optional<String> wordFor(int caret) {
        if (wholeField) {
            wordStart = 0;
            wordEnd = text.length();
            String word = text.strip();
            return Optional.of((word.startsWith("#") ? word.substring(1) : word).toLowerCase(Locale.ROOT));
        }
        int start = caret;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = caret;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        wordStart = start;
        wordEnd = end;
        if (start >= caret || text.charAt(start) != '#') {
            return Optional.empty();
        }
        return Optional.of(text.substring(start + 1, caret).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code tag} is worth offering for {@code prefix}: it starts the same, and is not just what was typed. */
    private static boolean matches(String tag, String prefix) {
        return tag.startsWith(prefix) && !tag.equals(prefix);
    }
}
