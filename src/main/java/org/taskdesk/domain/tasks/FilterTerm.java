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
    record Contains(String text) implements FilterTerm {
        @Override
        public boolean test(Task task, ZonedDateTime now) {
            if (contains(task.title(), text) || contains(task.description(), text)) {
                return true;
            }
            for (String tag : task.tags().nameArray()) {
                if (contains(tag, text)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(String haystack, String needle) {
            int last = haystack.length() - needle.length();
            for (int i = 0; i <= last; i++) {
                if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
