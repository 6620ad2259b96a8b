package org.taskdesk.domain.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The dates of a {@link RecurrenceRule}, computed by lib-recur; kept apart so the rule class is about what a
 * repeat is, and this one about when it falls. The rule's public methods explain the behaviour.
 */
final class RecurrenceDates {
    private final RecurrenceRule rule;
    private final LocalDate endDate;
    private final int timesLeft;

    RecurrenceDates(RecurrenceRule rule, LocalTime dueTime, ZoneId zone) {
        this.rule = rule;
        this.endDate = rule.lastDate(dueTime, zone);
        this.timesLeft = rule.timesLeft().orElse(0);
    }

    List<LocalDate> nextOccurrences(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        int wanted = timesLeft == 0 ? n : Math.min(n, timesLeft - 1);
        List<LocalDate> result = new ArrayList<>(Math.min(wanted, 64));
        if (wanted == 0) {
            return result;
        }
        if (rule.isAfterCompletion()) {
            LocalDate d = start;
            while (result.size() < wanted) {
                d = nextFromCompletion(d);
                if (d == null || (endDate != null && d.isAfter(endDate))) {
                    break;
                }
                result.add(d);
            }
            return result;
        }
        RecurrenceRuleIterator it;
        try {
            it = iterator(start, rule.interval());
        } catch (IllegalArgumentException e) {
            return result; // no occurrence can ever match from this start; see firstAfter
        }
        LocalDate previous = start;
        while (result.size() < wanted) {
            LocalDate d = firstAfter(it, previous);
            if (d == null || (endDate != null && d.isAfter(endDate))) {
                break;
            }
            result.add(d);
            previous = d;
        }
        return result;
    }

    Optional<LocalDate> nextDueAfterCompletion(LocalDate currentDue, LocalDate completedOn) {
        Objects.requireNonNull(currentDue, "currentDue");
        Objects.requireNonNull(completedOn, "completedOn");
        if (rule.hasEnded()) {
            return Optional.empty();
        }
        LocalDate next;
        if (rule.isAfterCompletion()) {
            next = nextFromCompletion(completedOn);
        } else {
            LocalDate after = completedOn.isAfter(currentDue) ? completedOn : currentDue;
            next = firstAfter(currentDue, after);
        }
        if (next == null || (endDate != null && next.isAfter(endDate))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    LocalDate firstOnOrAfter(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!rule.namesDays()) {
            return date;
        }
        RecurrenceRuleIterator it = iterator(date, 1);
        // The named days always occur within a few months, so the iterator always has a next date.
        return toLocalDate(it.nextDateTime());
    }

    /**
     * The first occurrence strictly after {@code after}, or null when there is none. lib-recur gives up with an
     * IllegalArgumentException ("too many filtered recurrence instances") on schedules that can never match
     * again, such as every 24 months on the 30th from a February; for a task that means the series has ended.
     */
    private LocalDate firstAfter(LocalDate anchor, LocalDate after) {
        try {
            // lib-recur already looks for the first instance when the iterator is made, so that is inside the try.
            return firstAfter(iterator(anchor, rule.interval()), after);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate firstAfter(RecurrenceRuleIterator it, LocalDate after) {
        try {
            // Jumps over missed occurrences without visiting each: a daily task due years ago stays cheap.
            it.fastForward(toDateTime(after));
            while (it.hasNext()) {
                LocalDate d = toLocalDate(it.nextDateTime());
                if (d.isAfter(after)) {
                    return d;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private LocalDate nextFromCompletion(LocalDate completedOn) {
        try {
            if (!rule.namesDays()) {
                return completedOn.plus(rule.interval(), rule.frequency().unit());
            }
            return firstOnOrAfter(completedOn.plus(rule.interval() - 1L, rule.frequency().unit()).plusDays(1));
        } catch (DateTimeException | ArithmeticException e) {
            return null; // beyond year 999,999,999: the series simply has no next date
        }
    }

    private RecurrenceRuleIterator iterator(LocalDate anchor, int withInterval) {
        String schedule = RecurrenceRuleText.write(rule, false);
        org.dmfs.rfc5545.recur.RecurrenceRule recur;
        try {
            recur = new org.dmfs.rfc5545.recur.RecurrenceRule(schedule);
        } catch (InvalidRecurrenceRuleException e) {
            // Cannot happen: the rule's constructor only lets supported, well-formed rules through.
            throw new IllegalStateException("lib-recur refused " + schedule, e);
        }
        recur.setInterval(withInterval);
        return recur.iterator(toDateTime(anchor));
    }

    private static DateTime toDateTime(LocalDate date) {
        // An all-day DateTime; lib-recur counts months from 0.
        return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static LocalDate toLocalDate(DateTime dt) {
        return LocalDate.of(dt.getYear(), dt.getMonth() + 1, dt.getDayOfMonth());
    }
}
