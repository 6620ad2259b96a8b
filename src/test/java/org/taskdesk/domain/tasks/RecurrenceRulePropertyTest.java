package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of every rule the factories build; {@link #rules()} also serves the tests of the rule's words. */
public class RecurrenceRulePropertyTest {

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void everyBuildableRuleFitsTheColumnAndRoundTrips(@ForAll("rules") Optional<RecurrenceRule> maybeRule) {
        // Edge cases are off: eight combined parameters have more corner combinations than tries.
        // Empty means the factories refused the combination with InvalidTaskException, which is allowed.
        maybeRule.ifPresent(rule -> {
            assertThat(rule.toStored().length()).isLessThanOrEqualTo(RecurrenceRule.MAX_STORED_LENGTH);
            assertThat(RecurrenceRule.parse(rule.toStored())).isEqualTo(rule);
        });
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void nextOccurrencesAreIncreasingAfterTheStartAndWithinTheLimits(
            @ForAll("rules") Optional<RecurrenceRule> maybeRule, @ForAll("dates") LocalDate start,
            @ForAll @IntRange(min = 0, max = 20) int n) {
        maybeRule.ifPresent(rule -> {
            List<LocalDate> dates = rule.nextOccurrences(start, n);
            assertThat(dates.size()).isLessThanOrEqualTo(n);
            rule.timesLeft().ifPresent(left -> assertThat(dates.size()).isLessThan(left));
            LocalDate previous = start;
            for (LocalDate d : dates) {
                assertThat(d).isAfter(previous);
                rule.endDate().ifPresent(end -> assertThat(d).isBeforeOrEqualTo(end));
                previous = d;
            }
        });
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void nextDueIsAfterBothTheDueDateAndTheCompletionDay(
            @ForAll("rules") Optional<RecurrenceRule> maybeRule, @ForAll("dates") LocalDate due,
            @ForAll @IntRange(min = -400, max = 400) int completedOffset) {
        maybeRule.ifPresent(rule -> {
            LocalDate completed = due.plusDays(completedOffset);
            rule.nextDueAfterCompletion(due, completed).ifPresent(next -> {
                assertThat(next).isAfter(completed);
                if (!rule.isAfterCompletion()) {
                    assertThat(next).isAfter(due);
                }
            });
        });
    }

    @Provide
    public Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    public Arbitrary<Optional<RecurrenceRule>> rules() {
        Arbitrary<Integer> intervals = Arbitraries.integers().between(1, 999);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMaxSize(7);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> numbers = Arbitraries.integers().between(1, 31);
        Arbitrary<Integer> ordinals = Arbitraries.of(1, 2, 3, 4, -1);
        Arbitrary<DayOfWeek> weekday = Arbitraries.of(DayOfWeek.class);
        Arbitrary<Integer> limits = Arbitraries.integers().between(0, 2);
        Arbitrary<LocalDate> ends = dates();
        Arbitrary<Boolean> afterCompletion = Arbitraries.of(true, false);
        return Combinators.combine(kinds, intervals, days, numbers, ordinals, weekday, limits, ends)
                .flatAs((kind, interval, ds, number, ordinal, wd, limit, end) -> afterCompletion.map(ac -> {
                    try {
                        RecurrenceRule r = switch (kind) {
                            case 0 -> RecurrenceRule.daily(interval);
                            case 1 -> RecurrenceRule.weekly(interval, ds.isEmpty() ? Set.of() : EnumSet.copyOf(ds));
                            case 2 -> RecurrenceRule.monthlyOnDay(interval, number);
                            case 3 -> RecurrenceRule.monthlyOnWeekday(interval, ordinal, wd);
                            case 4 -> RecurrenceRule.yearly(interval);
                            default -> RecurrenceRule.weekdays();
                        };
                        if (limit == 1) {
                            r = r.until(end);
                        } else if (limit == 2) {
                            r = r.times(Math.min(number, 999));
                        }
                        return Optional.of(ac ? r.afterCompletion() : r);
                    } catch (InvalidTaskException e) {
                        return Optional.<RecurrenceRule>empty();
                    }
                }));
    }
}
