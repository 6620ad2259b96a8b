package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One node of a parsed filter. Each test runs for every task on every keystroke (100,000 tasks in a frame),
 * so the tests allocate nothing: dates are compared as epoch days, text with {@link String#regionMatches},
 * children are held in arrays.
 */
sealed interface FilterTerm {

    /**
     * Whether {@code task} passes; {@code searchText} is the task's text as {@link SearchFolding#searchText} folds it,
     * when the caller keeps it with the task, else null (free words then fold the task's text as they go).
     */
    boolean test(Task task, String searchText, ZonedDateTime now);

    record And(FilterTerm[] terms) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            for (FilterTerm t : terms) {
                if (!t.test(task, searchText, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(FilterTerm[] terms) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            for (FilterTerm t : terms) {
                if (t.test(task, searchText, now)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(FilterTerm term) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            return !term.test(task, searchText, now);
        }
    }

    /** {@code #work}: the tag itself or any tag below it ({@code work/reports}). */
    record HasTag(String name) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            int n = name.length();
            for (String tag : task.tags().nameArray()) {
                if (tag.startsWith(name) && (tag.length() == n || tag.charAt(n) == '/')) {
                    return true;
                }
            }
            return false;
        }
    }

    record HasPriority(Priority priority) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            return task.priority() == priority;
        }
    }

    /** {@code is:done}, {@code is:open}, {@code is:recurring}. */
    enum State implements FilterTerm {
        DONE, OPEN, RECURRING;

        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            switch (this) {
                case DONE: return task.completed();
                case OPEN: return !task.completed();
                default: return task.recurrence() != null;
            }
        }
    }

    /** {@code due:none} and {@code due:overdue} (open tasks past their due moment). */
    enum DueState implements FilterTerm {
        NONE, OVERDUE;

        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            Due due = task.due();
            if (this == NONE) {
                return due == null;
            }
            return due != null && !task.completed() && due.isOverdue(now);
        }
    }

    /**
     * Due within a range of days counted from today: {@code due:today} is [0, 0], {@code due:tomorrow} [1, 1],
     * {@code due:7d} [0, 6] (today and the next six days).
     */
    record DueWithinDays(long fromDay, long toDay) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            Due due = task.due();
            if (due == null) {
                return false;
            }
            long offset = due.date().toEpochDay() - now.toLocalDate().toEpochDay();
            return offset >= fromDay && offset <= toDay;
        }
    }

    /** {@code due:2026-12-24}. */
    record DueOn(LocalDate date) implements FilterTerm {
        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            return task.due() != null && task.due().date().equals(date);
        }
    }

    /**
     * A free word or "quoted phrase": a substring of the title, description or a tag, ignoring case and accents
     * ({@link SearchFolding}).
     */
    final class Contains implements FilterTerm {
        private final String text;
        private final String folded; // the word as search compares it: "Café" is "cafe"
        /** Whether the word can be looked for in a task's folded search text: not if it holds its separator. */
        private final boolean searchable;

        Contains(String text) {
            this.text = text;
            this.folded = SearchFolding.fold(text);
            this.searchable = folded.indexOf(SearchFolding.SEPARATOR) < 0;
        }

        String text() {
            return text;
        }

        @Override
        public boolean test(Task task, String searchText, ZonedDateTime now) {
            if (searchText != null && searchable) {
                // Folded once per task, kept with it: String.indexOf is what the JIT makes fastest.
                return searchText.contains(folded);
            }
            if (contains(task.title()) || contains(task.description())) {
                return true;
            }
            for (String tag : task.tags().nameArray()) {
                if (contains(tag)) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(String haystack) {
            int n = folded.length();
            if (n == 0) {
                return true;
            }
            char first = folded.charAt(0);
            // Accents in the haystack only make it longer, so a match cannot start after length - n.
            int last = haystack.length() - n;
            for (int i = 0; i <= last; i++) {
                if (SearchFolding.fold(haystack.charAt(i)) == first && restMatchesAt(haystack, i + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the folded word after its first letter continues at {@code from}, skipping combining accents. */
        private boolean restMatchesAt(String haystack, int from) {
            int h = from;
            for (int k = 1; k < folded.length(); k++) {
                char c;
                do {
                    if (h >= haystack.length()) {
                        return false;
                    }
                    c = haystack.charAt(h++);
                } while (SearchFolding.isAccent(c));
                if (SearchFolding.fold(c) != folded.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
