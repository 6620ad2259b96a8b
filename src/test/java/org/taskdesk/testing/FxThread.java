package org.taskdesk.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX tests do on the JavaFX thread: read something there, and wait until something is so there. */
public final class FxThread {
    /** How long {@link #waitUntil(Callable)} waits, unless a test says otherwise. */
    private static final int WAIT_SECONDS = 15;

    private FxThread() {
    }

    /** {@code read} run on the JavaFX thread (10 s at most), its answer here. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition}, read on the JavaFX thread, is true: 15 s at most, then fails. */
    public static void waitUntil(Callable<Boolean> condition) {
        waitUntil(WAIT_SECONDS, condition);
    }

    /** The same, {@code seconds} at most. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("The window did not get there in time", e);
        }
    }
}
