package org.taskdesk.persistence.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the soak saw ({@link SharedServerSoakTest}): each attack's outcomes, and each honest round's time and
 * failure. Thread-safe: every device and attacker writes here.
 */
final class SoakTally {
    /** What became of one attempt of an attack. */
    enum Outcome {
        /** The server said no (no right, no session, a bad argument, a cost it does not accept, a wrong password). */
        REFUSED,
        /** The server ran it and then ended it (a statement past the longest, SQLSTATE 57014). */
        STOPPED,
        /** The server let it run, and it reached nobody but the attacker (checked by the honest rounds). */
        HARMLESS,
        /** It got what it must not get: another person's row, a session, a lock, a stored hash of a foreign cost. */
        BREACH,
        /** An error the soak did not expect: not a breach in itself, but unexplained, so the soak fails too. */
        UNEXPECTED
    }

    private static final int NOTES_KEPT = 10;

    private final Map<String, Map<Outcome, AtomicLong>> attacks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> roundMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failedRounds = Collections.synchronizedList(new ArrayList<>());
    private final List<String> foreignRows = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong signIns = new AtomicLong();

    /** Lists {@code attack} in the summary in this order, before it has run. */
    void expect(String attack) {
        counts(attack);
    }

    void count(String attack, Outcome outcome) {
        counts(attack).get(outcome).incrementAndGet();
    }

    /** A breach or an unexpected error, with what happened; the first few are kept for the failure message. */
    void count(String attack, Outcome outcome, String what) {
        count(attack, outcome);
        if (notes.size() < NOTES_KEPT) {
            notes.add(outcome + " " + attack + ": " + what);
        }
    }

    private Map<Outcome, AtomicLong> counts(String attack) {
        synchronized (attacks) {
            return attacks.computeIfAbsent(attack, name -> {
                Map<Outcome, AtomicLong> each = new EnumMap<>(Outcome.class);
                for (Outcome outcome : Outcome.values()) {
                    each.put(outcome, new AtomicLong());
                }
                return each;
            });
        }
    }

    long total(String attack) {
        return counts(attack).values().stream().mapToLong(AtomicLong::get).sum();
    }

    List<String> attacks() {
        synchronized (attacks) {
            return List.copyOf(attacks.keySet());
        }
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void round(long millis) {
        roundMillis.add(millis);
    }

    void signedIn() {
        signIns.incrementAndGet();
    }

    void roundFailed(String what) {
        failedRounds.add(what);
    }

    void foreignRow(String what) {
        foreignRows.add(what);
    }

    List<String> failedRounds() {
        return List.copyOf(failedRounds);
    }

    List<String> foreignRows() {
        return List.copyOf(foreignRows);
    }

    List<Long> sortedRounds() {
        List<Long> sorted = new ArrayList<>(roundMillis);
        Collections.sort(sorted);
        return sorted;
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** The one-screen summary. */
    String summary(String heading) {
        List<Long> rounds = sortedRounds();
        StringBuilder text = new StringBuilder(heading).append('\n');
        text.append(String.format(Locale.ROOT, "  honest rounds: %,d succeeded, %d failed; p50 %,d ms, p95 %,d ms, "
                + "max %,d ms; sign-ins during the soak: %,d%n", rounds.size(), failedRounds.size(),
                percentile(rounds, 0.5), percentile(rounds, 0.95), rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1),
                signIns.get()));
        text.append(String.format(Locale.ROOT, "  rows received from another person: %d%n", foreignRows.size()));
        text.append(String.format(Locale.ROOT, "  %-58s %8s %8s %8s %7s %7s%n", "attack (both members)", "refused",
                "stopped", "harmless", "breach", "unexp."));
        synchronized (attacks) {
            attacks.forEach((attack, counts) -> text.append(String.format(Locale.ROOT,
                    "  %-58s %,8d %,8d %,8d %,7d %,7d%n", attack, counts.get(Outcome.REFUSED).get(),
                    counts.get(Outcome.STOPPED).get(), counts.get(Outcome.HARMLESS).get(),
                    counts.get(Outcome.BREACH).get(), counts.get(Outcome.UNEXPECTED).get())));
        }
        notes.forEach(note -> text.append("  ! ").append(note).append('\n'));
        return text.toString();
    }
}
