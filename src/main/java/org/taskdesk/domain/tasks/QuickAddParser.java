package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.taskdesk.domain.tasks.QuickAddWords.Match;

/**
 * Reads a one-line task such as {@code Pay rent tomorrow 9am #home !high every month}: the words it recognises
 * set the due date, time, priority, tags and recurrence; every other word stays in the title, in order,
 * single-spaced. If nothing would be left, the whole line (single-spaced) is the title.
 *
 * <h2>What it understands</h2>
 * <ul>
 *   <li>dates: {@code today}, {@code tomorrow}, weekday names ({@code monday}, {@code mon}: the next such day
 *       after today, never today itself), {@code next monday}, {@code next week} (next Monday),
 *       {@code in 3 days} / {@code in 2 weeks} / {@code in 1 month}, {@code 2026-12-24}, {@code dec 24},
 *       {@code 24 dec}, {@code december 24th}, optionally followed by a year; a date without a year is the next
 *       such date from today; an optional {@code on} before a date is part of it;</li>
 *   <li>times: {@code 9am}, {@code 9:30pm}, {@code 9 pm}, {@code 17:30}, {@code noon}, {@code at 5pm},
 *       {@code at 17};</li>
 *   <li>priority: {@code !high}, {@code !medium} / {@code !med}, {@code !low}, {@code !none}, and
 *       {@code !1} (high), {@code !2} (medium), {@code !3} (low) as in Todoist;</li>
 *   <li>tags: {@code #home}, any number of them;</li>
 *   <li>recurrence: {@code daily}, {@code weekly}, {@code monthly}, {@code yearly}, {@code every day/weekday/
 *       week/month/year}, {@code every other week}, {@code every 2 weeks [on mon and thu]},
 *       {@code every monday and thursday}, {@code every mon, wed}, {@code every 2nd tuesday},
 *       {@code every last friday}, {@code every 15th}, each optionally followed by {@code after completion}
 *       and then by {@code until <date>} or {@code for N times}.</li>
 * </ul>
 * The first date, time, priority and recurrence win; a second one stays in the title.
 *
 * <h2>Words that belong to the title</h2>
 * A bare weekday, a month and day, or a one-word repeat ({@code weekly}) are also ordinary words ("Watch Friday
 * Night Lights", "Weekly sync"). Such a word is a date or repeat only at the end of the line or of its phrase
 * (before a comma, {@code and}, {@code or}, {@code then}), or just before another part ({@code friday 9am},
 * {@code weekly #work}); followed by more title words it stays in the title. Words in double quotes are always
 * title, without the quotes: {@code Watch "Friday Night Lights" friday}.
 *
 * <h2>Defaults</h2>
 * A recurrence without a date starts at its first occurrence on or after today ("every monday" is the next
 * Monday, "every day" is today), or the next occurrence if that would be today at a time already past.
 * A time without a date is today, or tomorrow if that time has already passed.
 *
 * <p>It never throws: input it cannot read simply stays in the title. The clock comes in as {@code now}
 * (in the person's zone) so results are reproducible.
 */
public final class QuickAddParser {

    /** Reads {@code line} relative to {@code now}; see the class comment. Never throws. */
    public QuickAdd parse(String line, ZonedDateTime now) {
        return parse(line, now, Set.of());
    }

    /**
     * Reads {@code line} as {@link #parse(String, ZonedDateTime)} does, except that the words starting at
     * {@code titleWordsAt} (indices in the line) are title words, as if quoted: the person gave them back by
     * clicking their chip. Indices where no word starts are ignored. Never throws.
     */
    public QuickAdd parse(String line, ZonedDateTime now, Set<Integer> titleWordsAt) {
        String text = line == null ? "" : line;
        try {
            return new Run(text, now, titleWordsAt == null ? Set.of() : titleWordsAt).parse();
        } catch (RuntimeException e) {
            // Every matcher already refuses what it cannot read; this only guards against a bug in one of them,
            // so that quick add never loses what the person typed.
            return new QuickAdd(String.join(" ", text.trim().split("\\s+")), null, null, null, Tags.EMPTY, null,
                    List.of());
        }
    }

    /**
     * The parse without the last line of defence, so tests can show that the matchers themselves never throw
     * and the safety net in {@link #parse} is not what keeps quick add alive.
     */
    QuickAdd parseWithoutSafetyNet(String line, ZonedDateTime now) {
        return new Run(line == null ? "" : line, now, Set.of()).parse();
    }

    /** Words that end one phrase and start another, so a date before them is said at the end of its phrase. */
    private static final Set<String> CLAUSE_WORDS = Set.of("and", "or", "&", "then", "but");

    /** The state of one parse; a fresh one per line keeps the parser itself stateless. */
    private static final class Run {
        private final String line;
        private final ZonedDateTime now;
        private final LocalDate today;
        private final QuickAddWords words;
        private final List<QuickAddPart> parts = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private LocalDate date;
        private LocalTime time;
        private Priority priority;
        private Tags tags = Tags.EMPTY;
        private RecurrenceRule recurrence;

        Run(String line, ZonedDateTime now, Set<Integer> titleWordsAt) {
            this.line = line;
            this.now = now;
            this.today = now.toLocalDate();
            this.words = new QuickAddWords(line, titleWordsAt);
        }

        QuickAdd parse() {
            boolean[] used = new boolean[words.size()];
            for (int i = 0; i < words.size(); ) {
                int k = matchAt(i);
                if (k == 0) {
                    i++;
                } else {
                    for (int j = i; j < i + k; j++) {
                        used[j] = true;
                    }
                    i += k;
                }
            }
            String title = join(used);
            if (title.isEmpty()) {
                title = join(new boolean[words.size()]);
            }
            LocalDate dueDate = date;
            if (dueDate == null && recurrence != null) {
                dueDate = firstDate(recurrence);
            }
            if (dueDate == null && time != null) {
                dueDate = time.isAfter(now.toLocalTime()) ? today : today.plusDays(1);
            }
            return new QuickAdd(title, dueDate, time, priority, tags, recurrence, parts, problems);
        }

