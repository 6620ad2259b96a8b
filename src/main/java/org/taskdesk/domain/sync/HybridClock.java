package org.taskdesk.domain.sync;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A hybrid logical clock (Kulkarni et al. 2014) that stamps every change to a task field, so that the later of two
 * edits wins on every device whatever order they arrive in. A stamp is text, {@code %013x-%04x-%s}: wall-clock
 * milliseconds, a counter and the node (a replica's client id, or {@code server}); stamps compare as plain strings.
 *
 * <p>Its wall clock is the device's plus an offset learned from the server's clock, so a device whose clock is three
 * hours fast stamps in server time after one sync instead of winning every conflict for three hours. Stamps never go
 * backwards, whatever the device clock does: a step back only makes the counter count.
 */
public final class HybridClock {
    /** The server refuses a stamp further ahead of its own clock than this (the protocol's {@code clock_ahead}). */
    public static final long MAX_AHEAD_MILLIS = 5 * 60 * 1000L;
    public static final String SERVER_NODE = "server";
    private static final int MAX_COUNTER = 0xffff;
    private static final Pattern STAMP = Pattern.compile("[0-9a-f]{13}-[0-9a-f]{4}-[0-9A-Za-z_-]{1,64}");

    private final String node;
    private final LongSupplier deviceMillis;
    private long offsetMillis;
    private long lastMillis;
    private int lastCounter;

    /**
     * A clock for {@code node} over the device clock {@code deviceMillis} (milliseconds since the epoch), with the
     * offset to the server's clock learned before ({@code 0} when none).
     */
    public HybridClock(String node, LongSupplier deviceMillis, long offsetMillis) {
        if (node == null || !node.matches("[0-9A-Za-z_-]{1,64}")) {
            throw new IllegalArgumentException("A clock's node is a client id or 'server', not '" + node + "'");
        }
        this.node = node;
        this.deviceMillis = deviceMillis;
        this.offsetMillis = offsetMillis;
    }

    /** A new stamp, greater than every stamp this clock has made or received. */
    public synchronized String stamp() {
        long wall = wallMillis();
        if (wall > lastMillis) {
            lastMillis = wall;
            lastCounter = 0;
        } else {
            tick();
        }
        return format(lastMillis, lastCounter, node);
    }

    /** Takes in a stamp made elsewhere: every stamp made after this is greater than it. */
    public synchronized void receive(String remote) {
        long remoteMillis = millis(remote);
        int remoteCounter = counter(remote);
        long wall = wallMillis();
        if (wall > lastMillis && wall > remoteMillis) {
            lastMillis = wall;
            lastCounter = 0;
        } else if (remoteMillis > lastMillis) {
            lastMillis = remoteMillis;
            lastCounter = remoteCounter;
        } else if (remoteMillis == lastMillis) {
            lastCounter = Math.max(lastCounter, remoteCounter);
        }
        // Stamps from now on come after the received one (stamp() ticks past lastCounter or moves to a later ms).
    }

    /**
     * Learns the offset of the device clock from the server's, whose clock read {@code serverStamp} just now, and
     * takes the stamp in. Stamps this clock made further ahead of the server than it accepts were refused there, so
     * they are forgotten: the next stamp is within the server's limit, yet after every stamp the server accepted.
     */
    public synchronized void learnServerClock(String serverStamp) {
        long serverMillis = millis(serverStamp);
        offsetMillis = serverMillis - deviceMillis.getAsLong();
        if (lastMillis > serverMillis + MAX_AHEAD_MILLIS) {
            lastMillis = serverMillis + MAX_AHEAD_MILLIS;
            lastCounter = 0;
        }
        receive(serverStamp);
    }

    /**
     * As {@link #learnServerClock}, after the server refused this clock's stamps as too far ahead: every stamp later
     * than {@code serverStamp} was refused (the server's clock takes in every stamp it accepts), so all of them are
     * forgotten and the next stamp comes just after the server's. Capping at the server's clock plus the limit is
     * not enough: that clock is the greatest stamp the server accepted, which may itself be up to the limit ahead of
     * the server's wall clock, and stamps re-made there were refused again and again (seed 1148403761 of the sync
     * simulation).
     */
    public synchronized void learnServerClockAfterRefusal(String serverStamp) {
        long serverMillis = millis(serverStamp);
        if (lastMillis > serverMillis) {
            lastMillis = serverMillis;
            lastCounter = 0;
        }
        learnServerClock(serverStamp);
    }

    /** The device clock's offset from the server's, in milliseconds (positive: the device is behind). */
    public synchronized long offsetMillis() {
        return offsetMillis;
    }

    public String node() {
        return node;
    }

    private long wallMillis() {
        return deviceMillis.getAsLong() + offsetMillis;
    }

    /** The next stamp in the same millisecond; past the counter's four digits, the next millisecond. */
    private void tick() {
        if (lastCounter == MAX_COUNTER) {
            lastMillis++;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
    }

    public static String format(long millis, int counter, String node) {
        return String.format(Locale.ROOT, "%013x-%04x-%s", millis, counter, node);
    }

    /** Whether {@code text} is a stamp in the protocol's form. */
    public static boolean isStamp(String text) {
        return text != null && STAMP.matcher(text).matches();
    }

    /** The wall-clock milliseconds of {@code stamp}. */
    public static long millis(String stamp) {
        requireStamp(stamp);
        return Long.parseLong(stamp.substring(0, 13), 16);
    }

    static int counter(String stamp) {
        requireStamp(stamp);
        return Integer.parseInt(stamp.substring(14, 18), 16);
    }

    /** Orders stamps as the protocol does: as plain strings; no stamp at all comes before every stamp. */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** Whether {@code candidate} wins over {@code current}: strictly later (an equal stamp is the same edit). */
    public static boolean later(String candidate, String current) {
        return compare(candidate, current) > 0;
    }

    private static void requireStamp(String stamp) {
        if (!isStamp(stamp)) {
            throw new IllegalArgumentException("Not a clock stamp: '" + stamp + "'");
        }
    }
}
