package org.taskdesk.domain.tasks;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A parsed filter for the task list, such as
 * {@code #work & (due:today | due:overdue) & priority:high & !is:done "quarterly report"}.
 *
 * <h2>Syntax</h2>
 * <ul>
 *   <li>{@code #tag} or {@code tag:name}: the tag or any tag below it ({@code #work} matches {@code work/reports});</li>
 *   <li>{@code priority:high|medium|med|low|none};</li>
 *   <li>{@code due:today}, {@code due:tomorrow}, {@code due:overdue} (open tasks past their due moment),
 *       {@code due:none}, {@code due:7d} (today and the next 6 days: N days counting today),
 *       {@code due:2026-12-24};</li>
 *   <li>{@code is:done}, {@code is:open}, {@code is:recurring};</li>
 *   <li>any other word, or a {@code "quoted phrase"}: a case-insensitive substring of the title, description or a
 *       tag; a word with an unknown {@code key:} prefix ({@code re:budget}, {@code 10:30}) is such a word;</li>
 *   <li>{@code a & b} or just {@code a b}; {@code a | b}; {@code !a} or {@code -a}; parentheses.
 *       {@code !} binds tighter than {@code &}, which binds tighter than {@code |}.</li>
 * </ul>
 * Keywords and values are case-insensitive. A blank filter matches every task. A malformed one is refused by
 * {@link #parse} with a {@link FilterSyntaxException} that points at the problem.
 *
 * <p>Immutable and thread-safe; {@link #matches} allocates nothing, so it can run over 100,000 tasks per keystroke.
 */
public final class TaskFilter {

    private static final TaskFilter ALL = new TaskFilter("", null);

    private final String text;
    private final FilterTerm root; // null = everything
    private final boolean searchesText;

    private TaskFilter(String text, FilterTerm root) {
        this.text = text;
        this.root = root;
        this.searchesText = root != null && searchesText(root);
    }

    /**
     * Reads a filter; null or blank gives the filter that matches everything.
     *
     * @throws FilterSyntaxException with the 0-based position of the problem
     */
    public static TaskFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new TaskFilter(text, FilterParser.parse(text));
    }

    /** The filter that matches every task. */
    public static TaskFilter all() {
        return ALL;
    }

    /** Whether {@code task} passes the filter at {@code now} (in the person's zone: "today" is now's date). */
    public boolean matches(Task task, ZonedDateTime now) {
        Objects.requireNonNull(task, "task");
        return root == null || root.test(task, null, now);
    }

    /**
     * The same, faster, with the task's {@link #searchTextOf search text} folded beforehand: for a list that filters
     * the same tasks at every keystroke and keeps that text with them.
     */
    public boolean matches(Task task, String searchText, ZonedDateTime now) {
        Objects.requireNonNull(task, "task");
        return root == null || root.test(task, searchText, now);
    }

    /** What free words and phrases are looked for in, folded once (case and accents), to keep with {@code task}. */
    public static String searchTextOf(Task task) {
        return SearchFolding.searchText(task);
    }

    /**
     * Whether the filter looks for words in the tasks' text ("report", a quoted phrase): only then is a task's
     * {@link #searchTextOf search text} worth folding for it.
     */
    public boolean searchesText() {
        return searchesText;
    }

    private static boolean searchesText(FilterTerm term) {
        if (term instanceof FilterTerm.Contains) {
            return true;
        }
        if (term instanceof FilterTerm.Not not) {
            return searchesText(not.term());
        }
        FilterTerm[] terms = term instanceof FilterTerm.And and ? and.terms()
                : term instanceof FilterTerm.Or or ? or.terms() : new FilterTerm[0];
        for (FilterTerm inner : terms) {
            if (searchesText(inner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this filter lets every task through. */
    public boolean matchesEverything() {
        return root == null;
    }

    /** The text the filter was read from. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "TaskFilter[" + text + "]";
    }
}