        /** The words not marked as used, single-spaced, as typed. */
        private String join(boolean[] used) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                if (!used[i] && !words.get(i).raw().isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(words.get(i).raw());
                }
            }
            return sb.toString();
        }

        private LocalDate firstDate(RecurrenceRule rule) {
            LocalDate first;
            try {
                first = rule.firstOnOrAfter(today);
            } catch (RuntimeException e) {
                // A rule that ended before today has no next date: start today, and the task's rules say why
                // that cannot be added ("the repeat ends … before the task is due").
                return today;
            }
            if (first.equals(today) && time != null && !time.isAfter(now.toLocalTime())) {
                List<LocalDate> next = rule.nextOccurrences(today, 1);
                return next.isEmpty() ? first : next.get(0);
            }
            return first;
        }

        /** Tries each kind of part at word {@code i}; returns how many words the first match used, or 0. */
        private int matchAt(int i) {
            if (words.get(i).literal()) {
                return 0;
            }
            int k = tag(i);
            if (k > 0) {
                return k;
            }
            if (priority == null && (k = priority(i)) > 0) {
                return k;
            }
            Match<RecurrenceRule> rule = recurrence == null ? safely(() -> QuickAddRecurrence.at(words, i, today)) : null;
            if (rule != null && !(QuickAddRecurrence.alsoAnOrdinaryWord(words, i, rule.words())
                    && followedByTitle(i + rule.words()))) {
                recurrence = rule.value();
                return part(QuickAddPart.Kind.RECURRENCE, i, rule.words());
            }
            Match<LocalDate> d = date == null ? safely(() -> QuickAddDates.at(words, i, today)) : null;
            if (d != null && !(QuickAddDates.alsoOrdinaryWords(words, i) && followedByTitle(i + d.words()))) {
                date = d.value();
                return part(QuickAddPart.Kind.DATE, i, d.words());
            }
            Match<LocalTime> t = time == null ? safely(() -> TimeWords.at(words, i)) : null;
            if (t != null) {
                time = t.value();
                return part(QuickAddPart.Kind.TIME, i, t.words());
            }
            return 0;
        }

        /**
         * Whether word {@code j}, right after a date or repeat that also reads as ordinary words, carries on the
         * title: "Friday" in "Watch Friday Night Lights" is a name, while "Friday" at the end, before a comma, an
         * "and"/"or", or another part ("Friday 9am", "Friday #work") is a date.
         */
        private boolean followedByTitle(int j) {
            if (j >= words.size() || words.endsWithPunctuation(j - 1)) {
                return false;
            }
            if (words.get(j).literal()) {
                return true;
            }
            return !CLAUSE_WORDS.contains(words.norm(j)) && !startsPart(j);
        }

        /** Whether some kind of part could start at word {@code j}, whether or not that kind is still free. */
        private boolean startsPart(int j) {
            String w = words.norm(j);
            if (w.startsWith("#") && w.length() > 1 && Tags.normaliseOrNull(w) != null || priorityOf(w) != null) {
                return true;
            }
            try {
                return QuickAddRecurrence.at(words, j, today) != null || QuickAddDates.at(words, j, today) != null
                        || TimeWords.at(words, j) != null;
            } catch (InvalidTaskException | DateTimeException e) {
                // Clearly meant as a part, even if not a possible one ("every 0 weeks"): still not title words.
                return true;
            }
        }

        private <T> Match<T> safely(Supplier<Match<T>> matcher) {
            try {
                return matcher.get();
            } catch (InvalidTaskException e) {
                // Clearly meant, but not possible ("every 5th tuesday", "every 0 weeks"): the words stay in the
                // title, and the problem is told, so that adding does not silently drop what was meant.
                problems.add(e.getMessage());
                return null;
            } catch (DateTimeException e) {
                // A date that does not exist ("2026-02-30", "feb 30 2027"): the words are simply not a date, so they
                // stay in the title. Nothing else is caught: any other exception is a bug in a matcher, which the
                // property tests must see (parse's own safety net still keeps quick add alive in the app).
                return null;
            }
        }

        private int part(QuickAddPart.Kind kind, int i, int k) {
            int start = words.get(i).start();
            int end = words.get(i + k - 1).normEnd();
            parts.add(new QuickAddPart(kind, start, end, line.substring(start, end)));
            return k;
        }

        private int tag(int i) {
            String w = words.norm(i);
            String name = w.startsWith("#") && w.length() > 1 ? Tags.normaliseOrNull(w) : null;
            if (name == null) {
                return 0;
            }
            tags = tags.with(name);
            return part(QuickAddPart.Kind.TAG, i, 1);
        }

        private int priority(int i) {
            Priority p = priorityOf(words.norm(i));
            if (p == null) {
                return 0;
            }
            priority = p;
            return part(QuickAddPart.Kind.PRIORITY, i, 1);
        }

        /** !high, !medium, !med, !low, !none, and Todoist's !1 (high) to !3 (low); null for anything else. */
        private static Priority priorityOf(String w) {
            if (!w.startsWith("!") || w.length() < 2) {
                return null;
            }
            String word = w.substring(1);
            return switch (word) {
                case "1" -> Priority.HIGH;
                case "2" -> Priority.MEDIUM;
                case "3" -> Priority.LOW;
                default -> Priority.parseOrNull(word);
            };
        }
    }
}
