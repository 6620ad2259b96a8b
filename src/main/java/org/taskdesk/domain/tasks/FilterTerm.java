package org.taskdesk.domain.tasks;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One node of a parsed filter. Each test runs for every task on every keystroke (100,000 tasks in a frame),
 * so the tests allocate nothing: dates are compared as epoch days, text with {@link String#regionMatches},
 * children are held in arrays.
 */
sealed interface FilterTerm {

    boolean test(Task task, ZonedDateTime now);

    record And(FilterTerm[] terms) implements FilterTerm {
        @Override
        public boolean test(Task task, ZonedDateTime now) {
            for (FilterTerm t : terms) {
                if (!t.test(task, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(FilterTerm[] terms) implements FilterTerm {
        @Override
        public boolean test(Task task, ZonedDateTime now) {
            for (FilterTerm t : terms) {
                if (t.test(task, now)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(FilterTerm term) implements FilterTerm {
        @Override
        public boolean test(Task task, ZonedDateTime now) {
            return !term.test(task, now);
        }
    }

    /** {@code #work}: the tag itself or any tag below it ({@code work/reports}). */
    record HasTag(String name) implements FilterTerm {
        @Override
        public boolean test(Task task, ZonedDateTime now) {
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
        public boolean test(Task task, ZonedDateTime now) {
            return task.priority() == priority;
        }
    }

    /** {@code is:done}, {@code is:open}, {@code is:recurring}. */
    enum State implements FilterTerm {
        DONE, OPEN, RECURRING;

        @Override
        public boolean test(Task task, ZonedDateTime now) {
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
        public boolean test(Task task, ZonedDateTime now) {
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
        public boolean test(Task task, ZonedDateTime now) {
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
        public boolean test(Task task, ZonedDateTime now) {
            return task.due() != null && task.due().date().equals(date);
        }
    }

    /** A free word or "quoted phrase": a case-insensitive substring of the title, description or a tag. */
    final class Contains implements FilterTerm {
        private final String text;
        // The needle's first character in both cases: most positions are rejected by two char comparisons
        // before the slower case-insensitive regionMatches runs.
        private final char firstUpper;
        private final char firstLower;
        private final char firstFolded; // lower of upper, as regionMatches compares: "ſ" matches "s"

        Contains(String text) {
            this.text = text;
            char first = text.isEmpty() ? 0 : text.charAt(0);
            this.firstUpper = Character.toUpperCase(first);
            this.firstLower = Character.toLowerCase(first);
            this.firstFolded = Character.toLowerCase(firstUpper);
        }

        String text() {
            return text;
        }

        @Override
        public boolean test(Task task, ZonedDateTime now) {
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
            int n = text.length();
            if (n == 0) {
                return true;
            }
            int last = haystack.length() - n;
            for (int i = 0; i <= last; i++) {
                char c = haystack.charAt(i);
                // Characters beyond ASCII may have case mappings the two-char check misses: let regionMatches decide.
                if ((c == firstLower || c == firstUpper || c == firstFolded || c > 127)
                        && haystack.regionMatches(true, i, text, 0, n)) {
                    return true;
                }
            }
            return false;
        }
    }
}
