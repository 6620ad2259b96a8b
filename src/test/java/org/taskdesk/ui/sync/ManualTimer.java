package org.taskdesk.ui.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A timer whose time moves only when the test says: {@link #advance} runs, in order, what falls due. */
final class ManualTimer implements SyncScheduler.Timer {
    private record Entry(Duration at, long order, Runnable work) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long order;
    boolean shutDown;

    @Override
    public Runnable schedule(Runnable work, Duration delay) {
        if (shutDown) {
            return () -> { };
        }
        Entry entry = new Entry(now.plus(delay), order++, work);
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    @Override
    public void shutdown() {
        shutDown = true;
        entries.clear();
    }

    @Override
    public boolean awaitStopped(Duration limit) {
        return true;
    }

    /** Moves time on by {@code by}, running everything due meanwhile (including what that schedules). */
    void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Entry next = entries.stream().filter(e -> e.at().compareTo(until) <= 0)
                    .min(Comparator.comparing(Entry::at).thenComparing(Entry::order)).orElse(null);
            if (next == null) {
                break;
            }
            entries.remove(next);
            now = next.at();
            next.work().run();
        }
        now = until;
    }

    Duration now() {
        return now;
    }
}
